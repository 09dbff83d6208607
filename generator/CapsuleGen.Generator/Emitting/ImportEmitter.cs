using System.Linq;
using CapsuleGen.Generator.Model;

namespace CapsuleGen.Generator.Emitting;

/// <summary>
/// Writes the nested <c>Binding</c> class of an imported interface: on top of the runtime's
/// <c>CapsuleBinding</c> (which holds the target and binds, unbinds and shares), an implementation
/// that calls through the capsule bound now, or through the fallback (the interface's default bodies)
/// while none is. A call reads the current target once and makes one indirect call: to the managed
/// entry when the capsule was exported in this process, to the native pointer otherwise. The name
/// and signature were checked when the target was built, at bind time.
/// </summary>
internal static class ImportEmitter
{
    public const string Kind = "Binding";

    private const string Unwrap = RuntimeNames.CapsuleUnwrap;
    private const string TableSlot = RuntimeNames.TableSlot;
    private const string Lease = RuntimeNames.CapsuleLease;
    private const string BindingTarget = RuntimeNames.BindingTarget;
    private const string KeepAlive = RuntimeNames.KeepAlive;

    public static string Emit(ImportedInterface import, bool clsCompliant)
    {
        Deprecation deprecation = import.TypesDeprecation;
        SourceWriter writer = FileScaffold.Open(import.Location, string.Empty, deprecation, clsCompliant);
        string self = import.FullyQualifiedName;
        BindingNames names = import.Names;

        writer.Line($"/// <summary>Implements <see cref=\"{self}\"/> by calling a capsule named {CSharpText.DocName(import.CapsuleName)}; see <see cref=\"{RuntimeNames.CapsuleBinding}\"/>.</summary>");
        writer.Line(RuntimeNames.GeneratedMember);
        writer.OpenBlock($"public sealed unsafe class Binding : {RuntimeNames.CapsuleBinding}, {self}");

        writer.Line("/// <summary>The name a capsule must have to be bound.</summary>");
        writer.Line($"public const string CapsuleName = {CSharpText.Literal(import.CapsuleName)};");
        writer.Line();
        if (import.Struct is not null)
        {
            StructBindingWriter.WriteFieldList(writer, import, import.Struct);
        }
        else if (import.IsTable)
        {
            WriteSlotList(writer, import);
        }
        else
        {
            writer.Line("/// <summary>The C signature a capsule that describes itself must carry.</summary>");
            writer.Line($"public const string CSignature = {CSharpText.Literal(import.Methods[0].Signature.CSignature)};");
        }

        if (import.StructLayouts.Count > 0)
        {
            writer.Line();
            WriteStructLayouts(writer, import);
        }

        writer.Line();
        if (import.HasFallback)
        {
            writer.Line($"private static readonly {self} {names.FallbackField} = new {names.FallbackClass}();");
            writer.Line();
        }

        WriteConstructors(writer);

        for (int i = 0; i < import.Methods.Count; i++)
        {
            writer.Line();
            WriteForwardingMethod(writer, import, import.Methods[i], names.PointerFields[i], names.EntryFields[i]);
        }

        for (int i = 0; i < import.DataSlots.Count; i++)
        {
            writer.Line();
            WriteForwardingProperty(writer, import, import.DataSlots[i], names.DataFields[i]);
        }

        writer.Line();
        WriteOpenTarget(writer, import);
        writer.Line();
        WriteTarget(writer, import);
        if (import.HasFallback)
        {
            writer.Line();
            WriteFallback(writer, import);
        }

        writer.CloseBlock();

        return FileScaffold.Close(writer, import.Location);
    }

    private static void WriteConstructors(SourceWriter writer)
    {
        writer.Line($"/// <summary>Creates an unbound binding: until a capsule is bound, calls run the interface's default bodies or throw <see cref=\"{RuntimeNames.CapsuleNotBoundException}\"/>.</summary>");
        writer.OpenBlock("public Binding()");
        writer.CloseBlock();
        writer.Line();
        writer.Line($"/// <summary>Creates a binding bound to <paramref name=\"capsule\"/>; see <see cref=\"{RuntimeNames.CapsuleBinding}.Bind\"/>.</summary>");
        writer.Line($"public Binding({RuntimeNames.Capsule} capsule) => Bind(capsule);");
    }

