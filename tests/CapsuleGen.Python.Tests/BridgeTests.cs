using System.Runtime.CompilerServices;
using CapsuleGen.Tests.Shared;

namespace CapsuleGen.Python.Tests;

/// <summary>
/// Capsules between .NET and CPython: opened by plain Python, round trips, lifetimes, and errors.
/// Some of these count what the whole process holds, so no other test runs beside them.
/// </summary>
[Collection(ProcessWideCounts.Name)]
public sealed class BridgeTests
{
    public BridgeTests() => Requires.Python();

    [Fact]
    public void Plain_Python_opens_a_CSharp_capsule_with_ctypes_and_calls_the_function_inside()
    {
        using PyObject scope = CPython.NewScope();
        scope.SetItem("capsule", Integrands.CubicCapsule);

        CPython.Run(
            """
            import ctypes
            get_pointer = ctypes.pythonapi.PyCapsule_GetPointer
            get_pointer.restype = ctypes.c_void_p
            get_pointer.argtypes = [ctypes.py_object, ctypes.c_char_p]
            cube = ctypes.CFUNCTYPE(ctypes.c_double, ctypes.c_double)(get_pointer(capsule, b"double (double)"))
            result = cube(3.0)
            """,
            scope);

        using PyObject result = scope["result"];
        Assert.Equal(27.0, result.ToDouble());
    }

