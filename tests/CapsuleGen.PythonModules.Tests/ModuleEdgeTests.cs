namespace CapsuleGen.PythonModules.Tests;

/// <summary>
/// The ModuleEdges fixture in a real python3: what used to abort, hang, leak or come back as the
/// wrong exception. Each script runs in a child process, so an abort or a hang fails one test.
/// </summary>
public sealed class ModuleEdgeTests
{
    [Fact]
    public async Task A_static_constructor_that_throws_makes_import_raise_ImportError_naming_the_exception_every_time()
    {
        string output = await PythonProcess.RunScriptAsync(
            """
            import os
            os.environ['MODULE_EDGES_STATIC_CONSTRUCTOR_THROWS'] = 'no configuration found'
            for attempt in range(2):
                try:
                    import ModuleEdges
                    print('imported')
                except ImportError as error:
                    print(error)
            """);

        string message = "the C# module ModuleEdges could not be initialized: its class's static constructor threw System.InvalidOperationException: no configuration found\n";
        Assert.Equal(message + message, output);
    }

    [Fact]
    public async Task Returned_objects_are_given_to_Python_at_once_so_neither_references_nor_memory_pile_up()
    {
        string output = await PythonProcess.RunScriptAsync(
            """
            import sys, resource, ModuleEdges
            o = object()
            before = sys.getrefcount(o)
            for _ in range(1000):
                ModuleEdges.echo(o)
            print('references added by 1,000 calls:', sys.getrefcount(o) - before)
            start = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
            for _ in range(150):
                ModuleEdges.new_bytearray(10_000_000)
            grown = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - start
            print('150 arrays of 10 MB kept alive:', grown > 500_000, grown < 100_000)
            """);

        Assert.Equal("references added by 1,000 calls: 0\n150 arrays of 10 MB kept alive: False True\n", output);
    }

    [Fact]
    public async Task A_handle_a_function_returned_is_given_away_and_returning_it_again_raises_instead_of_crashing()
    {
        string output = await PythonProcess.RunScriptAsync(
            """
            import ModuleEdges
            print(ModuleEdges.kept())
            try:
                ModuleEdges.kept()
            except RuntimeError as error:
                print(str(error).splitlines()[0])
            """);

        Assert.Equal(
            "kept\nSystem.ObjectDisposedException: This Python object handle has been disposed: a module function gives away the handle it returns, " +
            "so a kept object is returned as a new handle (PyObject.From(kept)).\n",
            output);
    }

    [Fact]
    public async Task Python_exceptions_that_cross_CSharp_come_back_as_the_same_objects_with_their_tracebacks()
    {
        string output = await PythonProcess.RunScriptAsync(
            """
            import errno, traceback, ModuleEdges

            class Custom(Exception):
                pass

            custom = Custom('mine', 42)
            def raise_custom(): raise custom
            def decode(): b'\xff'.decode()
            def missing(): {}[5]
            def open_missing(): open('/nonexistent/file')
            def group(): raise ExceptionGroup('two', [ValueError(1), TypeError(2)])
            def raise_custom_new(): raise Custom('new')

            for function in [decode, missing, open_missing, group, raise_custom]:
                try:
                    ModuleEdges.call(function)
                except BaseException as error:
                    frames = [frame.name for frame in traceback.extract_tb(error.__traceback__)]
                    print(repr(error), getattr(error, 'errno', None), error is custom, frames[-1])
            try:
                ModuleEdges.call_and_rethrow_elsewhere(missing)
            except KeyError as error:
                print('thrown again on a worker:', repr(error))
            print('errno read in C#:', ModuleEdges.errno_of(open_missing) == errno.ENOENT)

            # Once raised again, the object is Python's alone: nothing in .NET keeps it (and its frames) alive.
            import weakref
            raised = []
            for _ in range(3):
                try:
                    ModuleEdges.call(lambda: raise_custom_new())
                except Custom as error:
                    raised.append(weakref.ref(error))
            print('kept alive after the except blocks:', sum(ref() is not None for ref in raised))
            """);

        Assert.Equal(
            "UnicodeDecodeError('utf-8', b'\\xff', 0, 1, 'invalid start byte') None False decode\n" +
            "KeyError(5) None False missing\n" +
            "FileNotFoundError(2, 'No such file or directory') 2 False open_missing\n" +
            "ExceptionGroup('two', [ValueError(1), TypeError(2)]) None False group\n" +
            "Custom('mine', 42) None True raise_custom\n" +
            "thrown again on a worker: KeyError(5)\n" +
            "errno read in C#: True\n" +
            "kept alive after the except blocks: 0\n",
            output);
    }

