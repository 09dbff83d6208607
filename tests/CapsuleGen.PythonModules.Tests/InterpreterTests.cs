using System.Text.RegularExpressions;

namespace CapsuleGen.PythonModules.Tests;

/// <summary>
/// C# modules in the corners of CPython's process model: subinterpreters (refused clearly), forks
/// while .NET threads use the bridge (every child gets through), and the references .NET holds for
/// bindings Python rebinds (one per capsule, given back as the module runs, not only when the process ends).
/// </summary>
public sealed class InterpreterTests
{
    private const string SubinterpreterReason =
        "C# modules run in the main interpreter only (their .NET runtime takes the GIL through the main interpreter's thread states). " +
        "Import and call it from the main interpreter.";

    [Fact]
    public async Task A_subinterpreter_gets_ImportError_importing_a_CSharp_module_even_one_the_main_interpreter_has()
    {
        string output = await PythonProcess.RunScriptAsync(
            """
            import _xxsubinterpreters as subinterpreters
            interpreter = subinterpreters.create()
            def run(code):
                try:
                    subinterpreters.run_string(interpreter, code)
                    print('ran')
                except subinterpreters.RunFailedError as error:
                    print(error)
            run('import Bird')
            import CppDuck
            run('import CppDuck; CppDuck.getQuack()')
            print(CppDuck.getQuack())
            """);

        Assert.Matches(
            "^" + Regex.Escape(
                $"<class 'ImportError'>: the C# module Bird cannot be imported in a subinterpreter: {SubinterpreterReason}\n" +
                $"<class 'ImportError'>: the C# module CppDuck cannot be imported in a subinterpreter: {SubinterpreterReason}\n" +
                "<capsule object \"quacker\" at ") + "0x[0-9a-f]+>\n$",
            output);
    }

    [Fact]
    public async Task Children_forked_while_dotnet_threads_use_the_bridge_all_exit()
    {
        string output = await PythonProcess.RunScriptAsync(
            "import BridgeLoad\nBridgeLoad.start()\n" + ForkingScript.Forking(200) +
            "BridgeLoad.stop()\ntime.sleep(0.2)\nprint('hung:', hung)\n");

        Assert.Equal("hung: 0\n", output);
    }

    [Fact]
    public async Task Rebinding_the_same_capsule_from_Python_many_times_holds_one_reference_to_it()
    {
        string output = await PythonProcess.RunScriptAsync(
            """
            import sys, Bird, CppDuck
            quack = CppDuck.getQuack()
            before = sys.getrefcount(quack)
            for _ in range(30_000):
                Bird.setQuack(quack)
            Bird.callQuack()
            print('held:', sys.getrefcount(quack) - before)
            """);

        Assert.Equal("C# Quack\nheld: 1\n", output);
    }

    [Fact]
    public async Task Binding_and_dropping_many_capsules_from_Python_leaves_at_most_one_collections_worth_alive()
    {
        // The module's runtime collects after every 4,096 capsules from Python (while few are still
        // referenced), so once the releases those collections started are through, at most the ones
        // made since the last collection are alive: not the 30,000 bound and dropped.
        string output = await PythonProcess.RunScriptAsync(
            """
            import ctypes, time, Bird
            Destructor = ctypes.CFUNCTYPE(None, ctypes.c_void_p)
            api = ctypes.pythonapi
            api.PyCapsule_New.restype = ctypes.py_object
            api.PyCapsule_New.argtypes = [ctypes.c_void_p, ctypes.c_char_p, Destructor]
            name = ctypes.create_string_buffer(b'quacker')
            destroyed = 0
            @Destructor
            def count_destroyed(_):
                global destroyed
                destroyed += 1
            for _ in range(30_000):
                Bird.setQuack(api.PyCapsule_New(0x1234, name, count_destroyed))
            Bird.resetQuack()
            deadline = time.monotonic() + 30
            while 30_000 - destroyed > 4_096 and time.monotonic() < deadline:
                time.sleep(0.05)
                Bird.resetQuack() # each module call releases what was given up since the last
            print('alive at most 4,096:', 30_000 - destroyed <= 4_096, 'of 30,000')
            """);

        Assert.Equal("alive at most 4,096: True of 30,000\n", output);
    }

    [Fact]
    public async Task A_capsule_whose_name_is_not_UTF8_reaches_the_binding_and_is_refused_with_its_bytes()
    {
        string output = await PythonProcess.RunScriptAsync(
            """
            import ctypes, Bird
            api = ctypes.pythonapi
            api.PyCapsule_New.restype = ctypes.py_object
            api.PyCapsule_New.argtypes = [ctypes.c_void_p, ctypes.c_char_p, ctypes.c_void_p]
            name = ctypes.create_string_buffer(b'\xffquacker')
            try:
                Bird.setQuack(api.PyCapsule_New(0x1234, name, None))
            except ValueError as error:
                print(error)
            """);

        Assert.Equal("Expected a capsule named \"quacker\", but this capsule is named b'\\xffquacker' (not UTF-8).\n", output);
    }
}