    [Fact]
    public void A_capsule_sent_into_Python_comes_back_as_a_new_handle_to_itself_with_name_pointer_and_signature()
    {
        using Capsule cubic = Integrands.CubicCapsule;
        using PyObject scope = CPython.NewScope();
        scope.SetItem("capsule", cubic);
        CPython.Run("kept = [capsule]\nback = kept[0]\nrepr_text = repr(back)", scope);

        using PyObject back = scope["back"];
        using Capsule returned = PyCapsules.FromPython(back, "double (double)");

        Assert.NotSame(cubic, returned);
        Assert.True(cubic.RefersToSameCapsule(returned));
        Assert.Equal("double (double)", returned.Name);
        Assert.Equal(CapsuleSignature.Function("double (double)"), returned.Signature);
        using PyObject repr = scope["repr_text"];
        Assert.StartsWith("<capsule object \"double (double)\" at 0x", repr.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_foreign_Python_capsule_keeps_its_name_pointer_and_context()
    {
        using PyObject scope = CapsuleApiScope.Run(
            """
            name = ctypes.create_string_buffer(b"spam.foreign")
            capsule = api.PyCapsule_New(0x1234, name, None)
            api.PyCapsule_SetContext(capsule, 0x5678)
            """);
        using PyObject pythonCapsule = scope["capsule"];

        using Capsule capsule = PyCapsules.FromPython(pythonCapsule, "spam.foreign");

        Assert.Equal((nint)0x1234, capsule.GetPointer("spam.foreign"));
        Assert.Equal((nint)0x5678, capsule.Context);
        Assert.Null(capsule.Signature);
    }

    [Fact]
    public void A_hundred_thousand_capsules_handed_to_Python_and_dropped_leave_nothing_behind()
    {
        Collect(); // what earlier tests dropped is released before counting
        using (CPython.AcquireGil())
        {
        }

        int heldBefore = PyCapsules.HeldByPython;
        long nameBytesBefore = PyCapsules.NativeNameBytes;

        for (int i = 0; i < 100_000; i++)
        {
            using var capsule = new Capsule(0x1000 + i, $"lifetime.capsule{i}");
            using PyObject pythonCapsule = PyCapsules.ToPython(capsule);
            if (i == 50_000)
            {
                Assert.True(PyCapsules.HeldByPython > heldBefore);
                Assert.True(PyCapsules.NativeNameBytes > nameBytesBefore);
            }
        }

        Assert.Equal(heldBefore, PyCapsules.HeldByPython);
        Assert.Equal(nameBytesBefore, PyCapsules.NativeNameBytes);
    }

    [Fact]
    public async Task A_capsule_lives_as_long_as_Python_holds_it_even_after_its_handle_is_disposed()
    {
        int destroyed = 0;
        var capsule = new Capsule(0x4321, "lifetime.held", destructor: _ => Interlocked.Increment(ref destroyed));
        PyObject pythonCapsule = PyCapsules.ToPython(capsule);

        capsule.Dispose();
        Collect();
        Assert.Equal(0, Volatile.Read(ref destroyed));
        using (Capsule back = PyCapsules.FromPython(pythonCapsule, "lifetime.held"))
        {
            Assert.Equal((nint)0x4321, back.GetPointer("lifetime.held"));
        }

        pythonCapsule.Dispose();

        await capsule.WhenDestroyed.WaitAsync(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken);
        Assert.Equal(1, Volatile.Read(ref destroyed));
    }

    [Fact]
    public void Capsules_taken_from_Python_and_disposed_leave_Pythons_reference_counts_where_they_were()
    {
        using PyObject sys = CPython.Import("sys");
        // A capsule of this test's own: a shared one's count also moves with whatever other tests release.
        using PyObject scope = CapsuleApiScope.Run("capsule = api.PyCapsule_New(0x1234, b'datetime.datetime_CAPI', None)");
        using PyObject pythonCapsule = scope["capsule"];
        using PyObject getRefCount = sys.GetAttr("getrefcount");
        long before = RefCount(getRefCount, pythonCapsule);

        var held = new List<Capsule>();
        for (int i = 0; i < 1_000; i++)
        {
            held.Add(PyCapsules.FromPython(pythonCapsule, "datetime.datetime_CAPI"));
        }

        Assert.Equal(before + 1, RefCount(getRefCount, pythonCapsule)); // one .NET capsule, a thousand handles to it
        for (int i = 0; i < 99_000; i++)
        {
            PyCapsules.FromPython(pythonCapsule, "datetime.datetime_CAPI").Dispose();
        }

        held.ForEach(capsule => capsule.Dispose());
        Assert.Equal(before, RefCount(getRefCount, pythonCapsule));
    }

    [Fact]
    public void Handles_dropped_without_Dispose_are_released_at_the_next_GIL_acquisition()
    {
        using PyObject sys = CPython.Import("sys");
        using PyObject getRefCount = sys.GetAttr("getrefcount");
        using PyObject target = CPython.Eval("object()");
        long before = RefCount(getRefCount, target);

        DropReferences(target, 100);
        Collect();
        using (CPython.AcquireGil())
        {
        }

        Assert.Equal(before, RefCount(getRefCount, target));
    }

    [Fact]
    public void Python_errors_carry_their_type_and_message()
    {
        PythonException error = Assert.Throws<PythonException>(() => CPython.Run("raise KeyError('quacker')"));
        PythonException qualified = Assert.Throws<PythonException>(() => CPython.Run("import json\njson.loads('{')"));

        Assert.Equal("KeyError", error.PythonType);
        Assert.Equal("'quacker'", error.PythonMessage);
        Assert.Equal("KeyError: 'quacker'", error.Message);
        Assert.Equal("json.decoder.JSONDecodeError", qualified.PythonType);
    }

    [Fact]
    public void Values_convert_both_ways()
    {
        using PyObject scope = CPython.Run("i = 2**62\nf = 0.5\ns = 'caf\u00e9'\nn = None\nb = True");

        Assert.Equal(1L << 62, Value(scope, "i"));
        Assert.Equal(0.5, Value(scope, "f"));
        Assert.Equal("caf\u00e9", Value(scope, "s"));
        Assert.Null(Value(scope, "n"));
        Assert.Equal(true, Value(scope, "b"));
        using PyObject sum = CPython.Eval("lambda a, b, c: f'{a + b}{c}'").Call(40, 2L, "!");
        Assert.Equal("42!", sum.ToClr());
    }

    [Fact]
    public async Task In_a_process_whose_host_already_started_CPython_the_bridge_attaches_to_that_interpreter()
    {
        Assert.False(CPython.Attached); // this test process: the bridge started CPython itself

        (int exitCode, string output, string error) = await SampleProcess.RunAsync("AttachProbe", CPython.LibraryPath!);

        Assert.True(exitCode == 0, output + error);
        Assert.Equal("attached=True\nmarker=set by the host\nanswer=42\n", output);
    }

    [Fact]
    public void A_disposed_capsule_cannot_be_handed_to_Python()
    {
        var capsule = new Capsule(0x1234, "gone");
        capsule.Dispose();

        Assert.Throws<ObjectDisposedException>(() => PyCapsules.ToPython(capsule));
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void DropReferences(PyObject target, int count)
    {
        for (int i = 0; i < count; i++)
        {
            _ = PyObject.From(target); // a new reference, never disposed
        }
    }

    private static void Collect()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
    }

    private static long RefCount(PyObject getRefCount, PyObject target)
    {
        using PyObject count = getRefCount.Call(target);
        return count.ToInt64();
    }

    private static object? Value(PyObject scope, string name)
    {
        using PyObject value = scope[name];
        return value.ToClr();
    }
}
