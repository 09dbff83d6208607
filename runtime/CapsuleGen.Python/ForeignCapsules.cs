using CapsuleGen.Ownership;
using CapsuleGen.Python.Native;

namespace CapsuleGen.Python;

/// <summary>
/// Capsules taken from Python that .NET did not make. Each holds a reference to its
/// <c>PyCapsule</c>, given back when the .NET capsule is destroyed, never waiting for the GIL
/// (<see cref="DeferredReleases"/>). One <c>PyCapsule</c> is one .NET capsule while it lives, as
/// long as its pointer, name and context stay what they were: taking it again returns another handle
/// to it, so binding the same capsule again and again holds one Python reference, not one per bind.
/// A binding's reference goes when the garbage collector finds its old target unreachable, which in
/// a module's small runtime may be long after: so when capsules from Python pile up, the runtime is
/// asked to collect (see <see cref="NoteCreated"/>).
/// </summary>
internal static unsafe class ForeignCapsules
{
    /// <summary>Capsules from Python made since the last collection this class asked for, at least, before it asks again.</summary>
    private const int CollectEvery = 4096;

    /// <summary>Capsules from Python not destroyed yet, each with its place in the order they were made.</summary>
    private static readonly Dictionary<CapsuleCore, long> s_live = new(ReferenceEqualityComparer.Instance);

    /// <summary>
    /// The .NET capsule made last for each <c>PyCapsule</c> (by address) and not yet destroyed. Safe to
    /// key by address: the capsule holds a reference to its <c>PyCapsule</c>, and leaves this map
    /// before giving it back, so no other object can take the address while the entry is here.
    /// </summary>
    private static readonly Dictionary<nint, CapsuleCore> s_byPythonCapsule = new();
    private static long s_made;
    private static long s_madeAtCollection;
    private static int s_referencedAfterCollection;

    /// <summary>
    /// A new handle to the .NET capsule for <paramref name="pythonCapsule"/>, which holds a reference to
    /// it: the one made before, if it lives and still has this pointer, name and context (Python code
    /// can change them with <c>PyCapsule_SetPointer</c> and the like), or a new one. Call with the GIL held.
    /// </summary>
    public static Capsule Wrap(CPythonApi api, nint pythonCapsule, nint pointer, string? name, nint context)
    {
        lock (s_live)
        {
            if (s_byPythonCapsule.TryGetValue(pythonCapsule, out CapsuleCore? made) &&
                made.Pointer == pointer && made.Context == context && string.Equals(made.Name, name, StringComparison.Ordinal) &&
                made.TryAddReference())
            {
                return Capsule.FromNewReference(made);
            }
        }

        api.Py_IncRef(pythonCapsule);
        CapsuleCore? core = null;
        core = new CapsuleCore(pointer, name, context, destructor: _ => Destroyed(core!, pythonCapsule), signature: null);
        NoteCreated(core, pythonCapsule);
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
            underway = s_live.Keys.Where(core => core.References == 0).Select(core => core.Destroyed).ToArray();
        }

        Task.WaitAll(underway);
    }

    /// <summary>
    /// Asks for a full collection once enough capsules from Python were made since the last one: as
    /// many as half of those made before it that it left referenced, and at least <see cref="CollectEvery"/>.
    /// So the references held for dropped bindings stay within that bound, and collections stay rare
    /// next to the calls. The bound does not grow while releases lag behind (a loaded machine, a loop
    /// holding the GIL): neither capsules dropped and not yet destroyed, nor those made since, count.
    /// </summary>
    private static void NoteCreated(CapsuleCore core, nint pythonCapsule)
    {
        long collectedUpTo;
        lock (s_live)
        {
            s_live.Add(core, ++s_made);
            s_byPythonCapsule[pythonCapsule] = core;
            if (s_made - s_madeAtCollection < Math.Max(CollectEvery, s_referencedAfterCollection / 2))
            {
                return;
            }

            s_madeAtCollection = collectedUpTo = s_made;
        }

        // Finalizers run on their thread, and the destructors they start never wait for the GIL. A
        // lease gives its reference back at its second finalization, so a thread-pool thread (which
        // holds no GIL and may wait) lets the first round finish, collects once more, and counts what
        // the second round left referenced.
        GC.Collect();
        ThreadPool.UnsafeQueueUserWorkItem(
            static collectedUpTo =>
            {
                GC.WaitForPendingFinalizers();
                GC.Collect();
                GC.WaitForPendingFinalizers();
                lock (s_live)
                {
                    s_referencedAfterCollection = s_live.Count(live => live.Value <= collectedUpTo && live.Key.References > 0);
                }
            },
            collectedUpTo,
            preferLocal: false);
    }

    private static void Destroyed(CapsuleCore core, nint pythonCapsule)
    {
        lock (s_live)
        {
            s_live.Remove(core);
            if (s_byPythonCapsule.TryGetValue(pythonCapsule, out CapsuleCore? latest) && latest == core)
            {
                s_byPythonCapsule.Remove(pythonCapsule);
            }
        }

        DeferredReleases.Release(CPython.Api, pythonCapsule);
    }
}
