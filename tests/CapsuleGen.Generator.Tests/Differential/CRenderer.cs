using System.Globalization;
using System.Text;

namespace CapsuleGen.Generator.Tests.Differential;

/// <summary>
/// Writes a batch of random cases as C: for each struct a twin declared as a C programmer would
/// (plain fields, <c>#pragma pack</c>, a union, an array, trailing padding), for each function a
/// caller that passes the case's arguments by value to the pointer it is given and describes what
/// comes back, and for each case a function that reports the twins' sizes, alignments and offsets.
/// </summary>
internal static class CRenderer
{
    public static string Render(IReadOnlyList<FuzzCase> cases)
    {
        var text = new StringBuilder(Prelude);
        foreach (FuzzCase fuzzCase in cases)
        {
            string prefix = "c" + fuzzCase.Index.ToString(CultureInfo.InvariantCulture);
            text.AppendLine($"/* case {fuzzCase.Index} */");
            for (int j = 0; j < fuzzCase.Structs.Count; j++)
            {
                WriteStruct(text, fuzzCase, j, prefix);
            }

            foreach (FuzzFunction function in fuzzCase.Functions)
            {
                WriteCaller(text, fuzzCase, function, prefix);
            }

            WriteLayoutReport(text, fuzzCase, prefix);
        }

        return text.ToString();
    }

    private static void WriteStruct(StringBuilder text, FuzzCase fuzzCase, int index, string prefix)
    {
        FuzzStruct structure = fuzzCase.Structs[index];
        string tag = StructTag(fuzzCase, structure, prefix);
        if (structure.Kind == StructKind.Packed)
        {
            text.AppendLine($"#pragma pack(push, {structure.Pack})");
        }

        text.Append(tag).Append(" { ");
        if (structure.Kind == StructKind.InlineArray)
        {
            text.Append($"{CType(fuzzCase, structure.Fields[0].Type, prefix)} e[{structure.InlineLength}]; ");
        }
        else
        {
            for (int i = 0; i < structure.Fields.Count; i++)
            {
                FuzzField field = structure.Fields[i];
                text.Append($"{CType(fuzzCase, field.Type, prefix)} f{i}{(field.Count > 0 ? $"[{field.Count}]" : string.Empty)}; ");
            }

            if (structure.Kind == StructKind.Sized)
            {
                text.Append($"unsigned char pad[{HarnessLayout.Of(structure).Size - HarnessLayout.Sequential(structure).End}]; ");
            }
        }

        text.AppendLine("};");
        if (structure.Kind == StructKind.Packed)
        {
            text.AppendLine("#pragma pack(pop)");
        }

        text.AppendLine($"static void d_{prefix}_s{index}(char **p, {tag} v) {{");
        foreach (string statement in StructSlots.Describe(structure, piece => $"put(p, \"{piece}\");", slot => Describe(fuzzCase, slot.Type, "v" + Access(structure, slot), prefix) + ";"))
        {
            text.AppendLine("    " + statement);
        }

        text.AppendLine("}");
    }

    /// <summary>How C reaches a slot of a twin: <c>.f1</c>, <c>.f1[2]</c>, or <c>.e[2]</c> in an inline array's twin.</summary>
    private static string Access(FuzzStruct structure, StructSlot slot) =>
        structure.Kind == StructKind.InlineArray ? $".e[{slot.Element}]"
        : slot.Element is { } element ? $".f{slot.Field}[{element}]"
        : $".f{slot.Field}";

