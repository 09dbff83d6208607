using System.Globalization;
using System.Text;
using Microsoft.CodeAnalysis.CSharp;

namespace CapsuleGen.Generator.Tests.Differential;

/// <summary>
/// Writes a batch of random cases as two C# modules that do not reference each other: the exporting
/// module (each case's types and its export, plus <c>FuzzExports.Entry</c> to call it directly) and
/// the importing module (its own copies of the types, the import, and <c>FuzzImports.Entry</c> to
/// call through a binding). Every value is described the same way C describes it, so that texts
/// can be compared.
/// </summary>
internal sealed class CSharpRenderer
{
    private const string Support = "global::FuzzSupport.Describe";
    private const string Pragmas = "#pragma warning disable CS8981, CS8860, CS0649, CS0169, CS0219 // random names, fields only read through the boundary, arguments left to their defaults";

    private static readonly string[] s_containerKinds =
        ["public static partial class", "public partial struct", "public partial record", "public partial record struct", "public partial interface", "public ref partial struct"];

    private readonly IReadOnlyList<FuzzCase> _cases;
    private readonly List<(FuzzCase Case, FuzzFunction Function)> _functions;

    public CSharpRenderer(IReadOnlyList<FuzzCase> cases)
    {
        _cases = cases;
        _functions = cases.SelectMany(fuzzCase => fuzzCase.Functions.Select(function => (fuzzCase, function))).ToList();
    }

    /// <summary>The functions of the batch in the order both entries number them.</summary>
    public IReadOnlyList<(FuzzCase Case, FuzzFunction Function)> Functions => _functions;

    public static string Escape(string name) =>
        SyntaxFacts.GetKeywordKind(name) != SyntaxKind.None || SyntaxFacts.GetContextualKeywordKind(name) != SyntaxKind.None ? "@" + name : name;

    public string Exporter()
    {
        var text = new StringBuilder(Pragmas).AppendLine();
        foreach (FuzzCase fuzzCase in _cases)
        {
            WriteNamespace(text, Namespace(fuzzCase, fuzzCase.Namespace), fuzzCase, body => WriteExport(body, fuzzCase));
            if (fuzzCase.CaseTwin)
            {
                foreach (string twin in new[] { "Twin", "TWIN" })
                {
                    text.AppendLine($"namespace Case{fuzzCase.Index}{twin} {{ public static partial class Twin {{ [global::CapsuleGen.ExportCapsule({Literal(fuzzCase.CapsuleName + twin)})] public static void T() {{ }} }} }}");
                }
            }
        }

        text.AppendLine("namespace FuzzExports").AppendLine("{");
        foreach (FuzzCase fuzzCase in _cases)
        {
            WriteExportHelpers(text, fuzzCase);
        }

        text.AppendLine("    public static unsafe class Entry").AppendLine("    {");
        WriteArray(text, "global::System.Func<string>", "Direct", index => $"Case{_functions[index].Case.Index}.Direct{_functions[index].Function.Slot}");
        WriteArray(text, "global::System.Func<string>", "Expected", index => $"Case{_functions[index].Case.Index}.Expected{_functions[index].Function.Slot}");
        WriteArray(text, "global::System.Func<string?>", "Seen", index => $"() => Case{_functions[index].Case.Index}.Seen{_functions[index].Function.Slot}");
        WriteArray(text, "global::System.Func<nint>", "Pointer", index => $"Case{_functions[index].Case.Index}.Pointer{_functions[index].Function.Slot}");
        WriteArray(text, "global::System.Func<global::CapsuleGen.Capsule>", "Capsule", index => $"Case{_functions[index].Case.Index}.Capsule");
        text.AppendLine("    }").AppendLine("}");
        text.AppendLine(SupportSource);
        return text.ToString();
    }

    public string Importer()
    {
        var text = new StringBuilder(Pragmas).AppendLine();
        foreach (FuzzCase fuzzCase in _cases)
        {
            WriteNamespace(text, Namespace(fuzzCase, fuzzCase.ImportNamespace), fuzzCase, body => WriteImport(body, fuzzCase));
        }

        text.AppendLine("namespace FuzzImports").AppendLine("{");
        foreach (FuzzCase fuzzCase in _cases)
        {
            WriteImportHelpers(text, fuzzCase);
        }

        text.AppendLine("    public static unsafe class Entry").AppendLine("    {");
        WriteArray(text, "global::System.Func<global::CapsuleGen.Capsule, string>", "Binding", index => $"Case{_functions[index].Case.Index}.Bind{_functions[index].Function.Slot}");
        text.AppendLine("    }").AppendLine("}");
        text.AppendLine(SupportSource);
        return text.ToString();
    }

