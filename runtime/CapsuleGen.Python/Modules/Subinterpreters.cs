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

    /// <summary>
    /// Whether the thread state holding the GIL here belongs to the main interpreter, whose ID is always 0.
    /// Call with the GIL held (CPython is calling the module). Remembers the main interpreter when it is.
    /// </summary>
    public static unsafe bool InMainInterpreter(CPythonApi api)
    {
        nint current = api.PyInterpreterState_Get();
        if (api.PyInterpreterState_GetID(current) != 0)
        {
            return false;
        }

        Volatile.Write(ref s_main, current); // the same for the life of the process
        return true;
    }

    /// <summary>
    /// The main interpreter, in which the bridge makes thread states: remembered when a module or the bridge
    /// starts, else found by taking the GIL the <c>PyGILState</c> way, which always uses the main interpreter.
    /// </summary>
    public static unsafe nint Main(CPythonApi api)
    {
        nint main = Volatile.Read(ref s_main);
        if (main != 0)
        {
            return main;
        }

        int state = api.PyGILState_Ensure();
        try
        {
            main = api.PyInterpreterState_Get();
        }
        finally
        {
            api.PyGILState_Release(state);
        }

        Volatile.Write(ref s_main, main);
        return main;
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