    private static void WriteCaller(StringBuilder text, FuzzCase fuzzCase, FuzzFunction function, string prefix)
    {
        text.AppendLine($"EXPORT void call_{prefix}_f{function.Slot}(void *fn, char *out) {{");
        var counter = new int[1];
        var arguments = new List<string>();
        foreach (FuzzParameter parameter in function.Parameters)
        {
            arguments.Add(Value(text, fuzzCase, parameter.Type, parameter.Value, prefix, counter));
        }

        string prototype = $"{CType(fuzzCase, function.Return, prefix)} (*)({(function.Parameters.Count == 0 ? "void" : string.Join(", ", function.Parameters.Select(parameter => CType(fuzzCase, parameter.Type, prefix))))})";
        string call = $"(({prototype})fn)({string.Join(", ", arguments)})";
        text.AppendLine("    char *p = out;");
        if (function.Return is VoidType)
        {
            text.AppendLine($"    {call};").AppendLine("    put(&p, \"void\");");
        }
        else
        {
            text.AppendLine($"    {CType(fuzzCase, function.Return, prefix)} r = {call};");
            text.AppendLine("    " + Describe(fuzzCase, function.Return, "r", prefix).Replace("(p,", "(&p,", StringComparison.Ordinal) + ";");
        }

        text.AppendLine("    *p = 0;").AppendLine("}");
    }

    /// <summary>Reports "index size alignment offset..." for each twin, as the compiler lays it out.</summary>
    private static void WriteLayoutReport(StringBuilder text, FuzzCase fuzzCase, string prefix)
    {
        text.AppendLine($"EXPORT void layout_{prefix}(char *out) {{").AppendLine("    char *p = out;");
        for (int j = 0; j < fuzzCase.Structs.Count; j++)
        {
            FuzzStruct structure = fuzzCase.Structs[j];
            string tag = StructTag(fuzzCase, structure, prefix);
            text.AppendLine($"    p += sprintf(p, \"{j} %zu %zu\", sizeof({tag}), _Alignof({tag}));");
            IEnumerable<string> members = structure.Kind == StructKind.InlineArray ? ["e"] : structure.Fields.Select((_, i) => "f" + i.ToString(CultureInfo.InvariantCulture));
            foreach (string member in members)
            {
                text.AppendLine($"    p += sprintf(p, \" %zu\", offsetof({tag}, {member}));");
            }

            text.AppendLine("    p += sprintf(p, \";\");");
        }

        text.AppendLine("    *p = 0;").AppendLine("}");
    }

    /// <summary>Declares a local holding the value and returns its name (or the literal, for a scalar).</summary>
    private static string Value(StringBuilder text, FuzzCase fuzzCase, FuzzType type, FuzzValue value, string prefix, int[] counter)
    {
        if (value is ScalarValue scalar)
        {
            return Scalar(fuzzCase, type, scalar.Bits, prefix);
        }

        var structure = ((StructType)type).Struct;
        var assignments = StructSlots.Of(structure, (StructValue)value)
            .Select(slot => $"{Access(structure, slot)} = {Value(text, fuzzCase, slot.Type, slot.Value!, prefix, counter)}")
            .ToList();
        string local = "t" + (counter[0]++).ToString(CultureInfo.InvariantCulture);
        text.AppendLine($"    {StructTag(fuzzCase, structure, prefix)} {local};").AppendLine($"    memset(&{local}, 0, sizeof {local});");
        foreach (string assignment in assignments)
        {
            text.AppendLine($"    {local}{assignment};");
        }

        return local;
    }