    private static string Namespace(FuzzCase fuzzCase, IReadOnlyList<string> segments) =>
        string.Join(".", new[] { "Case" + fuzzCase.Index.ToString(CultureInfo.InvariantCulture) }.Concat(segments.Select(Escape)));

    private static void WriteNamespace(StringBuilder text, string ns, FuzzCase fuzzCase, Action<StringBuilder> body)
    {
        text.AppendLine($"namespace {ns}").AppendLine("{");
        foreach (FuzzEnum fuzzEnum in fuzzCase.Enums)
        {
            text.AppendLine($"    public enum {Escape(fuzzEnum.Name)} : {Keyword(fuzzEnum.Underlying)} {{ V0 = 0, V1 = 1 }}");
        }

        foreach (FuzzStruct structure in fuzzCase.Structs)
        {
            WriteStruct(text, structure, ns);
        }

        body(text);
        text.AppendLine("}");
    }

    private static void WriteStruct(StringBuilder text, FuzzStruct structure, string ns)
    {
        string name = Escape(structure.Name);
        IReadOnlyList<int> offsets = HarnessLayout.Sequential(structure).Offsets;
        switch (structure.Kind)
        {
            case StructKind.Record:
                text.AppendLine($"    public record struct {name}({string.Join(", ", structure.Fields.Select(field => TypeName(field.Type, ns) + " " + Escape(field.Name)))});");
                return;
            case StructKind.InlineArray:
                text.AppendLine($"    [global::System.Runtime.CompilerServices.InlineArray({structure.InlineLength})] public struct {name} {{ private {TypeName(structure.Fields[0].Type, ns)} {Escape(structure.Fields[0].Name)}; }}");
                return;
            case StructKind.Packed:
                text.AppendLine($"    [global::System.Runtime.InteropServices.StructLayout(global::System.Runtime.InteropServices.LayoutKind.Sequential, Pack = {structure.Pack})]");
                break;
            case StructKind.Sized:
                text.AppendLine($"    [global::System.Runtime.InteropServices.StructLayout(global::System.Runtime.InteropServices.LayoutKind.Sequential, Size = {HarnessLayout.Of(structure).Size})]");
                break;
            case StructKind.ExplicitInOrder or StructKind.Union:
                text.AppendLine("    [global::System.Runtime.InteropServices.StructLayout(global::System.Runtime.InteropServices.LayoutKind.Explicit)]");
                break;
        }

        text.Append($"    public unsafe struct {name} {{ ");
        for (int i = 0; i < structure.Fields.Count; i++)
        {
            FuzzField field = structure.Fields[i];
            string offset = structure.Kind is StructKind.ExplicitInOrder or StructKind.Union ? $"[global::System.Runtime.InteropServices.FieldOffset({offsets[i]})] " : string.Empty;
            text.Append(field.Count > 0
                ? $"{offset}public fixed {TypeName(field.Type, ns)} {Escape(field.Name)}[{field.Count}]; "
                : $"{offset}public {TypeName(field.Type, ns)} {Escape(field.Name)}; ");
        }

        text.AppendLine("}");
    }