    private static void WriteForwardingMethod(SourceWriter writer, ImportedInterface import, ImportedMethod method, string pointerField, string entryField)
    {
        BindingNames names = import.Names;
        FunctionSignature signature = method.Signature;
        string target = CSharpText.UniqueLocal("target", signature.Parameters);
        string arguments = CSharpText.ArgumentList(signature.Parameters);
        string nativeArguments = string.Join(", ", signature.Parameters.Select(parameter => CSharpText.ToNative(parameter.Type, parameter.Name)));
        string entryCall = $"{target}.{entryField}({nativeArguments})";
        string nativeCall = $"{target}.{pointerField}({nativeArguments})";
        string? fallbackCall = method.HasDefaultBody ? $"{names.FallbackField}.{method.Name}({arguments})" : null;

        // Inlined into the caller, a native call's transition frame is set up once per calling method, as for a raw pointer.
        writer.Line("/// <inheritdoc/>");
        WriteMirroredAttributes(writer, method.MirroredAttributes);
        writer.Line($"[{RuntimeNames.AggressiveInlining}]");
        writer.OpenBlock(method.ImplementedExplicitly
            ? $"{signature.ReturnType.ManagedName} {import.FullyQualifiedName}.{method.Name}({CSharpText.ParameterList(signature.Parameters, native: false)})"
            : $"public {signature.ReturnType.ManagedName} {method.Name}({CSharpText.DeclaredParameterList(signature.Parameters)})");
        WriteReadTarget(writer, target, names);
        writer.OpenBlock($"if ({target} is null)");
        if (fallbackCall is null)
        {
            writer.Line(ThrowNotBound(import, method.Name) + ";");
        }
        else
        {
            writer.Line(signature.ReturnType.IsVoid ? fallbackCall + ";" : $"return {fallbackCall};");
            if (signature.ReturnType.IsVoid)
            {
                writer.Line("return;");
            }
        }

        writer.CloseBlock();
        writer.Line();

        // The managed entry when the capsule was exported in this process, the native pointer otherwise.
        // The target holds the capsule's reference: it must stay reachable until the call returns.
        if (signature.ReturnType.IsVoid)
        {
            writer.OpenBlock($"if ({target}.{entryField} != null)");
            writer.Line(entryCall + ";");
            writer.CloseBlock();
            writer.OpenBlock("else");
            writer.Line(nativeCall + ";");
            writer.CloseBlock();
            writer.Line();
            writer.Line($"{KeepAlive}({target});");
        }
        else
        {
            string result = CSharpText.UniqueLocal("result", signature.Parameters);
            string call = $"{target}.{entryField} != null ? {entryCall} : {nativeCall}";
            writer.Line($"{signature.ReturnType.ManagedName} {result} = {CSharpText.ToManaged(signature.ReturnType, signature.ReturnType.Kind is BoundaryTypeKind.Bool or BoundaryTypeKind.Char ? $"({call})" : call)};");
            writer.Line($"{KeepAlive}({target});");
            writer.Line($"return {result};");
        }

        writer.CloseBlock();
    }

    private static void WriteForwardingProperty(SourceWriter writer, ImportedInterface import, ImportedDataSlot data, string field)
    {
        BindingNames names = import.Names;
        writer.Line("/// <inheritdoc/>");
        WriteMirroredAttributes(writer, data.MirroredAttributes);
        writer.OpenBlock(data.ImplementedExplicitly ? $"{data.Type.ManagedName} {import.FullyQualifiedName}.{data.Name}" : $"public {data.Type.ManagedName} {data.Name}");
        writer.OpenBlock("get");
        WriteReadTarget(writer, "target", names);
        writer.OpenBlock("if (target is null)");
        writer.Line(data.HasDefaultBody ? $"return {names.FallbackField}.{data.Name};" : ThrowNotBound(import, data.Name) + ";");
        writer.CloseBlock();
        writer.Line();
        writer.Line($"return target.{field};");
        writer.CloseBlock();
        writer.CloseBlock();
    }

