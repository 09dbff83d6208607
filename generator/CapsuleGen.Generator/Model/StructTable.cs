namespace CapsuleGen.Generator.Model;

/// <summary>How a table capsule's members are laid out; mirrors the runtime's <c>CapsuleGen.CapsuleLayout</c>.</summary>
internal enum TableLayout
{
    /// <summary>Pointer-sized slots, member <c>[CapsuleSlot(n)]</c> at <c>n * sizeof(void*)</c>.</summary>
    Slots = 0,

    /// <summary>A C struct: members in declaration order, each at the next offset aligned to its type (LP64).</summary>
    CStruct = 1,
}

/// <summary>What a field of a C struct table holds, which decides how the table is filled.</summary>
internal enum StructFieldKind
{
    /// <summary>A pointer to a function: an exported static method's trampoline, or what an import calls through.</summary>
    Function,

    /// <summary>A value read when the table is built (an export's <c>static readonly</c> field) or when it is bound (an import's property).</summary>
    Value,

    /// <summary>An export's numeric, <c>bool</c>, <c>char</c> or enum <c>const</c>; <see cref="StructTableField.Constant"/> holds it.</summary>
    Constant,

    /// <summary>An export's <c>const string</c>: a <c>const char *</c> to a NUL-terminated UTF-8 copy; <see cref="StructTableField.Constant"/> holds it.</summary>
    StringConstant,
}

/// <summary>
/// One field of a table laid out as a C struct, as a C header would declare it. Exports and imports
/// describe their fields alike, so that one emitter can write a C declaration of either:
/// <c>CType</c> is the type without the name, so a value field is declared <c>{CType} {name};</c> and
/// a function field by putting the name after its <c>(*</c>: <c>double (*Add)(double, double);</c>.
/// </summary>
/// <param name="MemberName">The C# member, escaped if it is a keyword (<c>Add</c>, <c>@int</c>).</param>
/// <param name="Kind">What the field holds.</param>
/// <param name="Offset">Its byte offset from the start of the struct.</param>
/// <param name="Size">Its size in bytes.</param>
/// <param name="CType">Its C type: <c>int</c>, <c>const char *</c>, <c>struct Point</c>, <c>double (*)(double, double)</c>.</param>
/// <param name="ManagedType">The C# type generated code reads or writes it as: <c>int</c>, <c>byte*</c>, <c>global::Ns.Point</c>, <c>global::System.IntPtr</c> for a function.</param>
/// <param name="FunctionSignature">For a function, its C signature as signature strings spell it (<c>double (double, double)</c>); otherwise null.</param>
/// <param name="Function">For an exported function, the method with its trampoline and entry; null for imports and values.</param>
/// <param name="Constant">For a constant, its value as a C literal: numbers exactly (<c>40</c>, <c>2u</c>, <c>1.5f</c>, <c>-9223372036854775807LL - 1</c>), a string quoted and escaped for C (<c>"spam \"C\" API"</c>); otherwise null.</param>
/// <param name="IsStructSize">Whether the field holds the struct's size (<c>[CapsuleField(StructSize = true)]</c>).</param>
/// <param name="MemberDeprecation">Whether the member is obsolete or experimental, which code naming it inherits.</param>
internal sealed record StructTableField(
    string MemberName,
    StructFieldKind Kind,
    int Offset,
    int Size,
    string CType,
    string ManagedType,
    string? FunctionSignature,
    ExportedFunction? Function,
    string? Constant,
    bool IsStructSize,
    Deprecation MemberDeprecation);

/// <summary>A table laid out as a C struct: its fields in declaration order (which is offset order), size and alignment.</summary>
/// <param name="Size">The struct's size in bytes: the end of its last field, rounded up to <paramref name="Alignment"/>.</param>
/// <param name="Alignment">The largest alignment of any field.</param>
/// <param name="Fields">The fields, in declaration order.</param>
internal sealed record StructTable(int Size, int Alignment, EquatableArray<StructTableField> Fields);
