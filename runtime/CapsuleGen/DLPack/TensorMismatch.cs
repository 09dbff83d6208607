namespace CapsuleGen.DLPack;

/// <summary>What about a tensor did not fit the way it was asked for.</summary>
internal enum TensorMismatchKind
{
    /// <summary>Its elements are not of the requested type.</summary>
    DataType,

    /// <summary>Its memory is not where the CPU can read it.</summary>
    Device,

    /// <summary>It is read-only and was asked for writable.</summary>
    ReadOnly,

    /// <summary>Its layout cannot be read as requested (not contiguous, strides that are not whole elements).</summary>
    Layout,
}

/// <summary>
/// Why a tensor cannot be read as asked: what was expected and what was found, in words that fit
/// both a .NET exception and a Python one (<c>must be {Expected}, not {Found}</c>).
/// </summary>
internal readonly record struct TensorMismatch(TensorMismatchKind Kind, string Expected, string Found)
{
    /// <summary>The exception a .NET caller gets: the kind of exception says which rule, the message both sides.</summary>
    public Exception ToException(string what)
    {
        string message = $"{what} must be {Expected}, not {Found}.";
        return Kind switch
        {
            TensorMismatchKind.DataType => new InvalidCastException(message),
            TensorMismatchKind.Device => new NotSupportedException(message),
            _ => new InvalidOperationException(message),
        };
    }
}
