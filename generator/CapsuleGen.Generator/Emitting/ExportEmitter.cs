using CapsuleGen.Generator.Model;

namespace CapsuleGen.Generator.Emitting;

/// <summary>
/// Writes, for each exported method, a capsule property holding the address of its trampoline,
/// and the trampoline itself.
/// </summary>
internal static class ExportEmitter
{
    public static string HintName(ExportingType type) => FileScaffold.HintName(type.Location, "Exports");

    public static string Emit(ExportingType type)
    {
        SourceWriter writer = FileScaffold.Open(type.Location, "unsafe");
        for (int i = 0; i < type.Functions.Count; i++)
        {
            if (i > 0)
            {
                writer.Line();
            }

            WriteCapsuleProperty(writer, type.Functions[i]);
            writer.Line();
            TrampolineWriter.Write(writer, type.Functions[i]);
        }

        return FileScaffold.Close(writer, type.Location);
    }

    private static void WriteCapsuleProperty(SourceWriter writer, ExportedFunction function)
    {
        string property = function.MethodName.TrimStart('@') + "Capsule";
        writer.Line("/// <summary>");
        writer.Line($"/// A new handle to the capsule {CSharpText.DocName(function.CapsuleName)}: a native Cdecl pointer to <c>{CSharpText.Xml(function.DisplayName)}</c>,");
        writer.Line($"/// whose C signature is <c>{CSharpText.Xml(function.Signature.CSignature)}</c>.");
        writer.Line("/// The capsule lives as long as the process; disposing a handle gives up only that handle.");
        writer.Line("/// </summary>");
        writer.Line($"{function.Accessibility} static {CSharpText.Capsule} {property} => s_{property}.Share();");
        writer.Line();
        writer.Line($"private static readonly {CSharpText.Capsule} s_{property} = new(");
        writer.Indent();
        writer.Line($"{TrampolineWriter.AddressOf(function)},");
        writer.Line($"{CSharpText.Literal(function.CapsuleName)},");
        writer.Line($"signature: global::CapsuleGen.CapsuleSignature.Function({CSharpText.Literal(function.Signature.CSignature)}));");
        writer.Outdent();
    }
}
