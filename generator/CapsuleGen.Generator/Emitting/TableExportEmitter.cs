using CapsuleGen.Generator.Model;

namespace CapsuleGen.Generator.Emitting;

/// <summary>
/// Writes an exported table: a capsule holding a table of trampoline addresses, allocated once in
/// native memory where it never moves and is never freed (like a C module's static table), and
/// describing each slot's C signature.
/// </summary>
internal static class TableExportEmitter
{
    public static string HintName(ExportedTable table) => FileScaffold.HintName(table.Location, "Table");

    public static string Emit(ExportedTable table)
    {
        SourceWriter writer = FileScaffold.Open(table.Location, "unsafe");
        string create = "Create" + table.TypeName + "Table";

        string property = table.TypeName + "Capsule";
        writer.Line("/// <summary>");
        writer.Line($"/// A new handle to the capsule {CSharpText.DocName(table.CapsuleName)}: a table of {table.SlotCount} native Cdecl function pointers,");
        writer.Line($"/// slot <c>n</c> at byte offset <c>n * sizeof(void*)</c>; slots no method fills are null.");
        writer.Line("/// The capsule lives as long as the process; disposing a handle gives up only that handle.");
        writer.Line("/// </summary>");
        writer.Line($"{table.Accessibility} static {CSharpText.Capsule} {property} => s_{property}.Share();");
        writer.Line();
        writer.Line($"private static readonly {CSharpText.Capsule} s_{property} = new(");
        writer.Indent();
        writer.Line($"(nint){create}(),");
        writer.Line($"{CSharpText.Literal(table.CapsuleName)},");
        writer.Line("signature: global::CapsuleGen.CapsuleSignature.Table(");
        writer.Indent();
        string?[] signatures = new string?[table.SlotCount];
        foreach (ExportedSlot slot in table.Slots)
        {
            signatures[slot.Index] = slot.Function.Signature.CSignature;
        }

        for (int i = 0; i < signatures.Length; i++)
        {
            writer.Line($"{CSharpText.Literal(signatures[i])}{(i == signatures.Length - 1 ? "));" : ",")}");
        }

        writer.Outdent();
        writer.Outdent();
        writer.Line();

        writer.Line("/// <summary>Fills the table once; it lives as long as the process, so every capsule copy stays valid.</summary>");
        writer.OpenBlock($"private static nint* {create}()");
        writer.Line($"nint* table = (nint*)global::System.Runtime.InteropServices.NativeMemory.AllocZeroed({table.SlotCount}, (nuint)sizeof(nint));");
        foreach (ExportedSlot slot in table.Slots)
        {
            writer.Line($"table[{slot.Index}] = {TrampolineWriter.AddressOf(slot.Function)};");
        }

        writer.Line("return table;");
        writer.CloseBlock();

        foreach (ExportedSlot slot in table.Slots)
        {
            writer.Line();
            TrampolineWriter.Write(writer, slot.Function);
        }

        return FileScaffold.Close(writer, table.Location);
    }
}
