using System.Text.RegularExpressions;

namespace CapsuleGen.PythonModules.Tests;

/// <summary>
/// C# modules in the corners of CPython's process model: subinterpreters (refused clearly), forks
/// while .NET threads use the bridge (every child gets through), and the references .NET holds for
/// bindings Python rebinds (given back as the module runs, not only when the process ends).
/// </summary>
public sealed class InterpreterTests
{
    private const string SubinterpreterReason =
        "C# modules run in the main interpreter only (their .NET runtime takes the GIL through the main interpreter's thread states). " +
        "Import and call it from the main interpreter.";

    [Fact]
    public async Task A_subinterpreter_gets_ImportError_importing_a_CSharp_module_and_RuntimeError_calling_one()
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
                $"<class 'RuntimeError'>: CppDuck.getQuack() cannot run in a subinterpreter: {SubinterpreterReason}\n" +
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
    public async Task Rebinding_a_capsule_from_Python_many_times_holds_a_bounded_number_of_references_to_it()
    {
        string output = await PythonProcess.RunScriptAsync(
            """
            import sys, time, Bird, CppDuck
            quack = CppDuck.getQuack()
            before = sys.getrefcount(quack)
            for _ in range(30_000):
                Bird.setQuack(quack)
            time.sleep(1)
            Bird.callQuack()
            print('bounded:', sys.getrefcount(quack) - before < 6_000)
            """);

        Assert.Equal("C# Quack\nbounded: True\n", output);
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
