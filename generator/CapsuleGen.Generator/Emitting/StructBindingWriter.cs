using System.Globalization;
using CapsuleGen.Generator.Model;

namespace CapsuleGen.Generator.Emitting;

/// <summary>
/// The parts of an imported interface's binding that differ for a C struct table: the fields it
/// checks at bind time, the call that opens the capsule, and the target's reads at byte offsets.
/// The rest of the binding is the same as for a table of slots (see <see cref="ImportEmitter"/>).
/// </summary>
internal static class StructBindingWriter
{
    /// <summary>The fields the binding checks when it binds: offset, member, C type, a function's C signature, and the size field.</summary>
    public static void WriteFieldList(SourceWriter writer, ImportedInterface import, StructTable table)
    {
        writer.Line($"private static readonly {RuntimeNames.StructField}[] {import.Names.SlotsField} =");
        writer.Line("{");
        writer.Indent();
        foreach (StructTableField field in table.Fields)
        {
            string signature = field.FunctionSignature is null ? string.Empty : ", " + CSharpText.Literal(field.FunctionSignature);
            string size = field.IsStructSize ? ", IsStructSize: true" : string.Empty;
            writer.Line($"new({Number(field.Offset)}, {CSharpText.Literal(field.MemberName.TrimStart('@'))}, {CSharpText.Literal(field.CType)}{signature}{size}),");
        }

        writer.Outdent();
        writer.Line("};");
    }

    /// <summary>The runtime call that checks the capsule and takes the binding's reference.</summary>
    public static string OpenCall(ImportedInterface import, StructTable table, string layouts) =>
        $"{RuntimeNames.CapsuleUnwrap}.OpenStruct(capsule, CapsuleName, {Number(table.Size)}, {import.Names.SlotsField}, {layouts}{CSharpText.Literal(import.DisplayName)})";

    /// <summary>
    /// The target's constructor body: each function's native pointer and, for a capsule exported in
    /// this process, its managed entry (at index offset / 8 of the entries beside the struct), and
    /// each value, read once at its offset.
    /// </summary>
    public static void WriteReads(SourceWriter writer, ImportedInterface import)
    {
        BindingNames names = import.Names;
        writer.Line("byte* table = (byte*)lease.Pointer;");
        writer.Line($"{RuntimeNames.IntPtr}* entries = ({RuntimeNames.IntPtr}*)lease.ManagedEntry;");
        for (int i = 0; i < import.Methods.Count; i++)
        {
            ImportedMethod method = import.Methods[i];
            int offset = method.Offset ?? 0;
            writer.Line($"this.{names.PointerFields[i]} = ({method.Signature.FunctionPointerType})*({RuntimeNames.IntPtr}*)(table + {Number(offset)});");
            writer.Line($"this.{names.EntryFields[i]} = entries == null ? null : ({method.Signature.ManagedFunctionPointerType})entries[{Number(offset / 8)}];");
        }

        for (int i = 0; i < import.DataSlots.Count; i++)
        {
            ImportedDataSlot data = import.DataSlots[i];
            writer.Line($"this.{names.DataFields[i]} = *({data.Type.ManagedName}*)(table + {Number(data.Offset ?? 0)});");
        }
    }

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);
}