    private static void WriteExport(StringBuilder text, FuzzCase fuzzCase)
    {
        string ns = Namespace(fuzzCase, fuzzCase.Namespace);
        int depth = 1;
        foreach (string container in fuzzCase.Containers)
        {
            text.Append(' ', depth * 4).AppendLine($"{ContainerKind(fuzzCase, container)} {Escape(container)}").Append(' ', depth * 4).AppendLine("{");
            depth++;
        }

        if (fuzzCase.IsTable)
        {
            text.Append(' ', depth * 4).AppendLine($"[global::CapsuleGen.ExportCapsule({Literal(fuzzCase.CapsuleName)})]");
            text.Append(' ', depth * 4).AppendLine($"public static unsafe partial class {Escape(fuzzCase.TableName)}").Append(' ', depth * 4).AppendLine("{");
            depth++;
        }

        foreach (FuzzFunction function in fuzzCase.Functions)
        {
            string attribute = fuzzCase.IsTable ? $"[global::CapsuleGen.CapsuleSlot({function.Slot})]" : $"[global::CapsuleGen.ExportCapsule({Literal(fuzzCase.CapsuleName)})]";
            text.Append(' ', depth * 4).AppendLine($"{attribute} {ReturnAttribute(function.Return)}");
            text.Append(' ', depth * 4).AppendLine(
                $"{(fuzzCase.IsTable || Hash(function.Name) % 2 == 0 ? "internal" : "public")} static unsafe {TypeName(function.Return, ns)} {Escape(function.Name)}({Parameters(function, ns, withDefaults: false)}) => " +
                $"global::FuzzExports.Case{fuzzCase.Index}.F{function.Slot}({string.Join(", ", function.Parameters.Select(parameter => Escape(parameter.Name)))});");
        }

        while (depth > 1)
        {
            depth--;
            text.Append(' ', depth * 4).AppendLine("}");
        }
    }

    private static void WriteImport(StringBuilder text, FuzzCase fuzzCase)
    {
        string ns = Namespace(fuzzCase, fuzzCase.ImportNamespace);
        text.AppendLine($"    [global::CapsuleGen.ImportCapsule({Literal(fuzzCase.CapsuleName)})]");
        text.AppendLine($"    public unsafe partial interface {Escape(fuzzCase.InterfaceName)}").AppendLine("    {");
        foreach (FuzzFunction function in fuzzCase.Functions)
        {
            string slot = fuzzCase.IsTable ? $"[global::CapsuleGen.CapsuleSlot({function.Slot})] " : string.Empty;
            text.AppendLine($"        {slot}{ReturnAttribute(function.Return)} {TypeName(function.Return, ns)} {Escape(function.Name)}({Parameters(function, ns, withDefaults: true)});");
        }

        text.AppendLine("    }");
    }

    private void WriteExportHelpers(StringBuilder text, FuzzCase fuzzCase)
    {
        string ns = Namespace(fuzzCase, fuzzCase.Namespace);
        string owner = "global::" + string.Join(".", new[] { ns }.Concat(fuzzCase.Containers.Select(Escape)));
        string capsule = fuzzCase.IsTable
            ? $"{owner}.{Escape(fuzzCase.TableName)}.{fuzzCase.TableName}Capsule"
            : $"{owner}.{fuzzCase.Functions[0].Name}Capsule";
        text.AppendLine($"    public static unsafe class Case{fuzzCase.Index}").AppendLine("    {");
        text.AppendLine($"        public static global::CapsuleGen.Capsule Capsule() => {capsule};");
        WriteDescribers(text, fuzzCase, ns);
        foreach (FuzzFunction function in fuzzCase.Functions)
        {
            int slot = function.Slot;
            string parameters = string.Join(", ", function.Parameters.Select((parameter, i) => $"{TypeName(parameter.Type, ns)} p{i}"));
            text.AppendLine($"        public static string? Seen{slot};");
            text.AppendLine($"        public static {TypeName(function.Return, ns)} F{slot}({parameters})").AppendLine("        {");
            text.AppendLine("            var sb = new global::System.Text.StringBuilder();");
            WriteDescribeList(text, function.Parameters.Select((parameter, i) => (parameter.Type, "p" + i)), ns);
            text.AppendLine($"            Seen{slot} = sb.ToString();");
            if (function.Return is not VoidType)
            {
                text.AppendLine($"            ulong state = {Support}.Hash(Seen{slot});");
                var statements = new List<string>();
                string value = MakeValue(function.Return, ns, statements);
                foreach (string statement in statements.Where(statement => statement.Length > 0))
                {
                    text.AppendLine("            " + statement);
                }

                text.AppendLine($"            return {value};");
            }

            text.AppendLine("        }");

            text.AppendLine($"        public static string Expected{slot}()").AppendLine("        {");
            List<string> arguments = WriteArguments(text, function, ns);
            text.AppendLine("            var sb = new global::System.Text.StringBuilder();");
            WriteDescribeList(text, function.Parameters.Select((parameter, i) => (parameter.Type, arguments[i])), ns);
            text.AppendLine("            return sb.ToString();").AppendLine("        }");

            text.AppendLine($"        public static string Direct{slot}()").AppendLine("        {");
            arguments = WriteArguments(text, function, ns);
            string call = $"{owner}.{(fuzzCase.IsTable ? Escape(fuzzCase.TableName) + "." : string.Empty)}{Escape(function.Name)}({string.Join(", ", arguments)})";
            WriteCallAndDescribe(text, function.Return, call, ns);
            text.AppendLine("        }");

            text.AppendLine(fuzzCase.IsTable
                ? $"        public static nint Pointer{slot}() => ((nint*)Capsule().GetPointer({Literal(fuzzCase.CapsuleName)}))[{slot}];"
                : $"        public static nint Pointer{slot}() => Capsule().GetPointer({Literal(fuzzCase.CapsuleName)});");
        }

        text.AppendLine("    }");
    }

