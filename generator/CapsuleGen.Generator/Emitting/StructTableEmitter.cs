using System.Globalization;
using CapsuleGen.Generator.Model;

namespace CapsuleGen.Generator.Emitting;

/// <summary>
/// Writes an exported C struct table: a capsule holding the struct, which the runtime allocates once
/// in native memory (aligned, zeroed, never freed, like a C module's static struct) and the generated
/// fill method writes field by field at the offsets the generator computed; the capsule's signature
/// describes each field's offset and C type.
/// </summary>
internal static class StructTableEmitter
{
    public static string Emit(ExportedTable table, StructTable layout, bool clsCompliant)
    {
        SourceWriter writer = FileScaffold.Open(table.Location, "unsafe", table.Deprecation, clsCompliant);

        writer.Line($"/// <summary>A new handle to the capsule {CSharpText.DocName(table.CapsuleName)}: a C struct of {Number(layout.Size)} bytes, aligned to {Number(layout.Alignment)}, with {layout.Fields.Count} field{(layout.Fields.Count == 1 ? string.Empty : "s")} in declaration order.</summary>");
        writer.Line(RuntimeNames.GeneratedMember);
        writer.Line($"{table.PropertyModifiers} {RuntimeNames.Capsule} {table.PropertyName} => {RuntimeNames.ExportedCapsules}.Struct(");
        writer.Indent();
        writer.Line($"&{table.FactoryName},");
        writer.Line($"{CSharpText.Literal(table.CapsuleName)},");
        writer.Line($"{Number(layout.Size)},");
        writer.Line($"{Number(layout.Alignment)},");
        SignatureWriter.Struct(writer, layout, table.StructLayouts);
        writer.Outdent();
        writer.Line();

        if (table.Deprecation.Obsolete)
        {
            writer.Line(FileScaffold.ObsoleteContext);
        }

        // Members are named through the class: a parameter of the fill method must not hide one.
        string self = table.Location.FullyQualifiedName;
        writer.Line(RuntimeNames.GeneratedMember);
        writer.OpenBlock($"private static void {table.FactoryName}(byte* table, {RuntimeNames.IntPtr}* entries)");
        foreach (StructTableField field in layout.Fields)
        {
            string at = $"*({field.ManagedType}*)(table + {Number(field.Offset)})";
            switch (field.Kind)
            {
                case StructFieldKind.Function:
                    writer.Line($"{at} = {TrampolineWriter.AddressOf(field.Function!)};");
                    writer.Line($"entries[{Number(field.Offset / 8)}] = {TrampolineWriter.EntryAddressOf(field.Function!)};");
                    break;
                case StructFieldKind.StringConstant:
                    writer.Line($"{at} = {RuntimeNames.ExportedCapsules}.Utf8Constant({self}.{field.MemberName});");
                    break;
                default:
                    writer.Line($"{at} = {self}.{field.MemberName};");
                    break;
            }
        }

        writer.CloseBlock();

        foreach (StructTableField field in layout.Fields)
        {
            if (field.Function is not null)
            {
                writer.Line();
                TrampolineWriter.Write(writer, field.Function);
            }
        }

        return FileScaffold.Close(writer, table.Location);
    }

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);
}
