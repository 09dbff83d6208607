using System.Collections.Concurrent;
using CapsuleGen;
using CapsuleGen.Python;

namespace Fixtures.ModuleEdges;

/// <summary>
/// Module functions at the edges of the bridge, each named for what a test does with it; the class is
/// also a C API table, which the module publishes as <c>ModuleEdges._C_API</c>.
/// </summary>
[PythonModule("ModuleEdges")]
[ExportCapsule("ModuleEdges._C_API")]
public static partial class ModuleEdges
{
    /// <summary>Set, the static constructor throws with its value as the message: import must raise ImportError.</summary>
    private const string ThrowVariable = "MODULE_EDGES_STATIC_CONSTRUCTOR_THROWS";

    private static readonly PyObject s_kept = PyObject.From("kept");
    private static readonly ConcurrentDictionary<string, Meeting> s_meetings = new(StringComparer.Ordinal);
    private static PythonException? s_keptException;

    static ModuleEdges()
    {
        if (Environment.GetEnvironmentVariable(ThrowVariable) is { Length: > 0 } message)
        {
            throw new InvalidOperationException(message);
        }
    }

    /// <summary>Slot 0 of the C API: <c>int64_t (int64_t)</c>.</summary>
    [CapsuleSlot(0)]
    private static long Twice(long value) => 2 * value;

    /// <summary>Slot 1 of the C API: <c>double (double, double)</c>.</summary>
    [CapsuleSlot(1)]
    private static double Hypotenuse(double a, double b) => Math.Sqrt(a * a + b * b);

    /// <summary>A new handle to the argument: Python gets its reference, and the handle goes at once.</summary>
    [PythonFunction("echo")]
    public static PyObject Echo(PyObject value) => PyObject.From(value);

    /// <summary>A new object of <paramref name="size"/> bytes, made in Python.</summary>
    [PythonFunction("new_bytearray")]
    public static PyObject NewByteArray(int size)
    {
        using PyObject builtins = CPython.Import("builtins");
        using PyObject type = builtins.GetAttr("bytearray");
        return type.Call(size);
    }

    /// <summary>Returns one handle the module keeps: the first call gives it away, a second finds it disposed.</summary>
    [PythonFunction("kept")]
    public static PyObject Kept() => s_kept;

    /// <summary>Calls a Python function with no arguments and returns what it returns; what it raises passes through C#.</summary>
    [PythonFunction("call")]
    public static PyObject Call(PyObject function) => function.Call();

    /// <summary>Calls a Python function, catches what it raises in C# and throws it again from a worker thread.</summary>
    [PythonFunction("call_and_rethrow_elsewhere")]
    public static void CallAndRethrowElsewhere(PyObject function)
    {
        PythonException caught;
        try
        {
            function.Call().Dispose();
            return;
        }
        catch (PythonException exception)
        {
            caught = exception;
        }

        Task.Run(() => throw caught).Wait();
    }

    /// <summary>The <c>errno</c> attribute of what a Python function raised, read in C#, or -1.</summary>
    [PythonFunction("errno_of")]
    public static long ErrnoOf(PyObject function)
    {
        try
        {
            function.Call().Dispose();
            return -1;
        }
        catch (PythonException exception)
        {
            using PyObject? value = exception.ShareValue();
            using PyObject errno = value!.GetAttr("errno");
            return errno.ToInt64();
        }
    }

    /// <summary>Throws a <see cref="PythonException"/> made in .NET, of the Python type named.</summary>
    [PythonFunction("throw_python_exception")]
    public static void ThrowPythonException(string type, string message) => throw new PythonException(type, message);

    /// <summary>Calls a Python function and keeps what it raises, for <see cref="RaiseKept"/>; false if it raised nothing.</summary>
    [PythonFunction("keep_exception")]
    public static bool KeepException(PyObject function)
    {
        try
        {
            function.Call().Dispose();
            return false;
        }
        catch (PythonException exception)
        {
            s_keptException = exception;
            return true;
        }
    }

    /// <summary>Throws the exception <see cref="KeepException"/> kept: the first time the object Python raised, then a new one of its type and message.</summary>
    [PythonFunction("raise_kept")]
    public static void RaiseKept() => throw s_keptException!;

