using System.ComponentModel;
using CapsuleGen.Interop;

namespace CapsuleGen;

/// <summary>
/// What every generated <c>Binding</c> shares: the capsule bound now, and binding, unbinding and
/// asking about it. A generated binding implements its interface on top: each call reads the current
/// target once and calls through it, or through the interface's default bodies while none is bound.
/// </summary>
/// <remarks>
/// Binding checks the capsule's name and signature once and publishes a new immutable target in one
/// write, so rebinding is atomic while other threads call: a call uses the old or the new target,
/// never a mix, and takes no lock. The binding holds a reference to the capsule it is bound to, and
/// gives it back once no call can still be using it (see the README's "Ownership").
/// </remarks>
public abstract class CapsuleBinding
{
    private BindingTarget? _target;

    /// <summary>Whether a capsule is bound; when not, calls go to the fallback.</summary>
    public bool IsBound => Volatile.Read(ref _target) is not null;

    /// <summary>The target calls read now, or <see langword="null"/> when unbound. For generated code.</summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    protected BindingTarget? CurrentTarget => Volatile.Read(ref _target);

    /// <summary>A new handle to the capsule bound now, for the caller to dispose; <see langword="null"/> when none is.</summary>
    public Capsule? ShareBoundCapsule() => Volatile.Read(ref _target)?.Lease.Share();

    /// <summary>
    /// Checks <paramref name="capsule"/> and makes every later call go through it. The binding holds
    /// a reference of its own, so the caller may dispose its handle. If the check fails, the binding
    /// keeps what it had.
    /// </summary>
    /// <exception cref="ArgumentNullException"><paramref name="capsule"/> is null.</exception>
    /// <exception cref="ObjectDisposedException">The handle has been disposed, or the capsule is being destroyed.</exception>
    /// <exception cref="CapsuleNameMismatchException">The capsule has another name.</exception>
    /// <exception cref="CapsuleSignatureMismatchException">The capsule carries another signature, or lays out a struct differently.</exception>
    /// <exception cref="InvalidCapsuleException">A table slot the interface calls is null.</exception>
    public void Bind(Capsule capsule) => Volatile.Write(ref _target, OpenTarget(capsule));

    /// <summary>Makes every later call go to the fallback again; the capsule is let go once no call can still be using it.</summary>
    public void Unbind() => Volatile.Write(ref _target, null);

    /// <summary>Checks <paramref name="capsule"/> and reads everything calls need from it. For generated code.</summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    protected abstract BindingTarget OpenTarget(Capsule capsule);
}
