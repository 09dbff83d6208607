using System.ComponentModel;

namespace CapsuleGen.Interop;

/// <summary>
/// An opened capsule as a generated binding calls it: immutable, so that rebinding swaps it in one
/// write. It holds the binding's reference to the capsule, given back once the target is unreachable.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public abstract class BindingTarget
{
    /// <summary>Holds <paramref name="lease"/> for as long as this target is reachable.</summary>
    protected BindingTarget(CapsuleLease lease)
    {
        ArgumentNullException.ThrowIfNull(lease);
        Lease = lease;
    }

    internal CapsuleLease Lease { get; }
}