    /// <summary>Waits for a worker thread that evaluates Python: it could not run while this held the GIL.</summary>
    [PythonFunction("square_on_worker", ReleaseGil = true)]
    public static long SquareOnWorker(long value) =>
        Task.Run(() =>
        {
            using PyObject scope = CPython.NewScope();
            scope.SetItem("x", value);
            using PyObject square = CPython.Eval("x * x", scope);
            return square.ToInt64();
        }).Result;

    /// <summary>Sums 0..count-1, each number made a Python int and read back on a thread of Parallel.For.</summary>
    [PythonFunction("parallel_sum", ReleaseGil = true)]
    public static long ParallelSum(int count)
    {
        long sum = 0;
        Parallel.For(0, count, i =>
        {
            using PyObject number = PyObject.From(i);
            Interlocked.Add(ref sum, number.ToInt64());
        });
        return sum;
    }

    /// <summary>
    /// Whether <paramref name="threads"/> calls of one <paramref name="group"/> were inside this function
    /// together within the timeout: they can be only if it lets go of the GIL.
    /// </summary>
    [PythonFunction("meet", ReleaseGil = true)]
    public static bool Meet(string group, int threads, int timeoutMilliseconds) => MeetHere(group, threads, timeoutMilliseconds);

    /// <summary><see cref="Meet"/> holding the GIL: the calls come one at a time.</summary>
    [PythonFunction("meet_holding_gil")]
    public static bool MeetHoldingGil(string group, int threads, int timeoutMilliseconds) => MeetHere(group, threads, timeoutMilliseconds);

    /// <summary>Throws once the GIL is let go: the exception reaches Python, and the GIL is held again.</summary>
    [PythonFunction("throw_without_gil", ReleaseGil = true)]
    public static int ThrowWithoutGil(string message) => throw new InvalidOperationException(message);

    /// <summary>
    /// Drops an object whose finalizer disposes a Python object, then calls ReleaseDropped with the GIL
    /// held (as every module function has it); true if the finalizer ran.
    /// </summary>
    [PythonFunction("release_dropped_with_a_disposing_finalizer")]
    public static bool ReleaseDroppedWithADisposingFinalizer()
    {
        var finished = new ManualResetEventSlim();
        DropDisposer(finished);
        CPython.ReleaseDropped();
        return finished.IsSet;
    }

    /// <summary>Clamps to a range that is open on both sides by default, and gives a fill value (NaN by default) for NaN.</summary>
    [PythonFunction("clamp")]
    public static double Clamp(double x, double low = double.NegativeInfinity, double high = double.PositiveInfinity, double fill = double.NaN) =>
        double.IsNaN(x) ? fill : Math.Clamp(x, low, high);

    /// <summary>
    /// Drops objects whose finalizers dispose Python objects, starts a collection and keeps the GIL for
    /// <paramref name="milliseconds"/>: the finalizer thread is then waiting for the GIL.
    /// </summary>
    [PythonFunction("drop_disposers_and_hold_gil")]
    public static void DropDisposersAndHoldGil(int count, int milliseconds)
    {
        var finished = new ManualResetEventSlim();
        for (int i = 0; i < count; i++)
        {
            DropDisposer(finished);
        }

        GC.Collect();
        Thread.Sleep(milliseconds);
    }

    private static void DropDisposer(ManualResetEventSlim finished) => _ = new Disposer(PyObject.From(12345.5), finished);

    private static bool MeetHere(string group, int threads, int timeoutMilliseconds)
    {
        Meeting meeting = s_meetings.GetOrAdd(group, _ => new Meeting());
        Interlocked.Increment(ref meeting.Inside);
        try
        {
            bool met = SpinWait.SpinUntil(() => Volatile.Read(ref meeting.Met) || Volatile.Read(ref meeting.Inside) >= threads, timeoutMilliseconds);
            Volatile.Write(ref meeting.Met, met || Volatile.Read(ref meeting.Met));
            return met;
        }
        finally
        {
            Interlocked.Decrement(ref meeting.Inside);
        }
    }

    /// <summary>How many calls of one group are inside now, and whether enough of them ever were together.</summary>
    private sealed class Meeting
    {
        public int Inside;
        public bool Met;
    }

    /// <summary>Disposes a Python object in its finalizer, as a user's class that owns one might.</summary>
    private sealed class Disposer(PyObject value, ManualResetEventSlim finished)
    {
        ~Disposer()
        {
            value.Dispose();
            finished.Set();
        }
    }
}
