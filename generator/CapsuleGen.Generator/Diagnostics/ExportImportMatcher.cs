using System.Linq;
using CapsuleGen.Generator.Model;

namespace CapsuleGen.Generator.Diagnostics;

/// <summary>
/// Compares what an import declares with what an export of the same name publishes, and says how
/// they differ, naming the slot and both C signatures, or the struct and both layouts.
/// </summary>
internal static class ExportImportMatcher
{
    /// <summary>The first difference, or null when the import fits the export.</summary>
    public static string? FindDifference(ImportedInterface import, ManifestEntry export) =>
        FindSignatureDifference(import, export) ?? FindLayoutDifference(import, export);

    private static string? FindSignatureDifference(ImportedInterface import, ManifestEntry export)
    {
        if (import.Struct is not null || export.IsStruct)
        {
            return FindStructDifference(import, export);
        }

        if (!import.IsTable)
        {
            string expected = import.Methods[0].Signature.CSignature;
            return export.FunctionSignature switch
            {
                null => $"it imports one function \"{expected}\" but the export is a table of {export.TableSlots.Count} slots",
                string actual when actual != expected => $"it imports \"{expected}\" but the export is \"{actual}\"",
                _ => null,
            };
        }

        if (export.FunctionSignature is not null)
        {
            return $"it imports a table but the export is one function \"{export.FunctionSignature}\"";
        }

        foreach (ImportedMethod method in import.Methods.OrderBy(method => method.Slot))
        {
            int slot = method.Slot ?? 0;
            string expected = method.Signature.CSignature;
            if (slot >= export.TableSlots.Count)
            {
                return $"'{method.Name.TrimStart('@')}' reads slot {slot} but the exported table has {export.TableSlots.Count} slots (0 to {export.TableSlots.Count - 1})";
            }

            string? actual = export.TableSlots[slot].Signature;
            if (actual != expected)
            {
                return $"'{method.Name.TrimStart('@')}' reads slot {slot} as \"{expected}\" but the export {(actual is null ? "leaves that slot empty" : $"has \"{actual}\" there")}";
            }
        }

        int highestData = import.DataSlots.Select(data => data.Slot).DefaultIfEmpty(-1).Max();
        return highestData >= export.TableSlots.Count
            ? $"slot {highestData} is past the end of the exported table, which has {export.TableSlots.Count} slots"
            : null;
    }

    /// <summary>
    /// A C struct import against an export: both C structs, the import no longer, and each of its
    /// fields at the same offset with the same C type (a string constant's <c>const char *</c> may be
    /// read as <c>uint8_t *</c>, as at run time).
    /// </summary>
    private static string? FindStructDifference(ImportedInterface import, ManifestEntry export)
    {
        string exported = export.IsStruct ? $"a C struct of {export.StructSize} bytes"
            : export.FunctionSignature is not null ? $"one function \"{export.FunctionSignature}\""
            : $"a table of {export.TableSlots.Count} slots";
        if (import.Struct is not { } table)
        {
            return $"it imports {(import.IsTable ? "a table of slots" : "one function")} but the export is {exported}";
        }

        if (!export.IsStruct)
        {
            return $"it imports a C struct but the export is {exported}";
        }

        if (table.Size > export.StructSize)
        {
            return $"it declares a C struct of {table.Size} bytes but the export is {exported}";
        }

        foreach (StructTableField field in table.Fields)
        {
            ManifestStructField? found = export.StructFields.FirstOrDefault(candidate => candidate.Offset == field.Offset);
            if (found is null || !CanRead(field.CType, found.CType))
            {
                return $"'{field.MemberName.TrimStart('@')}' reads \"{field.CType}\" at offset {field.Offset} but the export {(found is null ? "has no field that starts there" : $"has \"{found.CType}\" there")}";
            }
        }

        return null;
    }

    /// <summary>The rule the runtime's bind check follows: the same C type, or a <c>const char *</c> read as a pointer to bytes.</summary>
    private static bool CanRead(string imported, string exported) =>
        imported == exported || exported == "const char *" && imported is "uint8_t *" or "int8_t *";

    /// <summary>
    /// Structs spelled alike in C but laid out differently (<c>struct Point</c> of ints in one
    /// namespace, of doubles in another). An export whose manifest describes no struct (built by an
    /// older CapsuleGen) is trusted by its C signature, as at run time.
    /// </summary>
    private static string? FindLayoutDifference(ImportedInterface import, ManifestEntry export)
    {
        if (export.StructLayouts.Count == 0)
        {
            return null;
        }

        foreach (string expected in import.StructLayouts)
        {
            string structName = StructName(expected);
            string? actual = export.StructLayouts.FirstOrDefault(layout => StructName(layout) == structName);
            if (actual != expected)
            {
                return actual is null
                    ? $"it passes {structName} as \"{expected}\" but the export does not describe {structName}"
                    : $"it passes {structName} as \"{expected}\" but the export's is \"{actual}\"";
            }
        }

        return null;
    }

    /// <summary>The C name a layout text starts with: <c>struct Point</c> of <c>struct Point (16 bytes, ...</c>.</summary>
    private static string StructName(string layout)
    {
        int end = layout.IndexOf(" (", System.StringComparison.Ordinal);
        return end < 0 ? layout : layout.Substring(0, end);
    }
}
