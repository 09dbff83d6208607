using System.Collections.Generic;
using System.Linq;
using CapsuleGen.Generator.Model;

namespace CapsuleGen.Generator.NativeHeaders;

/// <summary>A member of a table's C struct as the header declares and checks it.</summary>
/// <param name="Name">Its C name.</param>
/// <param name="Declaration">Its declaration without <c>;</c>: <c>double (*Add)(double, double)</c>, <c>int Size</c>.</param>
/// <param name="Offset">Where the C# side puts it.</param>
/// <param name="Function">The exported function it points to, or null for data and empty slots.</param>
/// <param name="Check">What a C opener checks of it, or null: a C condition that holds when the capsule is wrong, and what the message says.</param>
internal sealed record TableMember(string Name, string Declaration, int Offset, ExportedFunction? Function, (string Wrong, string Says)? Check);

/// <summary>
/// The members of a table's C struct: one pointer per slot for a table of slots, the fields in
/// declaration order for a C struct table. A C opener checks that every function the C# side fills is
/// there; for a C struct table also that its size field is at least the header's <c>sizeof</c> (a newer
/// table may append members), and that each integer and string constant is the header's (a version, a
/// magic string). Floating-point constants are not compared (a NaN equals nothing).
/// </summary>
internal static class TableMembers
{
    private static readonly HashSet<string> s_integers = new(System.StringComparer.Ordinal)
    {
        "bool", "int8_t", "uint8_t", "int16_t", "uint16_t", "char16_t", "int", "unsigned int", "int64_t", "uint64_t", "intptr_t", "uintptr_t",
    };

    /// <summary>The struct's size as the C# side lays it out.</summary>
    public static int Size(HeaderTable table) => table.Table.Struct?.Size ?? table.Table.SlotCount * 8;

    public static IReadOnlyList<TableMember> Of(HeaderTable table)
    {
        if (table.Table.Struct is not { } structTable)
        {
            return Enumerable.Range(0, table.Table.SlotCount).Select(slot =>
            {
                string name = table.Members[slot];
                ExportedFunction? function = table.Table.Slots.FirstOrDefault(filled => filled.Index == slot)?.Function;
                return function is null
                    ? new TableMember(name, "void *" + name, slot * 8, null, null)
                    : new TableMember(name, CHeaderEmitter.FunctionPointer(function.Signature, name), slot * 8, function, NotNull(name, $"the capsule's table has no function in slot {slot} ({name})"));
            }).ToArray();
        }

        return structTable.Fields.Select((field, index) =>
        {
            string name = table.Members[index];
            return new TableMember(name, CText.Declare(CStruct.Types(field.CType), name), field.Offset, field.Function, CheckOf(field, name, table.CName));
        }).ToArray();
    }

    private static (string Wrong, string Says)? CheckOf(StructTableField field, string name, string structName) => field switch
    {
        { Kind: StructFieldKind.Function } => NotNull(name, $"the capsule's table has no function in its field {name}"),
        { IsStructSize: true } => ($"(long long)table->{name} < (long long)sizeof({structName})", $"the capsule's {name} says its table is smaller than this header's {structName} (an older table)"),
        { Kind: StructFieldKind.StringConstant, Constant: { } text } => ($"table->{name} == NULL || strcmp(table->{name}, {text}) != 0", $"the capsule's {name} is not the string this header expects"),
        { Kind: StructFieldKind.Constant, Constant: { } value } when s_integers.Contains(field.CType) => ($"table->{name} != {value}", $"the capsule's {name} is not the {value} this header expects"),
        _ => null,
    };

    private static (string Wrong, string Says) NotNull(string name, string says) => ($"table->{name} == NULL", says);
}
