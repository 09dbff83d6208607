using CapsuleGen.Python.Native;

namespace CapsuleGen.Python.Modules;

/// <summary>
/// C# modules run in the main interpreter only. The bridge takes the GIL through CPython's
/// <c>PyGILState</c> API, which knows only the main interpreter's thread states: called in a
/// subinterpreter, it would wait for the GIL its own thread holds. So a module is checked, before
/// any such call, to run in the main interpreter, and refuses clearly otherwise.
/// </summary>
internal static class Subinterpreters
{
    private static nint s_main;

    /// <summary>Whether the thread state holding the GIL here belongs to the main interpreter. Call with the GIL held (CPython is calling the module).</summary>
    public static unsafe bool InMainInterpreter(CPythonApi api)
    {
        nint main = s_main != 0 ? s_main : s_main = api.PyInterpreterState_Main(); // the same for the life of the process
        return api.PyInterpreterState_Get() == main;
    }

    /// <summary>Sets the <c>ImportError</c> for a module imported in a subinterpreter; returns null.</summary>
    public static nint RefuseImport(string module)
    {
        PythonCall.SetError(ModuleApi.Instance.ImportError, $"the C# module {module} cannot be imported in a subinterpreter: {Reason}");
        return 0;
    }

    private const string Reason =
        "C# modules run in the main interpreter only (their .NET runtime takes the GIL through the main interpreter's thread states). " +
        "Import and call it from the main interpreter.";
}
