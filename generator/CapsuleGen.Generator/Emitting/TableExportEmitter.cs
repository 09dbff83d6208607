using CapsuleGen.Generator.Model;

namespace CapsuleGen.Generator.Emitting;

/// <summary>
/// Writes an exported table: a capsule holding a table of trampoline addresses, which the runtime
/// allocates once in native memory where it never moves and is never freed (like a C module's
/// static table), describing each slot's C signature. A C struct table is written by
/// <see cref="StructTableEmitter"/>.
/// </summary>
internal static class TableExportEmitter
{
    public const string Kind = "Table";

    public static string Emit(ExportedTable table, bool clsCompliant)
    {
        if (table.Struct is not null)
        {
            return StructTableEmitter.Emit(table, table.Struct, clsCompliant);
        }

        SourceWriter writer = FileScaffold.Open(table.Location, "unsafe", table.Deprecation, clsCompliant);

        writer.Line($"/// <summary>A new handle to the capsule {CSharpText.DocName(table.CapsuleName)}: a table of {table.SlotCount} Cdecl function pointers, slot <c>n</c> at <c>n * sizeof(void*)</c>.</summary>");
        writer.Line(RuntimeNames.GeneratedMember);
        writer.Line($"{table.PropertyModifiers} {RuntimeNames.Capsule} {table.PropertyName} => {RuntimeNames.ExportedCapsules}.Table(");
        writer.Indent();
        writer.Line($"&{table.FactoryName},");
        writer.Line($"{CSharpText.Literal(table.CapsuleName)},");
        string?[] signatures = new string?[table.SlotCount];
        foreach (ExportedSlot slot in table.Slots)
        {
            signatures[slot.Index] = slot.Function.Signature.CSignature;
        }

        SignatureWriter.Table(writer, signatures, table.StructLayouts);
        writer.Outdent();
        writer.Line();

        if (table.Deprecation.Obsolete)
        {
            writer.Line(FileScaffold.ObsoleteContext);
        }

        writer.Line(RuntimeNames.GeneratedMember);
        writer.OpenBlock($"private static void {table.FactoryName}({RuntimeNames.IntPtr}* table, {RuntimeNames.IntPtr}* entries)");
        foreach (ExportedSlot slot in table.Slots)
        {
            writer.Line($"table[{slot.Index}] = {TrampolineWriter.AddressOf(slot.Function)};");
            writer.Line($"entries[{slot.Index}] = {TrampolineWriter.EntryAddressOf(slot.Function)};");
        }

        writer.CloseBlock();

        foreach (ExportedSlot slot in table.Slots)
        {
            writer.Line();
            TrampolineWriter.Write(writer, slot.Function);
        }

        return FileScaffold.Close(writer, table.Location);
    }
}
