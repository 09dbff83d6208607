using CapsuleGen;
using CapsuleGen.Python;

namespace Fixtures.BridgeLoad;

/// <summary>.NET threads that call into CPython through the bridge until stopped, each from a thread of its own making.</summary>
[PythonModule("BridgeLoad")]
public static partial class BridgeLoad
{
    private static readonly List<Thread> s_threads = [];
    private static readonly CancellationTokenSource s_stop = new();

    /// <summary>Starts a thread that evaluates, hands a capsule to Python and takes it back, and one that starts short-lived threads that each evaluate once.</summary>
    [PythonFunction("start")]
    public static void Start()
    {
        CancellationToken stop = s_stop.Token;
        s_threads.Add(new Thread(() =>
        {
            using Capsule capsule = new(0x1234, "bridgeload.capsule");
            while (!stop.IsCancellationRequested)
            {
                using PyObject sum = CPython.Eval("20 + 22");
                using PyObject pythonCapsule = PyCapsules.ToPython(capsule);
                using Capsule back = PyCapsules.FromPython(pythonCapsule, "bridgeload.capsule");
            }
        }));
        s_threads.Add(new Thread(() =>
        {
            while (!stop.IsCancellationRequested)
            {
                var worker = new Thread(() => CPython.Eval("1").Dispose());
                worker.Start();
                worker.Join();
            }
        }));
        s_threads.ForEach(thread => thread.Start());
    }

    /// <summary>
    /// Tells the threads to stop; they do at their next call. (Joining them here would wait forever:
    /// a module function holds the GIL their calls are waiting for.)
    /// </summary>
    [PythonFunction("stop")]
    public static void Stop() => s_stop.Cancel();
}