    private static string Scalar(FuzzCase fuzzCase, FuzzType type, ulong bits, string prefix) => type switch
    {
        PrimitiveType { Primitive: Primitive.Float } => $"bits_f(0x{(uint)bits:x}u)",
        PrimitiveType { Primitive: Primitive.Double } => $"bits_d(UINT64_C(0x{bits:x}))",
        PrimitiveType or EnumType => $"({CType(fuzzCase, type, prefix)})UINT64_C(0x{bits:x})",
        BoolType { FourBytes: true } => bits != 0 ? "1" : "0",
        BoolType => bits != 0 ? "true" : "false",
        CharType => $"(uint16_t)0x{bits:x}",
        PointerType or FunctionPointerType => $"(void *)(uintptr_t)UINT64_C(0x{bits:x})",
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, null),
    };

    /// <summary>A call appending the description of <paramref name="expression"/> through <c>p</c>.</summary>
    private static string Describe(FuzzCase fuzzCase, FuzzType type, string expression, string prefix) => type switch
    {
        PrimitiveType { Primitive: Primitive.Float } => $"d_f32(p, {expression})",
        PrimitiveType { Primitive: Primitive.Double } => $"d_f64(p, {expression})",
        PrimitiveType { Primitive: var primitive } when CSharpRenderer.IsSigned(primitive) => $"d_signed(p, (long long){expression})",
        PrimitiveType => $"d_unsigned(p, (unsigned long long){expression})",
        EnumType { Enum.Underlying: var underlying } when CSharpRenderer.IsSigned(underlying) => $"d_signed(p, (long long){expression})",
        EnumType => $"d_unsigned(p, (unsigned long long){expression})",
        BoolType => $"d_bool(p, {expression} != 0)",
        CharType => $"d_char(p, {expression})",
        PointerType or FunctionPointerType => $"d_pointer(p, {expression})",
        StructType { Struct: var structure } => $"d_{prefix}_s{IndexOf(fuzzCase, structure)}(p, {expression})",
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, null),
    };

    private static string CType(FuzzCase fuzzCase, FuzzType type, string prefix) => type switch
    {
        VoidType => "void",
        PrimitiveType { Primitive: var primitive } => CName(primitive),
        EnumType { Enum.Underlying: var underlying } => CName(underlying),
        BoolType { FourBytes: true } => "int",
        BoolType => "bool",
        CharType => "uint16_t",
        PointerType or FunctionPointerType => "void *",
        StructType { Struct: var structure } => StructTag(fuzzCase, structure, prefix),
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, null),
    };

    private static string StructTag(FuzzCase fuzzCase, FuzzStruct structure, string prefix) =>
        $"{(structure.Kind == StructKind.Union ? "union" : "struct")} {prefix}_s{IndexOf(fuzzCase, structure)}";

    private static int IndexOf(FuzzCase fuzzCase, FuzzStruct structure)
    {
        for (int i = 0; i < fuzzCase.Structs.Count; i++)
        {
            if (ReferenceEquals(fuzzCase.Structs[i], structure))
            {
                return i;
            }
        }

        throw new InvalidOperationException($"The struct {structure.Name} is not in case {fuzzCase.Index}.");
    }

    private static string CName(Primitive primitive) => primitive switch
    {
        Differential.Primitive.SByte => "int8_t", Differential.Primitive.Byte => "uint8_t",
        Differential.Primitive.Short => "int16_t", Differential.Primitive.UShort => "uint16_t",
        Differential.Primitive.Int => "int32_t", Differential.Primitive.UInt => "uint32_t",
        Differential.Primitive.Long => "int64_t", Differential.Primitive.ULong => "uint64_t",
        Differential.Primitive.NInt => "intptr_t", Differential.Primitive.NUInt => "uintptr_t",
        Differential.Primitive.Float => "float", _ => "double",
    };

    private const string Prelude = """
        /* Generated by the differential test: C callers of random capsules. */
        #include <inttypes.h>
        #include <stdbool.h>
        #include <stddef.h>
        #include <stdint.h>
        #include <stdio.h>
        #include <string.h>

        #define EXPORT __attribute__((visibility("default")))

        static float bits_f(uint32_t bits) { float value; memcpy(&value, &bits, sizeof value); return value; }
        static double bits_d(uint64_t bits) { double value; memcpy(&value, &bits, sizeof value); return value; }
        static void put(char **p, const char *text) { size_t length = strlen(text); memcpy(*p, text, length); *p += length; }
        static void d_signed(char **p, long long value) { *p += sprintf(*p, "%lld", value); }
        static void d_unsigned(char **p, unsigned long long value) { *p += sprintf(*p, "%llu", value); }
        static void d_f32(char **p, float value) { uint32_t bits; memcpy(&bits, &value, sizeof bits); *p += sprintf(*p, "f%08" PRIx32, bits); }
        static void d_f64(char **p, double value) { uint64_t bits; memcpy(&bits, &value, sizeof bits); *p += sprintf(*p, "d%016" PRIx64, bits); }
        static void d_bool(char **p, int value) { put(p, value ? "b1" : "b0"); }
        static void d_char(char **p, uint16_t value) { *p += sprintf(*p, "c%u", (unsigned)value); }
        static void d_pointer(char **p, const void *value) { *p += sprintf(*p, "p%" PRIxPTR, (uintptr_t)value); }

        """;
}