    /// <summary>
    /// What a member without a default body does while nothing is bound: a call out of line, since a
    /// <c>throw</c> in the inlined member would slow every bound call.
    /// </summary>
    private static string ThrowNotBound(ImportedInterface import, string member) =>
        $"{RuntimeNames.CapsuleNotBoundException}.Throw({NotBoundArguments(import, member)})";

    /// <summary>
    /// The capsule and member a not-bound exception names. The name is fully qualified: a parameter
    /// of the member could be named 'CapsuleName'.
    /// </summary>
    private static string NotBoundArguments(ImportedInterface import, string member) =>
        $"{import.FullyQualifiedName}.Binding.CapsuleName, {CSharpText.Literal(import.DisplayName + "." + member.TrimStart('@'))}";

    /// <summary>The current target, as the type this binding's <c>OpenTarget</c> always gives (so no cast needs checking).</summary>
    private static void WriteReadTarget(SourceWriter writer, string local, BindingNames names) =>
        writer.Line($"{names.TargetClass}? {local} = {RuntimeNames.UnsafeAs}<{names.TargetClass}>(CurrentTarget);");

    /// <summary>The member's own [Obsolete] and [Experimental]: callers of the binding see what callers of the interface see.</summary>
    private static void WriteMirroredAttributes(SourceWriter writer, EquatableArray<string> attributes)
    {
        foreach (string attribute in attributes)
        {
            writer.Line(attribute);
        }
    }

    private static void WriteSlotList(SourceWriter writer, ImportedInterface import)
    {
        var slots = import.Methods
            .Select(method => (Slot: method.Slot ?? 0, Name: method.Name, Signature: (string?)method.Signature.CSignature))
            .Concat(import.DataSlots.Select(data => (Slot: data.Slot, Name: data.Name, Signature: (string?)null)))
            .OrderBy(slot => slot.Slot);

        writer.Line($"private static readonly {TableSlot}[] {import.Names.SlotsField} =");
        writer.Line("{");
        writer.Indent();
        foreach (var slot in slots)
        {
            writer.Line($"new({slot.Slot}, {CSharpText.Literal(slot.Name.TrimStart('@'))}, {CSharpText.Literal(slot.Signature)}),");
        }

        writer.Outdent();
        writer.Line("};");
    }

    private static void WriteStructLayouts(SourceWriter writer, ImportedInterface import)
    {
        writer.Line($"private static readonly string[] {import.Names.LayoutsField} =");
        writer.Line("{");
        writer.Indent();
        foreach (string layout in import.StructLayouts)
        {
            writer.Line(CSharpText.Literal(layout) + ",");
        }

        writer.Outdent();
        writer.Line("};");
    }

    private static void WriteOpenTarget(SourceWriter writer, ImportedInterface import)
    {
        BindingNames names = import.Names;
        string layouts = import.StructLayouts.Count > 0 ? names.LayoutsField + ", " : string.Empty;
        string open = import.Struct is not null
            ? StructBindingWriter.OpenCall(import, import.Struct, layouts)
            : import.IsTable
                ? $"{Unwrap}.OpenTable(capsule, CapsuleName, {names.SlotsField}, {layouts}{CSharpText.Literal(import.DisplayName)})"
                : $"{Unwrap}.OpenFunction(capsule, CapsuleName, CSignature, {layouts}{CSharpText.Literal(import.DisplayName)})";
        writer.Line("/// <inheritdoc/>");
        writer.Line($"protected override {BindingTarget} OpenTarget({RuntimeNames.Capsule} capsule) =>");
        writer.Line($"    new {names.TargetClass}({open});");
    }

