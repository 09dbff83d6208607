using CapsuleGen.Python.Native;

namespace CapsuleGen.Python;

/// <summary>
/// The GIL states this thread took through <see cref="GilScope"/>s, in order. CPython must get
/// each state back exactly once and in reverse order: releasing an outer state while an inner scope
/// still runs would drop the GIL under it. So a scope disposed out of order is only marked, and
/// released when every scope taken after it is.
/// </summary>
internal static unsafe class GilAcquisitions
{
    [ThreadStatic]
    private static List<Acquisition>? t_held;

    private static long s_lastId;

    /// <summary>Takes the GIL and records the state to give back; returns the scope's id.</summary>
    public static long Acquire(CPythonApi api)
    {
        List<Acquisition> held = t_held ??= new List<Acquisition>();
        held.Add(new Acquisition(Interlocked.Increment(ref s_lastId), api.PyGILState_Ensure(), Released: false));
        return held[^1].Id;
    }

    /// <summary>Releases the scope <paramref name="id"/>, and any released earlier that waited for it; a scope released before does nothing.</summary>
    public static void Release(long id)
    {
        List<Acquisition>? held = t_held;
        int index = held?.FindLastIndex(acquisition => acquisition.Id == id) ?? -1;
        if (index < 0 || held![index].Released)
        {
            return;
        }

        held[index] = held[index] with { Released = true };
        CPythonApi api = CPython.Api;
        while (held.Count > 0 && held[^1].Released)
        {
            int state = held[^1].State;
            held.RemoveAt(held.Count - 1);
            api.PyGILState_Release(state);
        }
    }

    private readonly record struct Acquisition(long Id, int State, bool Released);
}
