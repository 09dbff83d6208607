using System.Globalization;
using CapsuleGen.Interop;
using CapsuleGen.Ownership;

namespace CapsuleGen;

/// <summary>
/// A handle to a capsule: a sealed, named container for a native pointer, with the rules of
/// CPython's <c>PyCapsule</c>. The pointer is never null, the name may be null, and only code that
/// knows the name may open it.
/// </summary>
/// <remarks>
/// <para>
/// Capsules are reference-counted, as in CPython. Each handle is one reference, and so is every
/// binding bound to the capsule, every <c>PyCapsule</c> Python holds for it and every registry entry.
/// The destructor runs exactly once, when the last reference goes: a capsule cannot be destroyed
/// while anything can still call through it. <see cref="Share"/> gives another handle;
/// <see cref="Dispose"/> gives this one up.
/// </para>
/// <para>
/// Disposing a handle makes that handle unusable (every use but <see cref="Name"/>,
/// <see cref="IsDisposed"/>, <see cref="WhenDestroyed"/>, <see cref="RefersToSameCapsule"/> and
/// <see cref="ToString"/> throws <see cref="ObjectDisposedException"/>) and never breaks another
/// holder. When that Dispose drops the last reference, the destructor runs there, on that thread,
/// and its exception reaches the caller. When the last reference was the runtime's (a binding's
/// old target the garbage collector found unreachable, a <c>PyCapsule</c> Python let go of), the
/// destructor runs on a thread-pool thread and an exception it throws is recorded in
/// <see cref="CapsuleBoundary"/>. A handle has no finalizer: one never disposed keeps its capsule alive.
/// </para>
/// </remarks>
public sealed class Capsule : IDisposable
{
    private const int Open = 0;
    private const int Releasing = 1;
    private const int Disposed = 2;

    private readonly CapsuleCore _core;
    private int _state;
    private int _releasingThread;

    /// <summary>Creates a capsule and the first handle to it.</summary>
    /// <param name="pointer">The pointer to carry; must not be zero.</param>
    /// <param name="name">The name code must present to open it; <see langword="null"/> is a valid name (NumPy's <c>_ARRAY_API</c> has one).</param>
    /// <param name="context">An optional pointer-sized value for the consumer (SciPy passes it as the callback's user data).</param>
    /// <param name="destructor">Runs exactly once, when the last reference to the capsule goes.</param>
    /// <param name="signature">What the pointer points to, checked by generated imports; <see langword="null"/> for a foreign capsule trusted by name alone.</param>
    /// <exception cref="ArgumentException">The pointer is zero, or the name contains a NUL character or is not valid UTF-16.</exception>
    public Capsule(nint pointer, string? name, nint context = 0, CapsuleDestructor? destructor = null, CapsuleSignature? signature = null)
    {
        if (pointer == 0)
        {
            throw new ArgumentException("A capsule needs a non-null pointer (CPython: \"PyCapsule_New called with null pointer\").", nameof(pointer));
        }

        ValidateName(name, nameof(name));
        _core = new CapsuleCore(pointer, name, context, destructor, signature);
    }

    private Capsule(CapsuleCore core, int state)
    {
        _core = core;
        _state = state;
        if (state == Releasing)
        {
            _releasingThread = Environment.CurrentManagedThreadId;
        }
    }

    /// <summary>The capsule's name; readable after disposal so that messages can name it.</summary>
    public string? Name => _core.Name;

    /// <summary>Whether this handle has been disposed (true while a destructor it started runs, too).</summary>
    public bool IsDisposed => Volatile.Read(ref _state) != Open;

    /// <summary>
    /// Completes when the capsule's destructor has run, after the last reference went (faulted if
    /// the destructor threw). Readable after disposal: dispose, then wait for it.
    /// </summary>
    public Task WhenDestroyed => _core.Destroyed;

    /// <summary>The context pointer given at creation (zero when none was given).</summary>
    /// <exception cref="ObjectDisposedException">This handle has been disposed.</exception>
    public nint Context => OpenCore().Context;

    /// <summary>What the pointer points to, or <see langword="null"/> when the capsule does not say.</summary>
    /// <exception cref="ObjectDisposedException">This handle has been disposed.</exception>
    public CapsuleSignature? Signature => OpenCore().Signature;

    /// <summary>The capsule this handle refers to, which lives at least as long as the handle.</summary>
    internal CapsuleCore Core => _core;

    /// <summary>Returns the pointer if <paramref name="name"/> matches the capsule's name.</summary>
    /// <exception cref="CapsuleNameMismatchException">The names differ; the message says both.</exception>
    /// <exception cref="ObjectDisposedException">This handle has been disposed.</exception>
    public nint GetPointer(string? name)
    {
        CapsuleCore core = OpenCore();
        if (!NamesMatch(core.Name, name))
        {
            throw new CapsuleNameMismatchException(expectedName: name, actualName: core.Name);
        }

        return core.Pointer;
    }

    /// <summary>
    /// Another handle to the same capsule: one more reference, as <c>Py_INCREF</c> takes, for a
    /// holder that disposes it independently of this one.
    /// </summary>
    /// <exception cref="ObjectDisposedException">This handle has been disposed, or the capsule is being destroyed.</exception>
    public Capsule Share() => FromNewReference(AddReference());

    /// <summary>Whether this handle and <paramref name="other"/> refer to the same capsule. Never throws.</summary>
    public bool RefersToSameCapsule(Capsule? other) => other is not null && ReferenceEquals(_core, other._core);

