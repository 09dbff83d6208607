using CapsuleGen;
using CapsuleGen.Python;
using CapsuleGen.Tests.Shared;

namespace SafetyProbe;

/// <summary>
/// CPython thread states of .NET threads: one per thread, deleted after it ends, and never being
/// made while Python forks. A child forked then would hang in CPython's after-fork work (which, on
/// 3.11, takes the lock that guards the list of thread states before making that lock anew).
/// </summary>
internal static class ThreadStateScenarios
{
    /// <summary>Thread states in the main interpreter, counted by plain Python.</summary>
    private const string CountThreadStates =
        """
        import ctypes
        api = ctypes.pythonapi
        api.PyInterpreterState_Main.restype = ctypes.c_void_p
        api.PyInterpreterState_ThreadHead.restype = ctypes.c_void_p
        api.PyInterpreterState_ThreadHead.argtypes = [ctypes.c_void_p]
        api.PyThreadState_Next.restype = ctypes.c_void_p
        api.PyThreadState_Next.argtypes = [ctypes.c_void_p]
        states, state = 0, api.PyInterpreterState_ThreadHead(api.PyInterpreterState_Main())
        while state:
            states, state = states + 1, api.PyThreadState_Next(state)
        """;

    private const int Children = 200;

    public static Task ForkWhileADotnetThreadUsesTheBridge()
    {
        using var stop = new CancellationTokenSource();
        var busy = new Thread(() =>
        {
            using Capsule quarter = new(0x1234, "safety.fork");
            while (!stop.IsCancellationRequested)
            {
                using PyObject sum = CPython.Eval("20 + 22");
                using PyObject capsule = PyCapsules.ToPython(quarter);
                using Capsule back = PyCapsules.FromPython(capsule, "safety.fork");
            }
        });

        // Fresh .NET threads, as a program's short-lived workers are: each makes a thread state.
        Thread[] churn = Enumerable.Range(0, 3).Select(_ => new Thread(() =>
        {
            while (!stop.IsCancellationRequested)
            {
                var worker = new Thread(() => CPython.Eval("1").Dispose());
                worker.Start();
                worker.Join();
            }
        })).ToArray();
        busy.Start();
        Array.ForEach(churn, thread => thread.Start());
        using PyObject scope = CPython.Run(ForkingScript.Forking(Children));
        stop.Cancel();
        busy.Join();
        Array.ForEach(churn, thread => thread.Join());
        using PyObject hung = scope["hung"];
        Check.That(hung.ToInt64() == 0, $"all {Children} children forked while .NET threads used the bridge exited (hung: {hung.ToInt64()})");
        return Task.CompletedTask;
    }

    /// <summary>Each .NET thread gets one thread state, kept while it lives and deleted after it ends.</summary>
    public static Task EndedThreadsLeaveNoThreadStates()
    {
        for (int i = 0; i < 500; i++)
        {
            var worker = new Thread(() => CPython.Eval("1").Dispose());
            worker.Start();
            worker.Join();
        }

        CPython.ReleaseDropped();
        using PyObject scope = CPython.Run(CountThreadStates);
        using PyObject states = scope["states"];
        Check.That(states.ToInt64() < 10, $"500 .NET threads that used the bridge and ended left no thread states behind ({states.ToInt64()} remain)");
        return Task.CompletedTask;
    }
}