    [Fact]
    public async Task A_Python_exception_of_a_type_that_a_message_alone_cannot_make_comes_back_as_RuntimeError_naming_it()
    {
        string output = await PythonProcess.RunScriptAsync(
            """
            import ModuleEdges
            def show(function, *arguments):
                try:
                    function(*arguments)
                except BaseException as error:
                    print(type(error).__name__ + ':', error)
            show(ModuleEdges.throw_python_exception, 'UnicodeDecodeError', 'made in C#')
            show(ModuleEdges.throw_python_exception, 'ExceptionGroup', 'made in C#')
            show(ModuleEdges.throw_python_exception, 'ValueError', 'made in C#')
            print(ModuleEdges.keep_exception(lambda: b'\xff'.decode()))
            show(ModuleEdges.raise_kept)
            show(ModuleEdges.raise_kept)
            """);

        const string decode = "'utf-8' codec can't decode byte 0xff in position 0: invalid start byte";
        Assert.Equal(
            "RuntimeError: UnicodeDecodeError: made in C#\n" +
            "RuntimeError: ExceptionGroup: made in C#\n" +
            "ValueError: made in C#\n" +
            "True\n" +
            $"UnicodeDecodeError: {decode}\n" +
            $"RuntimeError: UnicodeDecodeError: {decode}\n",
            output);
    }

    [Fact]
    public async Task Python_exceptions_that_CSharp_catches_and_drops_do_not_keep_their_frames_alive_until_a_rare_collection()
    {
        // Each exception holds its traceback, and so the frame with its 10 MB local; the module's .NET
        // heap sees only small objects, and would not be collected for a long time on its own.
        string output = await PythonProcess.RunScriptAsync(
            """
            import resource, ModuleEdges
            def fail():
                big = bytearray(10_000_000)
                open('/nonexistent/file')
            start = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
            for _ in range(150):
                ModuleEdges.errno_of(fail)
            grown = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - start
            print('150 frames of 10 MB kept alive:', grown > 1_200_000, grown < 800_000)
            """);

        Assert.Equal("150 frames of 10 MB kept alive: False True\n", output);
    }

