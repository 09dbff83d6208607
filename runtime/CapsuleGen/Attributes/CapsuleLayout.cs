namespace CapsuleGen;

/// <summary>How the members of a table capsule are laid out in the memory its pointer points to.</summary>
public enum CapsuleLayout
{
    /// <summary>
    /// Pointer-sized slots: each member marked <see cref="CapsuleSlotAttribute"/> is at
    /// <c>n * sizeof(void*)</c>, like NumPy's or <c>datetime</c>'s C API.
    /// </summary>
    Slots = 0,

    /// <summary>
    /// A C struct: the members in declaration order, each at the next offset aligned to its type,
    /// like CPython's <c>pyexpat.expat_CAPI</c>; see <see cref="CapsuleFieldAttribute"/> for the rule.
    /// </summary>
    CStruct = 1,
}
