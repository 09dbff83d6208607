namespace CapsuleGen;

/// <summary>
/// Makes a member a field of a table capsule laid out as a C struct (<see cref="CapsuleLayout.CStruct"/>).
/// </summary>
/// <remarks>
/// <para>
/// The layout rule is C's on LP64 targets (x64 and arm64 Linux): the fields in declaration order,
/// each at the next offset that is a multiple of its alignment, and the struct's size rounded up to
/// the largest alignment. Sizes and alignments: <c>byte</c>, <c>sbyte</c> and <c>bool</c> (C
/// <c>bool</c>) 1; <c>short</c>, <c>ushort</c> and <c>char</c> (C <c>char16_t</c>) 2; <c>int</c>,
/// <c>uint</c> and <c>float</c> 4; <c>long</c>, <c>ulong</c>, <c>nint</c>, <c>nuint</c>, <c>double</c>,
/// pointers, function pointers and functions 8; an enum as its underlying type; an unmanaged struct
/// as .NET lays it out. Every field is declared in one part of a partial type, since C# does not
/// order members across files.
/// </para>
/// <para>
/// On an exported <c>static partial class</c>, a field is: a static method (a pointer to its Cdecl
/// trampoline); a <c>const</c> of a numeric, <c>bool</c>, <c>char</c> or enum type (its value); a
/// <c>const string</c> (a <c>const char *</c> to a NUL-terminated UTF-8 copy that lives as long as
/// the process); or a <c>static readonly</c> field of such a value type (its value when the table
/// is built, once). On an imported interface every instance method (a function pointer, called
/// through) and get-only property (a value, read at its offset) is a field, with or without this
/// attribute; a <c>const char *</c> field is read as <c>byte*</c>.
/// </para>
/// </remarks>
[AttributeUsage(AttributeTargets.Method | AttributeTargets.Field | AttributeTargets.Property, AllowMultiple = false, Inherited = false)]
public sealed class CapsuleFieldAttribute : Attribute
{
    /// <summary>
    /// Whether the field holds the struct's size in bytes, as <c>expat_CAPI.size</c> does. An
    /// export's must be a <c>const int</c> equal to the computed size. An import's (an integer
    /// property) is checked at bind: a capsule whose size is smaller than the interface's struct was
    /// made for an older, shorter struct, and is refused.
    /// </summary>
    public bool StructSize { get; set; }
}
