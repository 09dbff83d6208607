namespace CapsuleGen;

/// <summary>
/// A field of a table laid out as a C struct (see <see cref="CapsuleSignature.Struct"/>): where it
/// is, its C type, and for a function pointer the function's C signature.
/// </summary>
/// <param name="Offset">The field's byte offset from the capsule's pointer.</param>
/// <param name="CType">
/// The field's C type as a C declaration spells it without the name: <c>int</c>, <c>const char *</c>,
/// <c>struct Point</c>, and for a function pointer <c>double (*)(double, double)</c>.
/// </param>
/// <param name="FunctionSignature">The function's C signature (<c>double (double, double)</c>) for a function field; <see langword="null"/> for a value.</param>
public readonly record struct CapsuleStructField(int Offset, string CType, string? FunctionSignature = null)
{
    /// <summary>Whether the field holds a function, which a binding calls through and which must not be null.</summary>
    public bool IsFunction => FunctionSignature is not null;

    /// <summary><c>double (*)(double, double) at 16</c>.</summary>
    public override string ToString() => $"{CType} at {Offset}";
}
