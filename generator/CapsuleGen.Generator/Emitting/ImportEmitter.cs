using System.Linq;
using CapsuleGen.Generator.Model;

namespace CapsuleGen.Generator.Emitting;

/// <summary>
/// Writes the nested <c>Binding</c> class of an imported interface: an implementation that calls
/// through the capsule bound now, or through the fallback (the interface's default bodies) while
/// none is. A call reads the current target once and makes one indirect call: the name and
/// signature were checked when the target was built, at bind time.
/// </summary>
internal static class ImportEmitter
{
    public const string Kind = "Binding";

    private const string Unwrap = "global::CapsuleGen.Interop.CapsuleUnwrap";
    private const string TableSlot = "global::CapsuleGen.Interop.TableSlot";
    private const string Lease = "global::CapsuleGen.Interop.CapsuleLease";
    private const string KeepAlive = "global::System.GC.KeepAlive";

    public static string Emit(ImportedInterface import)
    {
        Deprecation deprecation = import.TypesDeprecation;
        SourceWriter writer = FileScaffold.Open(import.Location, string.Empty, deprecation);
        string self = import.FullyQualifiedName;
        BindingNames names = import.Names;

        writer.Line("/// <summary>");
        writer.Line($"/// Implements <see cref=\"{self}\"/> through a bound capsule named {CSharpText.DocName(import.CapsuleName)},");
        writer.Line("/// or through the interface's default bodies while none is bound. Binding checks the capsule's name");
        writer.Line("/// and signature once; a call then reads the current target and calls its native pointer.");
        writer.Line("/// Binding and unbinding are atomic: a call made while another thread rebinds uses either the old");
        writer.Line("/// or the new target, never a mix.");
        writer.Line("/// </summary>");
        writer.OpenBlock($"public sealed unsafe class Binding : {self}");

        writer.Line("/// <summary>The name a capsule must have to be bound.</summary>");
        writer.Line($"public const string CapsuleName = {CSharpText.Literal(import.CapsuleName)};");
        writer.Line();
        if (import.IsTable)
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
        writer.Line($"private static readonly {self} {names.FallbackField} = new {names.FallbackClass}();");
        writer.Line();
        writer.Line($"private {names.TargetClass}? {names.TargetField};");
        writer.Line();
        WriteConstructorsAndBindingMembers(writer, names);

        foreach (ImportedMethod method in import.Methods)
        {
            writer.Line();
            WriteForwardingMethod(writer, method, names);
        }

        foreach (ImportedDataSlot data in import.DataSlots)
        {
            writer.Line();
            WriteForwardingProperty(writer, data, names);
        }

        writer.Line();
        WriteTarget(writer, import);
        writer.Line();
        WriteFallback(writer, import);
        writer.CloseBlock();

        return FileScaffold.Close(writer, import.Location);
    }

