namespace CapsuleGen.Python;

/// <summary>
/// Holds CPython's GIL on this thread until disposed (<c>PyGILState_Ensure</c> / <c>PyGILState_Release</c>).
/// Scopes nest. A <see langword="ref"/> struct, so it cannot be stored on the heap or held across
/// <c>await</c>: it stays on the thread that took it, as CPython requires.
/// </summary>
/// <remarks>
/// Disposing is safe however it is done: a second Dispose (or one through a copy) does nothing, and
/// a scope disposed before a scope taken after it keeps the GIL until that one is disposed too, so
/// CPython always releases its states in the order it handed them out.
/// </remarks>
public readonly ref struct GilScope
{
    private readonly long _id;
    private readonly int _thread;

    internal GilScope(long id)
    {
        _id = id;
        _thread = Environment.CurrentManagedThreadId;
    }

    /// <summary>Releases the GIL taken by this scope, once; later calls do nothing.</summary>
    /// <exception cref="InvalidOperationException">Disposed on another thread than the one that took it (only unsafe code can move a scope there); nothing is released.</exception>
    public void Dispose()
    {
        if (_id == 0)
        {
            return; // default(GilScope) holds nothing
        }

        if (_thread != Environment.CurrentManagedThreadId)
        {
            throw new InvalidOperationException(
                $"A GIL scope taken on thread {_thread} was disposed on thread {Environment.CurrentManagedThreadId}. " +
                "CPython lets only the thread that took the GIL release it, so nothing was released.");
        }

        GilAcquisitions.Release(_id);
    }
}
