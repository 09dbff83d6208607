namespace CapsuleGen.Ownership;

/// <summary>
/// The capsule itself, as CPython has one <c>PyCapsule</c> object behind every reference to it:
/// the pointer, name, context, signature and destructor, and a count of the references held on it
/// (<see cref="Capsule"/> handles, bindings' leases, Python's <c>PyCapsule</c>s, the registry).
/// The destructor runs once, when the count drops to zero; a count that reached zero never rises again.
/// </summary>
internal sealed class CapsuleCore
{
    private readonly CapsuleCore? _carried;
    private CapsuleDestructor? _destructor;
    private long _references = 1; // 64 bits: handles a program never disposes cannot wrap it around
    private TaskCompletionSource? _destroyed;

    /// <summary>
    /// A capsule with one reference, which the creator holds. <paramref name="carried"/> is the
    /// capsule whose pointer this one carries under another context (<see cref="Capsule.WithContext"/>):
    /// held until this one is destroyed, so that the pointer outlives every copy of it.
    /// </summary>
    public CapsuleCore(nint pointer, string? name, nint context, CapsuleDestructor? destructor, CapsuleSignature? signature, CapsuleCore? carried = null)
    {
        Pointer = pointer;
        Name = name;
        Context = context;
        Signature = signature;
        _destructor = destructor;
        _carried = carried;
        ManagedEntry = carried?.ManagedEntry ?? 0;
    }

    /// <summary>
    /// An exported capsule: its native pointer (a trampoline, or a table of them) and the managed
    /// entry a binding in this process calls instead, skipping the native transitions. Only
    /// <see cref="Interop.ExportedCapsules"/>, which generated exports call, makes one.
    /// </summary>
    public CapsuleCore(nint pointer, nint managedEntry, string? name, CapsuleSignature signature)
        : this(pointer, name, context: 0, destructor: null, signature)
    {
        ManagedEntry = managedEntry;
    }

    public nint Pointer { get; }

    /// <summary>
    /// For a capsule a generated export made in this process: the managed entry of its function
    /// (<c>delegate*&lt;...&gt;</c> with the trampoline's parameters and exception policy), or a table
    /// of them beside the native table. Zero for every other capsule.
    /// </summary>
    public nint ManagedEntry { get; }

    public string? Name { get; }

    public nint Context { get; }

    public CapsuleSignature? Signature { get; }

    /// <summary>References held now; zero once destruction has begun.</summary>
    public long References => Volatile.Read(ref _references);

    /// <summary>Completes when the destructor has run (faulted if it threw).</summary>
    public Task Destroyed => DestroyedSource().Task;

    /// <summary>Takes another reference, unless the last one is already gone (the capsule is being or has been destroyed).</summary>
    public bool TryAddReference() => ReferenceCounts.TryIncrement(ref _references);

    /// <summary>
    /// Drops one reference held by a handle that its owner disposes. When it was the last, the
    /// destructor runs here, on this thread, receiving that handle; its exception reaches the caller.
    /// </summary>
    public void ReleaseFromDispose(Capsule disposing)
    {
        if (Interlocked.Decrement(ref _references) == 0)
        {
            Destroy(disposing, rethrow: true);
        }
    }

    /// <summary>
    /// Drops one reference held by the runtime on someone's behalf (a binding's old target the
    /// garbage collector found unreachable, a <c>PyCapsule</c> CPython destroyed). When it was the
    /// last, the destructor runs on a thread-pool thread: never on the finalizer thread, never inside
    /// CPython's deallocation, where user code could block or throw into the wrong place.
    /// </summary>
    public void ReleaseDeferred()
    {
        if (Interlocked.Decrement(ref _references) == 0)
        {
            ThreadPool.UnsafeQueueUserWorkItem(static core => core.Destroy(Capsule.ForDestructor(core), rethrow: false), this, preferLocal: false);
        }
    }

    private void Destroy(Capsule self, bool rethrow)
    {
        CapsuleDestructor? destructor = _destructor;
        _destructor = null;
        Exception? failure = null;
        try
        {
            destructor?.Invoke(self);
        }
        catch (Exception exception)
        {
            failure = exception;
            if (rethrow)
            {
                throw;
            }

            CapsuleBoundary.Record(Name, "the capsule's destructor", exception);
        }
        finally
        {
            self.FinishDestruction();
            _carried?.ReleaseDeferred();
            if (failure is null)
            {
                DestroyedSource().TrySetResult();
            }
            else
            {
                DestroyedSource().TrySetException(failure);
            }
        }
    }

    private TaskCompletionSource DestroyedSource()
    {
        TaskCompletionSource? destroyed = Volatile.Read(ref _destroyed);
        if (destroyed is null)
        {
            var created = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            destroyed = Interlocked.CompareExchange(ref _destroyed, created, null) ?? created;
        }

        return destroyed;
    }
}