    private static void WriteConstructorsAndBindingMembers(SourceWriter writer, BindingNames names)
    {
        writer.Line("/// <summary>Creates a binding that calls the fallback until a capsule is bound.</summary>");
        writer.OpenBlock("public Binding()");
        writer.CloseBlock();
        writer.Line();
        writer.Line("/// <summary>Creates a binding bound to <paramref name=\"capsule\"/>; see <see cref=\"Bind\"/>.</summary>");
        writer.OpenBlock($"public Binding({CSharpText.Capsule} capsule)");
        writer.Line($"{names.TargetField} = new {names.TargetClass}(capsule);");
        writer.CloseBlock();
        writer.Line();
        writer.Line("/// <summary>Whether a capsule is bound; when not, calls go to the fallback.</summary>");
        writer.Line($"public bool IsBound => {CSharpText.Volatile}.Read(ref {names.TargetField}) is not null;");
        writer.Line();
        writer.Line("/// <summary>A new handle to the capsule bound now, for the caller to dispose; <see langword=\"null\"/> when none is.</summary>");
        writer.Line($"public {CSharpText.Capsule}? ShareBoundCapsule() => {CSharpText.Volatile}.Read(ref {names.TargetField})?.{names.LeaseField}.Share();");
        writer.Line();
        writer.Line("/// <summary>");
        writer.Line("/// Checks <paramref name=\"capsule\"/> and makes every later call go through it. The binding holds a");
        writer.Line("/// reference of its own, so the caller may dispose its handle. If the check fails, the binding keeps what it had.");
        writer.Line("/// </summary>");
        writer.Line("/// <exception cref=\"global::System.ArgumentNullException\"><paramref name=\"capsule\"/> is null.</exception>");
        writer.Line("/// <exception cref=\"global::System.ObjectDisposedException\">The handle has been disposed, or the capsule is being destroyed.</exception>");
        writer.Line("/// <exception cref=\"global::CapsuleGen.CapsuleNameMismatchException\">The capsule has another name.</exception>");
        writer.Line("/// <exception cref=\"global::CapsuleGen.CapsuleSignatureMismatchException\">The capsule carries another signature.</exception>");
        writer.Line($"public void Bind({CSharpText.Capsule} capsule) => {CSharpText.Volatile}.Write(ref {names.TargetField}, new {names.TargetClass}(capsule));");
        writer.Line();
        writer.Line("/// <summary>Makes every later call go to the fallback again; the capsule is let go once no call can still be using it.</summary>");
        writer.Line($"public void Unbind() => {CSharpText.Volatile}.Write(ref {names.TargetField}, null);");
    }

    private static void WriteForwardingMethod(SourceWriter writer, ImportedMethod method, BindingNames names)
    {
        FunctionSignature signature = method.Signature;
        string target = CSharpText.UniqueLocal("target", signature.Parameters);
        string arguments = CSharpText.ArgumentList(signature.Parameters);
        string nativeArguments = string.Join(", ", signature.Parameters.Select(parameter => CSharpText.ToNative(parameter.Type, parameter.Name)));
        string nativeCall = CSharpText.ToManaged(signature.ReturnType, $"{target}.{method.Name}({nativeArguments})");
        string fallbackCall = $"{names.FallbackField}.{method.Name}({arguments})";

        writer.Line("/// <inheritdoc/>");
        WriteMirroredAttributes(writer, method.MirroredAttributes);
        writer.OpenBlock($"public {signature.ReturnType.ManagedName} {method.Name}({CSharpText.DeclaredParameterList(signature.Parameters)})");
        writer.Line($"{names.TargetClass}? {target} = {CSharpText.Volatile}.Read(ref {names.TargetField});");
        writer.OpenBlock($"if ({target} is null)");
        writer.Line(signature.ReturnType.IsVoid ? fallbackCall + ";" : $"return {fallbackCall};");
        if (signature.ReturnType.IsVoid)
        {
            writer.Line("return;");
        }

        writer.CloseBlock();
        writer.Line();

        // The target holds the capsule's reference: it must stay reachable until the native call returns.
        if (signature.ReturnType.IsVoid)
        {
            writer.Line(nativeCall + ";");
            writer.Line($"{KeepAlive}({target});");
        }
        else
        {
            string result = CSharpText.UniqueLocal("result", signature.Parameters);
            writer.Line($"{signature.ReturnType.ManagedName} {result} = {nativeCall};");
            writer.Line($"{KeepAlive}({target});");
            writer.Line($"return {result};");
        }

        writer.CloseBlock();
    }

    private static void WriteForwardingProperty(SourceWriter writer, ImportedDataSlot data, BindingNames names)
    {
        writer.Line("/// <inheritdoc/>");
        WriteMirroredAttributes(writer, data.MirroredAttributes);
        writer.OpenBlock($"public {data.Type.ManagedName} {data.Name}");
        writer.OpenBlock("get");
        writer.Line($"{names.TargetClass}? target = {CSharpText.Volatile}.Read(ref {names.TargetField});");
        writer.Line($"return target is null ? {names.FallbackField}.{data.Name} : target.{data.Name};");
        writer.CloseBlock();
        writer.CloseBlock();
    }

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

