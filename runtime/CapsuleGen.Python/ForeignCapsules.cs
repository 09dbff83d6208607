using CapsuleGen.Ownership;
using CapsuleGen.Python.Native;

namespace CapsuleGen.Python;

/// <summary>
/// Capsules taken from Python that .NET did not make. Each holds a reference to its
/// <c>PyCapsule</c>, given back when the .NET capsule is destroyed, never waiting for the GIL
/// (<see cref="DeferredReleases"/>). A binding's reference goes when the garbage collector finds its
/// old target unreachable, which in a module's small runtime may be long after: so when capsules from
/// Python pile up, the runtime is asked to collect (see <see cref="NoteCreated"/>).
/// </summary>
internal static unsafe class ForeignCapsules
{
    /// <summary>Capsules from Python made since the last collection this class asked for, at least, before it asks again.</summary>
    private const int CollectEvery = 4096;

    private static readonly HashSet<CapsuleCore> s_live = new(ReferenceEqualityComparer.Instance);
    private static int s_createdSinceCollection;

    /// <summary>Capsules from Python that are not destroyed yet, and so hold their <c>PyCapsule</c>.</summary>
    public static int Live
    {
        get
        {
            lock (s_live)
            {
                return s_live.Count;
            }
        }
    }

    /// <summary>A new handle to a new .NET capsule holding a reference to <paramref name="pythonCapsule"/>. Call with the GIL held.</summary>
    public static Capsule Wrap(CPythonApi api, nint pythonCapsule, nint pointer, string? name, nint context)
    {
        api.Py_IncRef(pythonCapsule);
        CapsuleCore? core = null;
        core = new CapsuleCore(pointer, name, context, destructor: _ => Destroyed(core!, pythonCapsule), signature: null);
        NoteCreated(core);
        return Capsule.FromNewReference(core);
    }

    /// <summary>
    /// Waits for the destructors of capsules from Python whose last reference has gone (they run on
    /// the thread pool, and never wait for the GIL).
    /// </summary>
    public static void WaitForDestructorsUnderway()
    {
        Task[] underway;
        lock (s_live)
        {
            underway = s_live.Where(core => core.References == 0).Select(core => core.Destroyed).ToArray();
        }

        Task.WaitAll(underway);
    }

    /// <summary>
    /// Asks for a full collection once enough capsules from Python were made since the last one: as
    /// many as half of those alive, and at least <see cref="CollectEvery"/>. So the references held for
    /// dropped bindings stay within that bound, and collections stay rare next to the calls.
    /// </summary>
    private static void NoteCreated(CapsuleCore core)
    {
        bool collect;
        lock (s_live)
        {
            s_live.Add(core);
            collect = ++s_createdSinceCollection >= Math.Max(CollectEvery, s_live.Count / 2);
            if (collect)
            {
                s_createdSinceCollection = 0;
            }
        }

        if (collect)
        {
            // Finalizers run on their thread, and the destructors they start never wait for the GIL. A
            // lease gives its reference back at its second finalization, so a thread-pool thread (which
            // holds no GIL and may wait) lets the first round finish and collects once more.
            GC.Collect();
            ThreadPool.UnsafeQueueUserWorkItem(
                static _ =>
                {
                    GC.WaitForPendingFinalizers();
                    GC.Collect();
                },
                null);
        }
    }

    private static void Destroyed(CapsuleCore core, nint pythonCapsule)
    {
        lock (s_live)
        {
            s_live.Remove(core);
        }

        DeferredReleases.Release(CPython.Api, pythonCapsule);
    }
}