    [Theory]
    [InlineData("sys.exit(3)", 3)]
    [InlineData("sys.exit(0)", 0)]
    [InlineData("os.kill(os.getpid(), signal.SIGINT)", 130)]
    public async Task SystemExit_and_KeyboardInterrupt_raised_in_a_callback_pass_through_CSharp_unchanged(string statement, int exitCode)
    {
        (int code, string output) = await PythonProcess.RunAsync(null, "-c",
            "import os, sys, signal, ModuleEdges\n" +
            $"def stop():\n    {statement}\n    for _ in range(10_000_000): pass\n" +
            "ModuleEdges.call(stop)\n" +
            "print('not reached')\n");

        Assert.True(code == exitCode, $"exit code {code}:\n{output}");
        Assert.DoesNotContain("not reached", output, StringComparison.Ordinal);
        Assert.DoesNotContain("RuntimeError", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Functions_that_release_the_GIL_run_on_two_Python_threads_at_once_and_those_that_hold_it_do_not()
    {
        string output = await PythonProcess.RunScriptAsync(
            """
            import threading, ModuleEdges
            for function, timeout in [(ModuleEdges.meet, 60_000), (ModuleEdges.meet_holding_gil, 300)]:
                results = []
                threads = [threading.Thread(target=lambda: results.append(function(function.__name__, 2, timeout))) for _ in range(2)]
                for thread in threads: thread.start()
                for thread in threads: thread.join()
                print(function.__name__, sorted(results))
            """);

        Assert.Equal("meet [True, True]\nmeet_holding_gil [False, False]\n", output);
    }

    [Fact]
    public async Task A_function_that_releases_the_GIL_can_wait_for_its_own_threads_calling_into_Python()
    {
        string output = await PythonProcess.RunScriptAsync(
            """
            import ModuleEdges
            print(ModuleEdges.square_on_worker(12))
            print(ModuleEdges.parallel_sum(2000) == sum(range(2000)))
            try:
                ModuleEdges.throw_without_gil('thrown without the GIL')
            except RuntimeError as error:
                print(error)
            print(ModuleEdges.square_on_worker(-3))
            """);

        Assert.Equal("144\nTrue\nSystem.InvalidOperationException: thrown without the GIL\n9\n", output);
    }

    [Fact]
    public async Task ReleaseDropped_called_with_the_GIL_held_lets_a_finalizer_dispose_a_Python_object()
    {
        string output = await PythonProcess.RunScriptAsync(
            """
            import ModuleEdges
            print(all(ModuleEdges.release_dropped_with_a_disposing_finalizer() for _ in range(3)))
            """);

        Assert.Equal("True\n", output);
    }

    [Fact]
    public async Task A_finalizer_waiting_for_the_GIL_when_Python_exits_is_let_through_rather_than_ended_inside_CPython()
    {
        // The finalizer thread waits for the GIL this thread keeps to the end. Ended by CPython once the
        // interpreter finalizes, it would never finish, and ReleaseDropped, which waits for finalizers, would hang.
        string output = await PythonProcess.RunScriptAsync(
            """
            import os, sys, time, ModuleEdges
            class AtFinalization:
                def __del__(self, write=os.write, sleep=time.sleep, release=ModuleEdges.release_dropped_with_a_disposing_finalizer):
                    sleep(0.5)
                    write(1, b'a finalizer ran during finalization: %r\n' % release())
            sys.at_finalization = AtFinalization()
            sys.setswitchinterval(10)
            ModuleEdges.drop_disposers_and_hold_gil(1000, 300)
            """);

        Assert.Equal("a finalizer ran during finalization: True\n", output);
    }

    [Fact]
    public async Task A_module_class_that_is_a_table_publishes_it_for_PyCapsule_Import_and_C_calls_its_slots()
    {
        string output = await PythonProcess.RunScriptAsync(
            """
            import ctypes, ModuleEdges
            print(repr(ModuleEdges._C_API).split(' at ')[0])
            api = ctypes.pythonapi
            api.PyCapsule_Import.restype = ctypes.c_void_p
            api.PyCapsule_Import.argtypes = [ctypes.c_char_p, ctypes.c_int]
            table = ctypes.cast(api.PyCapsule_Import(b'ModuleEdges._C_API', 0), ctypes.POINTER(ctypes.c_void_p))
            twice = ctypes.CFUNCTYPE(ctypes.c_int64, ctypes.c_int64)(table[0])
            hypotenuse = ctypes.CFUNCTYPE(ctypes.c_double, ctypes.c_double, ctypes.c_double)(table[1])
            print(twice(21), hypotenuse(3.0, 4.0))
            """);

        Assert.Equal("<capsule object \"ModuleEdges._C_API\"\n42 5.0\n", output);
    }

    [Fact]
    public async Task Infinite_and_NaN_defaults_keep_the_text_signature_that_inspect_reads()
    {
        string output = await PythonProcess.RunScriptAsync(
            """
            import inspect, math, ModuleEdges
            signature = inspect.signature(ModuleEdges.clamp)
            print(signature)
            defaults = [parameter.default for parameter in signature.parameters.values()][1:]
            print(defaults[0] == -math.inf, defaults[1] == math.inf, math.isnan(defaults[2]))
            print(ModuleEdges.clamp(5.0), ModuleEdges.clamp(5.0, 0.0, 1.0), ModuleEdges.clamp(math.nan))
            """);

        Assert.Equal("(x, low=-inf, high=inf, fill=nan)\nTrue True True\n5.0 1.0 nan\n", output);
    }
}