    private static void WriteTarget(SourceWriter writer, ImportedInterface import)
    {
        BindingNames names = import.Names;
        if (import.TypesDeprecation.ObsoleteAsError)
        {
            writer.Line(FileScaffold.ObsoleteContext);
        }

        writer.OpenBlock($"private sealed class {names.TargetClass} : {BindingTarget}");
        for (int i = 0; i < import.Methods.Count; i++)
        {
            FunctionSignature signature = import.Methods[i].Signature;
            writer.Line($"public readonly {signature.FunctionPointerType} {names.PointerFields[i]};");
            writer.Line($"public readonly {signature.ManagedFunctionPointerType} {names.EntryFields[i]};");
        }

        for (int i = 0; i < import.DataSlots.Count; i++)
        {
            writer.Line($"public readonly {import.DataSlots[i].Type.ManagedName} {names.DataFields[i]};");
        }

        // Fields are assigned through 'this.': a member of the interface may be named like a local here.
        writer.Line();
        writer.Line($"public {names.TargetClass}({Lease} lease)");
        writer.OpenBlock("    : base(lease)");
        // A capsule's pointers are raw bits (a data slot may hold -1): in a project compiled with
        // overflow checks, converting them must not throw.
        writer.OpenBlock("unchecked");
        if (import.Struct is not null)
        {
            StructBindingWriter.WriteReads(writer, import);
        }
        else if (import.IsTable)
        {
            writer.Line("void** table = (void**)lease.Pointer;");
            writer.Line("void** entries = (void**)lease.ManagedEntry;");
            for (int i = 0; i < import.Methods.Count; i++)
            {
                ImportedMethod method = import.Methods[i];
                writer.Line($"this.{names.PointerFields[i]} = ({method.Signature.FunctionPointerType})table[{method.Slot}];");
                writer.Line($"this.{names.EntryFields[i]} = entries == null ? null : ({method.Signature.ManagedFunctionPointerType})entries[{method.Slot}];");
            }

            for (int i = 0; i < import.DataSlots.Count; i++)
            {
                ImportedDataSlot data = import.DataSlots[i];
                writer.Line($"this.{names.DataFields[i]} = ({data.Type.ManagedName})table[{data.Slot}];");
            }
        }
        else
        {
            FunctionSignature signature = import.Methods[0].Signature;
            writer.Line($"this.{names.PointerFields[0]} = ({signature.FunctionPointerType})lease.Pointer;");
            writer.Line($"this.{names.EntryFields[0]} = ({signature.ManagedFunctionPointerType})lease.ManagedEntry;");
        }

        writer.CloseBlock();
        writer.CloseBlock();
        writer.CloseBlock();
    }

    private static void WriteFallback(SourceWriter writer, ImportedInterface import)
    {
        // Members with a default body inherit it; the binding never calls the others here, but the class must implement them.
        var unbodied = import.Methods
            .Where(method => !method.HasDefaultBody)
            .Select(method => (Name: method.Name, Declaration: $"{method.Signature.ReturnType.ManagedName} {import.FullyQualifiedName}.{method.Name}({CSharpText.ParameterList(method.Signature.Parameters, native: false)})"))
            .Concat(import.DataSlots
                .Where(data => !data.HasDefaultBody)
                .Select(data => (Name: data.Name, Declaration: $"{data.Type.ManagedName} {import.FullyQualifiedName}.{data.Name}")))
            .ToArray();

        if (import.TypesDeprecation.ObsoleteAsError)
        {
            writer.Line(FileScaffold.ObsoleteContext);
        }

        writer.OpenBlock($"private sealed class {import.Names.FallbackClass} : {import.FullyQualifiedName}");
        for (int i = 0; i < unbodied.Length; i++)
        {
            if (i > 0)
            {
                writer.Line();
            }

            writer.Line(unbodied[i].Declaration + " =>");
            writer.Line($"    throw new {RuntimeNames.CapsuleNotBoundException}({NotBoundArguments(import, unbodied[i].Name)});");
        }

        writer.CloseBlock();
    }
}
