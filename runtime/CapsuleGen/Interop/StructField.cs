using System.ComponentModel;

namespace CapsuleGen.Interop;

/// <summary>
/// A field an imported interface reads from a capsule laid out as a C struct: a function (with its
/// C signature) or a value. Written by generated code.
/// </summary>
/// <param name="Offset">The field's byte offset.</param>
/// <param name="Member">The interface member that reads it, for messages.</param>
/// <param name="CType">Its C type, as <see cref="CapsuleStructField.CType"/> spells it.</param>
/// <param name="Signature">The function's C signature, or <see langword="null"/> for a value.</param>
/// <param name="IsStructSize">Whether the field holds the struct's size, which binding checks is at least the interface's.</param>
[EditorBrowsable(EditorBrowsableState.Never)]
public readonly record struct StructField(int Offset, string Member, string CType, string? Signature = null, bool IsStructSize = false)
{
    /// <summary>Whether the field holds a function (which must not be null) rather than a value.</summary>
    public bool IsFunction => Signature is not null;
}
