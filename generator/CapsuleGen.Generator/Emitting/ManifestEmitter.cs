using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using CapsuleGen.Generator.Model;

namespace CapsuleGen.Generator.Emitting;

/// <summary>
/// Writes the assembly's capsule manifest: one assembly attribute per export, naming the capsule,
/// its C signature(s) or C struct fields, and the layouts of the structs they reach, which projects referencing the
/// assembly check their imports against.
/// </summary>
internal static class ManifestEmitter
{
    public const string HintName = "CapsuleGen.Manifest.g.cs";

    public static string Emit(IEnumerable<ManifestEntry> entries, bool clsCompliant)
    {
        SourceWriter writer = FileScaffold.Header(Deprecation.None, clsCompliant);
        foreach (ManifestEntry entry in entries.OrderBy(entry => entry.CapsuleName, System.StringComparer.Ordinal))
        {
            string layouts = entry.StructLayouts.Count == 0
                ? string.Empty
                : $", StructLayouts = new string[] {{ {string.Join(", ", entry.StructLayouts.Select(CSharpText.Literal))} }}";
            writer.Line(entry.FunctionSignature is not null
                ? $"[assembly: {RuntimeNames.ExportedCapsuleAttribute}({CSharpText.Literal(entry.CapsuleName)}, {CSharpText.Literal(entry.FunctionSignature)}{layouts})]"
                : entry.IsStruct
                ? $"[assembly: {RuntimeNames.ExportedCapsuleStructAttribute}({CSharpText.Literal(entry.CapsuleName)}, {entry.StructSize.ToString(CultureInfo.InvariantCulture)}, " +
                    $"new int[] {{ {string.Join(", ", entry.StructFields.Select(field => field.Offset.ToString(CultureInfo.InvariantCulture)))} }}, " +
                    $"new string[] {{ {string.Join(", ", entry.StructFields.Select(field => CSharpText.Literal(field.CType)))} }}{layouts})]"
                : $"[assembly: {RuntimeNames.ExportedCapsuleTableAttribute}({CSharpText.Literal(entry.CapsuleName)}, new string?[] {{ {string.Join(", ", entry.TableSlots.Select(slot => CSharpText.Literal(slot.Signature)))} }}{layouts})]");
        }

        return writer.ToString();
    }
}
