namespace CapsuleGen;

/// <summary>
/// On a <c>static</c> method of a <c>partial</c> type: exports it as a capsule holding a native
/// (Cdecl) pointer to it. The generator writes an <c>[UnmanagedCallersOnly]</c> trampoline and a
/// property named <c>&lt;Method&gt;Capsule</c> with the method's own accessibility.
/// On a <c>partial class</c>: exports a table of function pointers, one slot per static method
/// marked <see cref="CapsuleSlotAttribute"/>, as a property named <c>&lt;Class&gt;Capsule</c>.
/// </summary>
/// <remarks>
/// Without a name, a single function's capsule is named by the method's C signature (for example
/// <c>double (double)</c>), which is how SciPy's <c>LowLevelCallable</c> and Cython name capsules.
/// A table always needs a name.
/// </remarks>
[AttributeUsage(AttributeTargets.Method | AttributeTargets.Class, AllowMultiple = false, Inherited = false)]
public sealed class ExportCapsuleAttribute : Attribute
{
    /// <summary>Exports the method under its C signature string.</summary>
    public ExportCapsuleAttribute()
    {
    }

    /// <summary>Exports the method under <paramref name="name"/>.</summary>
    public ExportCapsuleAttribute(string name)
    {
        Name = name;
    }

    /// <summary>The capsule's name, or <see langword="null"/> for the method's C signature.</summary>
    public string? Name { get; }

    /// <summary>What the trampoline does when the method throws. Defaults to <see cref="CapsuleExceptionPolicy.ReturnDefault"/>.</summary>
    public CapsuleExceptionPolicy OnException { get; set; }

    /// <summary>
    /// How an exported class's table is laid out: pointer-sized <see cref="CapsuleLayout.Slots"/>
    /// (the default), or a <see cref="CapsuleLayout.CStruct"/> of the class's members marked
    /// <see cref="CapsuleFieldAttribute"/>, in declaration order.
    /// </summary>
    public CapsuleLayout Layout { get; set; }
}
