namespace CapsuleGen;

/// <summary>
/// Imports a capsule through a <c>partial interface</c>. The generator writes a nested
/// <c>Binding</c> class that implements the interface: it starts on the fallback (the interface's
/// default bodies) and calls through the capsule once one is bound.
/// </summary>
/// <remarks>
/// An interface with one method and no <see cref="CapsuleSlotAttribute"/> imports a single function:
/// the capsule's pointer is that function. Without a name, the capsule must be named by that
/// function's C signature.
/// </remarks>
[AttributeUsage(AttributeTargets.Interface, AllowMultiple = false, Inherited = false)]
public sealed class ImportCapsuleAttribute : Attribute
{
    /// <summary>Imports a single function whose capsule is named by its C signature.</summary>
    public ImportCapsuleAttribute()
    {
    }

    /// <summary>Imports the capsule named <paramref name="name"/>.</summary>
    public ImportCapsuleAttribute(string name)
    {
        Name = name;
    }

    /// <summary>The expected capsule name, or <see langword="null"/> for the function's C signature.</summary>
    public string? Name { get; }

    /// <summary>
    /// How the capsule's table is laid out: pointer-sized <see cref="CapsuleLayout.Slots"/> (the
    /// default), or a <see cref="CapsuleLayout.CStruct"/> whose fields are the interface's members in
    /// declaration order (see <see cref="CapsuleFieldAttribute"/>).
    /// </summary>
    public CapsuleLayout Layout { get; set; }
}