    private void WriteImportHelpers(StringBuilder text, FuzzCase fuzzCase)
    {
        string ns = Namespace(fuzzCase, fuzzCase.ImportNamespace);
        text.AppendLine($"    public static unsafe class Case{fuzzCase.Index}").AppendLine("    {");
        WriteDescribers(text, fuzzCase, ns);
        foreach (FuzzFunction function in fuzzCase.Functions)
        {
            text.AppendLine($"        public static string Bind{function.Slot}(global::CapsuleGen.Capsule capsule)").AppendLine("        {");
            text.AppendLine($"            var binding = new global::{ns}.{Escape(fuzzCase.InterfaceName)}.Binding(capsule);");
            List<string> arguments = WriteArguments(text, function, ns);

            // Arguments that have default values are left out: the binding must keep the defaults.
            int kept = arguments.Count - DefaultedSuffix(function);
            WriteCallAndDescribe(text, function.Return, $"binding.{Escape(function.Name)}({string.Join(", ", arguments.Take(kept))})", ns);
            text.AppendLine("        }");
        }

        text.AppendLine("    }");
    }

    private static void WriteCallAndDescribe(StringBuilder text, FuzzType returns, string call, string ns)
    {
        if (returns is VoidType)
        {
            text.AppendLine($"            {call};").AppendLine("            return \"void\";");
            return;
        }

        text.AppendLine($"            {TypeName(returns, ns)} result = {call};");
        text.AppendLine("            var sb = new global::System.Text.StringBuilder();");
        WriteDescribeList(text, [(returns, "result")], ns);
        text.AppendLine("            return sb.ToString();");
    }

    /// <summary>Declares the case's arguments as locals <c>a0</c>, <c>a1</c>… and returns the expressions to pass.</summary>
    private static List<string> WriteArguments(StringBuilder text, FuzzFunction function, string ns)
    {
        var arguments = new List<string>();
        for (int i = 0; i < function.Parameters.Count; i++)
        {
            var statements = new List<string>();
            string value = Value(function.Parameters[i].Type, function.Parameters[i].Value, ns, statements, "a" + i);
            foreach (string statement in statements.Where(statement => statement.Length > 0))
            {
                text.AppendLine("            " + statement);
            }

            text.AppendLine($"            {TypeName(function.Parameters[i].Type, ns)} a{i} = {value};");
            arguments.Add("a" + i);
        }

        return arguments;
    }

    private static void WriteDescribeList(StringBuilder text, IEnumerable<(FuzzType Type, string Expression)> values, string ns)
    {
        bool first = true;
        foreach ((FuzzType type, string expression) in values)
        {
            if (!first)
            {
                text.AppendLine("            sb.Append(' ');");
            }

            first = false;
            text.AppendLine("            " + Describe(type, expression, ns) + ";");
        }
    }

    private static void WriteDescribers(StringBuilder text, FuzzCase fuzzCase, string ns)
    {
        foreach (FuzzStruct structure in fuzzCase.Structs)
        {
            text.AppendLine($"        public static void D{Hash(structure.Name)}(global::System.Text.StringBuilder sb, global::{ns}.{Escape(structure.Name)} v)").AppendLine("        {");
            foreach (string statement in StructSlots.Describe(structure, piece => $"sb.Append('{piece}');", slot => Describe(slot.Type, "v" + Access(structure, slot), ns) + ";"))
            {
                text.AppendLine("            " + statement);
            }

            text.AppendLine("        }");
        }
    }

