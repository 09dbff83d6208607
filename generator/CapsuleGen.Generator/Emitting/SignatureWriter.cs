using CapsuleGen.Generator.Model;

namespace CapsuleGen.Generator.Emitting;

/// <summary>
/// Writes what an exported capsule's signature is made of, as the last arguments of an
/// <c>ExportedCapsules</c> call: the C signature (or each slot's), then any struct layouts.
/// </summary>
internal static class SignatureWriter
{
    /// <summary>The function's C signature and struct layouts, one per line, ending the call.</summary>
    public static void Function(SourceWriter writer, string cSignature, EquatableArray<string> structLayouts)
    {
        writer.Line(CSharpText.Literal(cSignature) + (structLayouts.Count == 0 ? ");" : ","));
        WriteLayouts(writer, structLayouts);
    }

    /// <summary>Each slot's C signature in an array, one per line, then the struct layouts, ending the call.</summary>
    public static void Table(SourceWriter writer, string?[] slots, EquatableArray<string> structLayouts)
    {
        writer.Line("new string?[]");
        writer.Line("{");
        writer.Indent();
        foreach (string? slot in slots)
        {
            writer.Line(CSharpText.Literal(slot) + ",");
        }

        writer.Outdent();
        writer.Line("}" + (structLayouts.Count == 0 ? ");" : ","));
        WriteLayouts(writer, structLayouts);
    }

    /// <summary>A C struct's fields (offset, C type, and a function's C signature) in an array, one per line, then the struct layouts, ending the call.</summary>
    public static void Struct(SourceWriter writer, StructTable table, EquatableArray<string> structLayouts)
    {
        writer.Line($"new {RuntimeNames.CapsuleStructField}[]");
        writer.Line("{");
        writer.Indent();
        foreach (StructTableField field in table.Fields)
        {
            string signature = field.FunctionSignature is null ? string.Empty : ", " + CSharpText.Literal(field.FunctionSignature);
            writer.Line($"new({field.Offset.ToString(System.Globalization.CultureInfo.InvariantCulture)}, {CSharpText.Literal(field.CType)}{signature}),");
        }

        writer.Outdent();
        writer.Line("}" + (structLayouts.Count == 0 ? ");" : ","));
        WriteLayouts(writer, structLayouts);
    }

    private static void WriteLayouts(SourceWriter writer, EquatableArray<string> structLayouts)
    {
        for (int i = 0; i < structLayouts.Count; i++)
        {
            writer.Line(CSharpText.Literal(structLayouts[i]) + (i == structLayouts.Count - 1 ? ");" : ","));
        }
    }
}