    /// <summary>
    /// A new capsule with this one's pointer, name and signature and another context: the way to
    /// give a generated export its user data (SciPy passes the context to the function as its
    /// <c>void *</c> argument). It has no destructor of its own and keeps this capsule alive until it
    /// is destroyed; whatever the context points to must outlive it.
    /// </summary>
    /// <exception cref="ObjectDisposedException">This handle has been disposed, or the capsule is being destroyed.</exception>
    public Capsule WithContext(nint context)
    {
        CapsuleCore carried = AddReference();
        return new Capsule(new CapsuleCore(carried.Pointer, carried.Name, context, destructor: null, carried.Signature, carried), Open);
    }

    /// <summary>
    /// Whether the capsule can be opened with <paramref name="name"/> through this handle: not
    /// disposed, and the names match. Never throws, like <c>PyCapsule_IsValid</c>.
    /// </summary>
    public bool IsValid(string? name) => IsUsable && NamesMatch(Name, name);

    /// <summary>
    /// Compares capsule names as CPython does: two null names match, a null and a non-null name do
    /// not, and otherwise the comparison is ordinal (which, names being valid UTF-16, is exactly
    /// C's <c>strcmp</c> on their UTF-8 bytes).
    /// </summary>
    public static bool NamesMatch(string? first, string? second) =>
        first is null || second is null ? first is null && second is null : string.Equals(first, second, StringComparison.Ordinal);

    /// <summary>
    /// Gives up this handle's reference; later calls do nothing. If it was the last reference, the
    /// destructor runs now, on this thread, and whatever it throws is thrown here.
    /// </summary>
    public void Dispose()
    {
        if (Interlocked.CompareExchange(ref _state, Releasing, Open) != Open)
        {
            return;
        }

        Volatile.Write(ref _releasingThread, Environment.CurrentManagedThreadId);
        try
        {
            _core.ReleaseFromDispose(this);
        }
        finally
        {
            FinishDestruction();
        }
    }

    /// <summary>
    /// A repr in CPython's style: <c>&lt;capsule object "quacker" at 0x7f...&gt;</c>, or
    /// <c>&lt;capsule object NULL at 0x...&gt;</c> for a null name. The address is the carried
    /// pointer, since a managed object has no fixed address.
    /// </summary>
    public override string ToString()
    {
        string name = Describe(Name);
        string address = "0x" + ((nuint)_core.Pointer).ToString("x", CultureInfo.InvariantCulture);
        return IsUsable ? $"<capsule object {name} at {address}>" : $"<disposed capsule object {name}>";
    }

    /// <summary>Formats a capsule name for messages: quoted, or NULL as CPython prints it.</summary>
    internal static string Describe(string? name) => name is null ? "NULL" : "\"" + name + "\"";

    /// <summary>
    /// Refuses names C code could not see as the .NET side does: a NUL ends a C string early, and a
    /// lone surrogate has no UTF-8 form (it would become U+FFFD, so two different names would meet).
    /// </summary>
    /// <exception cref="ArgumentException">The name contains a NUL character or a lone surrogate.</exception>
    internal static void ValidateName(string? name, string parameter)
    {
        if (name is null)
        {
            return;
        }

        int nul = name.IndexOf('\0');
        if (nul >= 0)
        {
            throw new ArgumentException($"A capsule name cannot contain a NUL character: C code compares names with strcmp and would see only \"{name.Substring(0, nul)}\".", parameter);
        }

        for (int i = 0; i < name.Length; i++)
        {
            if (char.IsHighSurrogate(name[i]) && i + 1 < name.Length && char.IsLowSurrogate(name[i + 1]))
            {
                i++; // a surrogate pair: one code point
            }
            else if (char.IsSurrogate(name[i]))
            {
                throw new ArgumentException($"A capsule name must be valid UTF-16, but the one given has a lone surrogate (U+{(int)name[i]:X4}) at index {i}: it has no UTF-8 form for C code to compare.", parameter);
            }
        }
    }

    /// <summary>A handle for a reference just taken on <paramref name="core"/>; disposing it gives that reference up.</summary>
    internal static Capsule FromNewReference(CapsuleCore core) => new(core, Open);

    /// <summary>The handle a destructor receives when the runtime drops the last reference: readable on this thread until the destructor returns.</summary>
    internal static Capsule ForDestructor(CapsuleCore core) => new(core, Releasing);

    /// <summary>Takes another reference to the capsule through this handle.</summary>
    /// <exception cref="ObjectDisposedException">This handle has been disposed, or the capsule is being destroyed.</exception>
    internal CapsuleCore AddReference()
    {
        CapsuleCore core = OpenCore();
        return core.TryAddReference()
            ? core
            : throw new ObjectDisposedException(nameof(Capsule), $"The capsule {Describe(Name)} is being destroyed: its last reference is gone.");
    }

    /// <summary>Marks the handle disposed once the release it started (and any destructor it ran) is over.</summary>
    internal void FinishDestruction() => Volatile.Write(ref _state, Disposed);

    /// <summary>Open, or releasing and read by the destructor this release runs.</summary>
    private bool IsUsable => Volatile.Read(ref _state) switch
    {
        Open => true,
        Releasing => Volatile.Read(ref _releasingThread) == Environment.CurrentManagedThreadId,
        _ => false,
    };

    private CapsuleCore OpenCore() =>
        IsUsable ? _core : throw new ObjectDisposedException(nameof(Capsule), $"The capsule {Describe(Name)} has been disposed.");
}