    /// <summary>How C# reaches a slot of a struct variable: <c>.Name</c>, <c>.Name[2]</c>, or <c>[2]</c> in an inline array.</summary>
    private static string Access(FuzzStruct structure, StructSlot slot) =>
        structure.Kind == StructKind.InlineArray ? $"[{slot.Element}]"
        : slot.Element is { } element ? $".{Escape(structure.Fields[slot.Field].Name)}[{element}]"
        : "." + Escape(structure.Fields[slot.Field].Name);

    /// <summary>A statement appending the description of <paramref name="expression"/> to <c>sb</c>.</summary>
    private static string Describe(FuzzType type, string expression, string ns) => type switch
    {
        PrimitiveType { Primitive: Primitive.Float } => $"{Support}.F32(sb, {expression})",
        PrimitiveType { Primitive: Primitive.Double } => $"{Support}.F64(sb, {expression})",
        PrimitiveType { Primitive: var primitive } when IsSigned(primitive) => $"{Support}.Signed(sb, (long){expression})",
        PrimitiveType => $"{Support}.Unsigned(sb, (ulong){expression})",
        EnumType { Enum.Underlying: var underlying } when IsSigned(underlying) => $"{Support}.Signed(sb, (long){expression})",
        EnumType => $"{Support}.Unsigned(sb, (ulong){expression})",
        BoolType => $"sb.Append({expression} ? \"b1\" : \"b0\")",
        CharType => $"{Support}.Char(sb, {expression})",
        PointerType or FunctionPointerType => $"{Support}.Pointer(sb, (ulong)(void*){expression})",
        StructType { Struct.Name: var name } => $"D{Hash(name)}(sb, {expression})",
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, null),
    };

    /// <summary>An expression of <paramref name="type"/> holding <paramref name="value"/>; structs are built in temporaries by <paramref name="statements"/>.</summary>
    private static string Value(FuzzType type, FuzzValue value, string ns, List<string> statements, string prefix)
    {
        switch ((type, value))
        {
            case (StructType { Struct: var structure }, StructValue fields):
                string local = prefix + "_" + NextTemporary(statements);
                var assignments = StructSlots.Of(structure, fields)
                    .Select(slot => $"{local}{Access(structure, slot)} = {Value(slot.Type, slot.Value!, ns, statements, prefix)};")
                    .ToList();
                statements.Add($"{TypeName(type, ns)} {local} = default;");
                statements.AddRange(assignments);
                return local;
            case (_, ScalarValue scalar):
                return Scalar(type, scalar.Bits, ns);
            default:
                throw new ArgumentOutOfRangeException(nameof(value), value, null);
        }
    }

    /// <summary>The return value an export builds from the hash of what it received: the same arguments always give the same value.</summary>
    private static string MakeValue(FuzzType type, string ns, List<string> statements)
    {
        string next = $"{Support}.Next(ref state)";
        switch (type)
        {
            case PrimitiveType { Primitive: Primitive.Float }:
                return $"(float)((long)({next} % 200001) - 100000) / 64f";
            case PrimitiveType { Primitive: Primitive.Double }:
                return $"(double)((long)({next} % 20000000001) - 10000000000) / 1024";
            case PrimitiveType { Primitive: var primitive }:
                return $"unchecked(({Keyword(primitive)}){next})";
            case EnumType { Enum: var fuzzEnum }:
                return $"unchecked(({TypeName(type, ns)})({Keyword(fuzzEnum.Underlying)}){next})";
            case BoolType:
                return $"({next} & 1) != 0";
            case CharType:
                return $"(char)(0x20 + {next} % 0xD7E0)";
            case PointerType or FunctionPointerType:
                return $"({TypeName(type, ns)})(void*)({next} & 0x7FFFFFFFFFF8UL)";
            case StructType { Struct: var structure }:
                string local = "r" + NextTemporary(statements);
                var assignments = StructSlots.Of(structure)
                    .Select(slot => $"{local}{Access(structure, slot)} = {MakeValue(slot.Type, ns, statements)};")
                    .ToList();
                statements.Add($"{TypeName(type, ns)} {local} = default;");
                statements.AddRange(assignments);
                return local;
            default:
                throw new ArgumentOutOfRangeException(nameof(type), type, null);
        }
    }

    /// <summary>
    /// A number for the next temporary. Nested structs are built before the struct holding them, so
    /// the count is taken from a placeholder added now rather than from the statements written so far.
    /// </summary>
    private static string NextTemporary(List<string> statements)
    {
        statements.Add(string.Empty);
        return statements.Count.ToString(CultureInfo.InvariantCulture);
    }

    private static string Scalar(FuzzType type, ulong bits, string ns) => type switch
    {
        PrimitiveType { Primitive: Primitive.Float } => $"global::System.BitConverter.Int32BitsToSingle(unchecked((int)0x{(uint)bits:x}U))",
        PrimitiveType { Primitive: Primitive.Double } => $"global::System.BitConverter.Int64BitsToDouble(unchecked((long)0x{bits:x}UL))",
        PrimitiveType { Primitive: var primitive } => $"unchecked(({Keyword(primitive)})0x{bits:x}UL)",
        EnumType { Enum.Underlying: var underlying } => $"unchecked(({TypeName(type, ns)})({Keyword(underlying)})0x{bits:x}UL)",
        BoolType => bits != 0 ? "true" : "false",
        CharType => $"(char)0x{bits:x}",
        PointerType or FunctionPointerType => $"({TypeName(type, ns)})(void*)0x{bits:x}UL",
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, null),
    };

    /// <summary>A default value as a constant expression, for the types that have one.</summary>
    private static string? Constant(FuzzType type, ulong bits, string ns) => type switch
    {
        PrimitiveType { Primitive: Primitive.Float } => BitConverter.Int32BitsToSingle((int)(uint)bits).ToString("R", CultureInfo.InvariantCulture) + "F",
        PrimitiveType { Primitive: Primitive.Double } => BitConverter.Int64BitsToDouble((long)bits).ToString("R", CultureInfo.InvariantCulture),
        PrimitiveType { Primitive: Primitive.NInt or Primitive.NUInt } => null, // a constant nint must fit in 32 bits
        PrimitiveType or EnumType or BoolType or CharType => Scalar(type, bits, ns),
        _ => null,
    };

    /// <summary>How many trailing parameters get a default value: a suffix, since C# wants optional parameters last.</summary>
    private static int DefaultedSuffix(FuzzFunction function)
    {
        int count = 0;
        for (int i = function.Parameters.Count - 1; i >= 0 && function.Parameters[i].DefaultToo && Constant(function.Parameters[i].Type, 0, "x") is not null; i--)
        {
            count++;
        }

        return count;
    }

    private static string Parameters(FuzzFunction function, string ns, bool withDefaults)
    {
        int firstDefault = function.Parameters.Count - (withDefaults ? DefaultedSuffix(function) : 0);
        return string.Join(", ", function.Parameters.Select((parameter, i) =>
        {
            string declaration = ParameterAttribute(parameter.Type) + TypeName(parameter.Type, ns) + " " + Escape(parameter.Name);
            return i >= firstDefault ? declaration + " = " + Constant(parameter.Type, ((ScalarValue)parameter.Value).Bits, ns) : declaration;
        }));
    }

    private static string ParameterAttribute(FuzzType type) => type switch
    {
        BoolType { FourBytes: true } => "[global::System.Runtime.InteropServices.MarshalAs(global::System.Runtime.InteropServices.UnmanagedType.I4)] ",
        BoolType => "[global::System.Runtime.InteropServices.MarshalAs(global::System.Runtime.InteropServices.UnmanagedType.U1)] ",
        CharType => "[global::System.Runtime.InteropServices.MarshalAs(global::System.Runtime.InteropServices.UnmanagedType.U2)] ",
        _ => string.Empty,
    };

    private static string ReturnAttribute(FuzzType type) =>
        ParameterAttribute(type) is { Length: > 0 } attribute ? attribute.Replace("[global::", "[return: global::", StringComparison.Ordinal) : string.Empty;

    public static string TypeName(FuzzType type, string ns) => type switch
    {
        VoidType => "void",
        PrimitiveType { Primitive: var primitive } => Keyword(primitive),
        BoolType => "bool",
        CharType => "char",
        PointerType { Pointee: null } => "void*",
        PointerType { Pointee: var pointee } => TypeName(pointee!, ns) + "*",
        FunctionPointerType { Return: var returns, Parameters: var parameters } =>
            $"delegate* unmanaged[Cdecl]<{string.Join(string.Empty, parameters.Select(parameter => TypeName(parameter, ns) + ", "))}{TypeName(returns, ns)}>",
        EnumType { Enum.Name: var name } => $"global::{ns}.{Escape(name)}",
        StructType { Struct.Name: var name } => $"global::{ns}.{Escape(name)}",
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, null),
    };

    private static string Keyword(Primitive primitive) => primitive switch
    {
        Primitive.SByte => "sbyte", Primitive.Byte => "byte", Primitive.Short => "short", Primitive.UShort => "ushort",
        Primitive.Int => "int", Primitive.UInt => "uint", Primitive.Long => "long", Primitive.ULong => "ulong",
        Primitive.NInt => "nint", Primitive.NUInt => "nuint", Primitive.Float => "float", _ => "double",
    };

    public static bool IsSigned(Primitive primitive) => primitive is Primitive.SByte or Primitive.Short or Primitive.Int or Primitive.Long or Primitive.NInt;

    private static string ContainerKind(FuzzCase fuzzCase, string container) => s_containerKinds[(int)(Hash(container + fuzzCase.Seed.ToString(CultureInfo.InvariantCulture)) % (uint)s_containerKinds.Length)];

    private static string Literal(string value) => SymbolDisplay.FormatLiteral(value, quote: true);

    private void WriteArray(StringBuilder text, string type, string name, Func<int, string> element)
    {
        text.AppendLine($"        public static readonly {type}[] {name} =").AppendLine("        {");
        for (int i = 0; i < _functions.Count; i++)
        {
            text.AppendLine($"            {element(i)},");
        }

        text.AppendLine("        };");
    }

    /// <summary>A stable number for a name, for names of helpers that must not depend on the name's characters.</summary>
    public static uint Hash(string text)
    {
        uint hash = 2166136261;
        foreach (char c in text)
        {
            hash = (hash ^ c) * 16777619;
        }

        return hash;
    }

    /// <summary>Describes values exactly as the C side does, and mixes what an export received into its return value.</summary>
    private const string SupportSource = """
        namespace FuzzSupport
        {
            internal static class Describe
            {
                public static void Signed(global::System.Text.StringBuilder sb, long value) => sb.Append(value.ToString(global::System.Globalization.CultureInfo.InvariantCulture));
                public static void Unsigned(global::System.Text.StringBuilder sb, ulong value) => sb.Append(value.ToString(global::System.Globalization.CultureInfo.InvariantCulture));
                public static void F32(global::System.Text.StringBuilder sb, float value) => sb.Append('f').Append(global::System.BitConverter.SingleToUInt32Bits(value).ToString("x8", global::System.Globalization.CultureInfo.InvariantCulture));
                public static void F64(global::System.Text.StringBuilder sb, double value) => sb.Append('d').Append(global::System.BitConverter.DoubleToUInt64Bits(value).ToString("x16", global::System.Globalization.CultureInfo.InvariantCulture));
                public static void Char(global::System.Text.StringBuilder sb, char value) => sb.Append('c').Append(((int)value).ToString(global::System.Globalization.CultureInfo.InvariantCulture));
                public static void Pointer(global::System.Text.StringBuilder sb, ulong value) => sb.Append('p').Append(value.ToString("x", global::System.Globalization.CultureInfo.InvariantCulture));

                public static ulong Hash(string text)
                {
                    ulong hash = 14695981039346656037UL;
                    foreach (char c in text)
                    {
                        hash = unchecked((hash ^ c) * 1099511628211UL);
                    }

                    return hash;
                }

                public static ulong Next(ref ulong state)
                {
                    ulong x = unchecked(state += 0x9E3779B97F4A7C15UL);
                    x = unchecked((x ^ (x >> 30)) * 0xBF58476D1CE4E5B9UL);
                    x = unchecked((x ^ (x >> 27)) * 0x94D049BB133111EBUL);
                    return x ^ (x >> 31);
                }
            }
        }
        """;
}
