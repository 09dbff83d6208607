using System.ComponentModel;
using CapsuleGen.Ownership;

namespace CapsuleGen.Interop;

/// <summary>
/// A binding's reference to the capsule it is bound to. Taken when a generated binding opens a
/// capsule, held by the binding's immutable target, and given back when the garbage collector finds
/// that target unreachable: after the binding was rebound or unbound, and after every call that read
/// the target has returned (generated calls keep their target alive until the native call returns).
/// So a capsule outlives every call that can reach it, and a call pays nothing for it.
/// </summary>
/// <remarks>
/// A finalizer may still call through a binding the collector found unreachable together with this
/// lease: finalizers of one collection run in no set order (critical ones last). So the first
/// finalization only re-registers the lease, and the reference is given back at the next one, once
/// every finalizer that could reach it has run (an object waiting for its finalizer is a root).
/// </remarks>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class CapsuleLease
{
    private CapsuleCore? _core;
    private bool _outlivedFinalizers;

    private CapsuleLease(CapsuleCore core)
    {
        _core = core;
        Pointer = core.Pointer;
        ManagedEntry = core.ManagedEntry;
    }

    /// <summary>
    /// Gives the reference back at the second finalization (see the remarks); the destructor, if this
    /// was the last reference, runs on a thread-pool thread.
    /// </summary>
    ~CapsuleLease()
    {
        if (!_outlivedFinalizers)
        {
            _outlivedFinalizers = true;
            GC.ReRegisterForFinalize(this);
            return;
        }

        Interlocked.Exchange(ref _core, null)?.ReleaseDeferred();
    }

    /// <summary>The capsule's pointer, valid as long as this lease is reachable.</summary>
    public nint Pointer { get; }

    /// <summary>
    /// For a capsule a generated export made in this process, the managed entry of its function (or
    /// the table of entries beside its native table): the same function, with the same parameters and
    /// exception policy, called without the two native transitions. Zero for any other capsule.
    /// </summary>
    public nint ManagedEntry { get; }

    /// <summary>A new handle to the leased capsule, for its caller to dispose.</summary>
    public Capsule Share()
    {
        CapsuleCore core = _core ?? throw new ObjectDisposedException(nameof(CapsuleLease));
        bool added = core.TryAddReference();
        GC.KeepAlive(this); // the reference this lease holds must outlast the new one's taking
        return added
            ? Capsule.FromNewReference(core)
            : throw new InvalidOperationException($"The capsule {Capsule.Describe(core.Name)} lost its last reference while leased.");
    }

    /// <summary>The capsule's signature, read while the lease holds it.</summary>
    internal CapsuleSignature? Signature => _core!.Signature;

    /// <summary>The capsule's name, read while the lease holds it.</summary>
    internal string? Name => _core!.Name;

    /// <summary>Takes a reference through <paramref name="capsule"/>.</summary>
    /// <exception cref="ObjectDisposedException">The handle has been disposed, or the capsule is being destroyed.</exception>
    internal static CapsuleLease Take(Capsule capsule) => new(capsule.AddReference());

    /// <summary>Gives the reference back at once, for a lease that a failed check leaves unused.</summary>
    internal void Return()
    {
        Interlocked.Exchange(ref _core, null)?.ReleaseDeferred();
        GC.SuppressFinalize(this);
    }
}
