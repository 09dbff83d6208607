namespace CapsuleGen.Python;

/// <summary>What one thread holds of the GIL: its scopes, and the CPython thread state the bridge made for it.</summary>
internal sealed class ThreadGil
{
    /// <summary>The GIL states this thread's scopes took, oldest first.</summary>
    public List<Acquisition> Held { get; } = [];

    public Thread Thread { get; } = Thread.CurrentThread;

    /// <summary>The thread state the bridge made for this thread, which CPython did not know; zero for a thread CPython made.</summary>
    public nint OwnThreadState { get; set; }

    /// <summary>Whether .NET code drives this thread, so that its ending while holding the GIL can be seen.</summary>
    public bool Tracked { get; set; }

    /// <summary>The thread has ended (its thread statics went with it): its thread state goes at the next GIL acquisition.</summary>
    /// <remarks>A thread that ended holding scopes is never finalized: <see cref="ThreadStates"/> keeps it, as its state still holds the GIL.</remarks>
    ~ThreadGil()
    {
        if (OwnThreadState != 0)
        {
            DeferredReleases.DeleteThreadStateLater(OwnThreadState);
        }
    }
}
