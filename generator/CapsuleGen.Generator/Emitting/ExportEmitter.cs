using System.Linq;
using CapsuleGen.Generator.Model;

namespace CapsuleGen.Generator.Emitting;

/// <summary>
/// Writes, for each exported method, a capsule property that hands out the process-wide capsule
/// holding the address of its trampoline, and the trampoline itself.
/// </summary>
internal static class ExportEmitter
{
    private const string ExportedCapsules = RuntimeNames.ExportedCapsules;

    public const string Kind = "Exports";

    public static string Emit(ExportingType type, bool clsCompliant)
    {
        Deprecation deprecation = type.Functions.Aggregate(Deprecation.None, (all, function) => all.Union(function.Deprecation));
        SourceWriter writer = FileScaffold.Open(type.Location, "unsafe", deprecation, clsCompliant);
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
        writer.Line($"/// <summary>A new handle to the capsule {CSharpText.DocName(function.CapsuleName)} (<c>{CSharpText.Doc(function.Signature.CSignature)}</c>), which calls <c>{CSharpText.Doc(function.DisplayName)}</c>.</summary>");
        if (function.Signature.TypesDeprecation.ObsoleteAsError)
        {
            // Its body names the signature's types, and one of them is obsolete as an error.
            writer.Line(FileScaffold.ObsoleteContext);
        }

        writer.Line(RuntimeNames.GeneratedMember);
        writer.Line($"{function.PropertyModifiers} {RuntimeNames.Capsule} {function.PropertyName} => {ExportedCapsules}.Function(");
        writer.Indent();
        writer.Line($"{TrampolineWriter.AddressOf(function)},");
        writer.Line($"{TrampolineWriter.EntryAddressOf(function)},");
        writer.Line($"{CSharpText.Literal(function.CapsuleName)},");
        SignatureWriter.Function(writer, function.Signature.CSignature, function.StructLayouts);
        writer.Outdent();
    }
}