        writer.Line("/// <summary>The table slots this interface reads, checked against the capsule when it is bound.</summary>");
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
        writer.Line("/// <summary>The layout of every struct the signature reaches, checked against the capsule's when it is bound.</summary>");
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

    private static void WriteTarget(SourceWriter writer, ImportedInterface import)
    {
        BindingNames names = import.Names;
        string layouts = import.StructLayouts.Count > 0 ? names.LayoutsField + ", " : string.Empty;
        writer.Line(import.IsTable
            ? "/// <summary>An opened table, every slot read once: immutable, so that rebinding swaps the whole table in one reference write.</summary>"
            : "/// <summary>An opened capsule: immutable, so that rebinding is one reference write.</summary>");
        if (import.TypesDeprecation.ObsoleteAsError)
        {
            writer.Line(FileScaffold.ObsoleteContext);
        }

        writer.OpenBlock($"private sealed class {names.TargetClass}");
        writer.Line("/// <summary>The binding's reference to the capsule, given back once this target is unreachable.</summary>");
        writer.Line($"public readonly {Lease} {names.LeaseField};");
        foreach (ImportedMethod method in import.Methods)
        {
            writer.Line($"public readonly {method.Signature.FunctionPointerType} {method.Name};");
        }

        foreach (ImportedDataSlot data in import.DataSlots)
        {
            writer.Line($"public readonly {data.Type.ManagedName} {data.Name};");
        }

        writer.Line();
        writer.OpenBlock($"public {names.TargetClass}({CSharpText.Capsule} capsule)");
        if (import.IsTable)
        {
            writer.Line($"this.{names.LeaseField} = {Unwrap}.OpenTable(capsule, CapsuleName, {names.SlotsField}, {layouts}{CSharpText.Literal(import.DisplayName)});");
            writer.Line($"nint* table = (nint*)this.{names.LeaseField}.Pointer;");
            foreach (ImportedMethod method in import.Methods)
            {
                writer.Line($"this.{method.Name} = ({method.Signature.FunctionPointerType})table[{method.Slot}];");
            }

            foreach (ImportedDataSlot data in import.DataSlots)
            {
                string read = $"table[{data.Slot}]";
                writer.Line($"this.{data.Name} = {(data.Type.ManagedName == "nint" ? read : $"({data.Type.ManagedName}){read}")};");
            }
        }
        else
        {
            ImportedMethod single = import.Methods[0];
            writer.Line($"this.{names.LeaseField} = {Unwrap}.OpenFunction(capsule, CapsuleName, CSignature, {layouts}{CSharpText.Literal(import.DisplayName)});");
            writer.Line($"this.{single.Name} = ({single.Signature.FunctionPointerType})this.{names.LeaseField}.Pointer;");
        }

        writer.CloseBlock();
        writer.CloseBlock();
    }

    private static void WriteFallback(SourceWriter writer, ImportedInterface import)
    {
        // Members with a default body inherit it; the others throw until a capsule is bound.
        var unbodied = import.Methods
            .Where(method => !method.HasDefaultBody)
            .Select(method => (Name: method.Name, Declaration: $"{method.Signature.ReturnType.ManagedName} {import.FullyQualifiedName}.{method.Name}({CSharpText.ParameterList(method.Signature.Parameters, native: false)})"))
            .Concat(import.DataSlots
                .Where(data => !data.HasDefaultBody)
                .Select(data => (Name: data.Name, Declaration: $"{data.Type.ManagedName} {import.FullyQualifiedName}.{data.Name}")))
            .ToArray();

        writer.Line("/// <summary>The interface's default bodies; members without one throw <see cref=\"global::CapsuleGen.CapsuleNotBoundException\"/>.</summary>");
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

            // Fully qualified: a parameter of the member could have any name, 'CapsuleName' included.
            writer.Line(unbodied[i].Declaration + " =>");
            writer.Line($"    throw new global::CapsuleGen.CapsuleNotBoundException({import.FullyQualifiedName}.Binding.CapsuleName, {CSharpText.Literal(import.DisplayName + "." + unbodied[i].Name.TrimStart('@'))});");
        }

        writer.CloseBlock();
    }
}
