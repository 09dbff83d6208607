using System.Runtime.InteropServices;
using System.Text;
using CapsuleGen.Python.Native;

namespace CapsuleGen.Python;

/// <summary>
/// The CPython interpreter this process uses: found, loaded with <c>RTLD_GLOBAL</c> and started on
/// first use, or, when CapsuleGen already runs inside a Python process, that interpreter. This is
/// only as much of CPython as capsules need, not a general Python binding: import a module, get
/// and set attributes, call with positional arguments, convert <c>int</c>, <c>float</c>,
/// <c>str</c>, <c>bool</c> and <c>None</c>, and run a snippet. Every call holds the GIL itself, so
/// any thread may use it.
/// </summary>
public static unsafe class CPython
{
    private static readonly object s_startLock = new();
    private static CPythonApi? s_api;

    /// <summary>The library in use, or <c>null</c> before start. When attached to a running interpreter, says so.</summary>
    public static string? LibraryPath { get; private set; }

    /// <summary>How the library was found (an explicit path, an environment variable, an interpreter, a usual place).</summary>
    public static string? FoundBy { get; private set; }

    /// <summary>Whether CapsuleGen attached to an interpreter that was already running in this process rather than starting one.</summary>
    public static bool Attached { get; private set; }

    internal static CPythonApi Api => s_api ?? Start(null);

    /// <summary>
    /// Finds, loads and starts CPython, or attaches to the interpreter already running in this
    /// process. Does nothing if it already ran. Called implicitly by every other member.
    /// </summary>
    /// <param name="libraryPath">A <c>libpython3.x.so</c> to use instead of searching: that library or none.</param>
    /// <exception cref="PythonNotFoundException">No library could be loaded (the one given, if one was); the message lists what was tried and why each failed.</exception>
    /// <exception cref="InvalidOperationException">A path was given, but another interpreter already runs in this process.</exception>
    public static void Initialize(string? libraryPath = null) => Start(libraryPath);

    /// <summary>
    /// Holds the GIL until the scope is disposed, on this thread. Scopes nest; hold one around
    /// every direct call into CPython, such as calls through an imported C API table.
    /// </summary>
    /// <exception cref="InvalidOperationException">
    /// The GIL can never be had: a thread ended without disposing a scope it took (and so holds the GIL
    /// forever), or, in a Python process, the interpreter is shutting down and this is a .NET thread.
    /// </exception>
    public static GilScope AcquireGil()
    {
        CPythonApi api = Api;
        var scope = new GilScope(GilAcquisitions.Acquire(api));
        try
        {
            InterpreterHooks.EnsureInstalled();
            if (!DeferredReleases.IsEmpty)
            {
                DeferredReleases.Drain(api);
            }
        }
        catch
        {
            scope.Dispose();
            throw;
        }

        return scope;
    }

    /// <summary>
    /// Releases now the Python references .NET has dropped but still holds: collects garbage (so that
    /// bindings rebound or unbound give back the capsules from Python they held), waits for those
    /// capsules' destructors, and releases every reference given up without the GIL. Without it they
    /// go at the runtime's next garbage collection and GIL acquisition; a C extension waiting for its
    /// capsule's destructor, or a test counting references, can call this. Safe with the GIL held: it
    /// lets go of it while it waits, so a finalizer that disposes a <see cref="PyObject"/> can finish.
    /// </summary>
    public static void ReleaseDropped()
    {
        // A finalizer may dispose a PyObject, which waits for the GIL: a caller holding it lets go
        // while it waits for finalizers and destructors, as CPython's own blocking calls do.
        CPythonApi api = Api;
        nint released = DeferredReleases.HoldsGil(api) ? api.PyEval_SaveThread() : 0;
        try
        {
            // Two rounds: a binding's lease gives its reference back at its second finalization, once
            // every finalizer that could still call through the binding has run.
            for (int round = 0; round < 2; round++)
            {
                GC.Collect();
                GC.WaitForPendingFinalizers();
            }

            ForeignCapsules.WaitForDestructorsUnderway();
        }
        finally
        {
            if (released != 0)
            {
                api.PyEval_RestoreThread(released);
            }
        }

        using GilScope gil = AcquireGil(); // which releases what is queued
    }

    /// <summary>Imports a module, as <c>import name</c> does.</summary>
    /// <exception cref="ArgumentException">The name holds a NUL character or a lone surrogate.</exception>
    /// <exception cref="PythonException">The import failed (ModuleNotFoundError, or an error raised while importing).</exception>
    public static PyObject Import(string module)
    {
        ArgumentException.ThrowIfNullOrEmpty(module);
        _ = PythonText.CString(module, "A module name", nameof(module)); // CPython's frozen importer would read "os\0x" as os
        using PyObject name = PyObject.From(module);
        using GilScope gil = AcquireGil();
        using PyObject.HeldReference held = name.Hold();
        return PyObject.Steal(Api.PyImport_Import(held.Handle));
    }

    /// <summary>A fresh namespace for <see cref="Run"/> and <see cref="Eval"/>: a dict with the builtins in it.</summary>
    public static PyObject NewScope()
    {
        using GilScope gil = AcquireGil();
        PyObject scope = PyObject.Steal(Api.PyDict_New());
        fixed (byte* builtins = "__builtins__\0"u8)
        {
            Check(Api.PyDict_SetItemString(scope.Handle, builtins, Api.PyEval_GetBuiltins()));
        }

        return scope;
    }

    /// <summary>Runs statements in <paramref name="scope"/> (a fresh one if not given), and returns the scope.</summary>
    /// <exception cref="ArgumentException">The code holds a NUL character or a lone surrogate, which CPython could not read as given.</exception>
    /// <exception cref="PythonException">The code raised.</exception>
    public static PyObject Run(string code, PyObject? scope = null)
    {
        ArgumentNullException.ThrowIfNull(code);
        byte[] text = PythonText.CString(code, "Python code", nameof(code));
        scope ??= NewScope();
        using GilScope gil = AcquireGil();
        using PyObject.HeldReference held = scope.Hold();
        fixed (byte* source = text)
        {
            PyObject.Steal(RunString(source, CPythonApi.FileInput, held.Handle)).Dispose();
        }

        return scope;
    }

    /// <summary>Evaluates an expression in <paramref name="scope"/> (a fresh one if not given).</summary>
    /// <exception cref="ArgumentException">The expression holds a NUL character or a lone surrogate, which CPython could not read as given.</exception>
    /// <exception cref="PythonException">The expression raised.</exception>
    public static PyObject Eval(string expression, PyObject? scope = null)
    {
        ArgumentNullException.ThrowIfNull(expression);
        byte[] text = PythonText.CString(expression, "A Python expression", nameof(expression));
        bool ownScope = scope is null;
        scope ??= NewScope();
        try
        {
            using GilScope gil = AcquireGil();
            using PyObject.HeldReference held = scope.Hold();
            fixed (byte* source = text)
            {
                return PyObject.Steal(RunString(source, CPythonApi.EvalInput, held.Handle));
            }
        }
        finally
        {
            if (ownScope)
            {
                scope.Dispose();
            }
        }
    }

    /// <summary>
    /// Takes the pending Python error, if any, as a <see cref="PythonException"/> that keeps the exception
    /// object, its traceback attached. Call with the GIL held.
    /// </summary>
    internal static PythonException FetchError()
    {
        CPythonApi api = Api;
        nint type, value, traceback;
        api.PyErr_Fetch(&type, &value, &traceback);
        if (type == 0)
        {
            return new PythonException("SystemError", "a CPython call failed without setting an error");
        }

        api.PyErr_NormalizeException(&type, &value, &traceback);
        try
        {
            if (value == 0)
            {
                return new PythonException(TypeName(type), string.Empty);
            }

            if (traceback != 0)
            {
                _ = api.PyException_SetTraceback(value, traceback); // fails only for a traceback that is not one
            }

            PyObject original = PyObject.Steal(value);
            value = 0;
            return new PythonException(TypeName(type), Text(api.PyObject_Str(original.Handle)) ?? ClearAndSay("its str() failed"), original);
        }
        finally
        {
            api.Py_DecRef(type);
            if (value != 0)
            {
                api.Py_DecRef(value);
            }

            if (traceback != 0)
            {
                api.Py_DecRef(traceback);
            }
        }
    }

    /// <summary>Throws the pending Python error if a call returned the failure value -1.</summary>
    internal static void Check(int status)
    {
        if (status == -1)
        {
            throw FetchError();
        }
    }

    /// <summary>The <c>str()</c> of an object, exactly. Call with the GIL held.</summary>
    /// <exception cref="PythonException"><c>str()</c> raised; the error is Python's.</exception>
    internal static string Str(nint obj) => Text(Api.PyObject_Str(obj)) ?? throw FetchError();

    /// <summary>The <c>repr()</c> of an object. Call with the GIL held.</summary>
    /// <exception cref="PythonException"><c>repr()</c> raised; the error is Python's.</exception>
    internal static string Repr(nint obj) => Text(Api.PyObject_Repr(obj)) ?? throw FetchError();

    /// <summary>The <c>repr()</c> of an object for a message, which must not fail: a failure is described instead. Call with the GIL held.</summary>
    internal static string DescribeForMessage(nint obj) => Text(Api.PyObject_Repr(obj)) ?? ClearAndSay("an object whose repr() failed");

    private static string ClearAndSay(string what)
    {
        Api.PyErr_Clear();
        return "<" + what + ">";
    }

    /// <summary>Reads and releases a new reference to a <c>str</c>, exactly; null, with Python's error pending, if there is none or it has no .NET form.</summary>
    private static string? Text(nint unicode)
    {
        if (unicode == 0)
        {
            return null;
        }

        try
        {
            return PythonText.FromPython(Api, unicode);
        }
        finally
        {
            Api.Py_DecRef(unicode);
        }
    }

    private static string TypeName(nint type)
    {
        string? Attribute(ReadOnlySpan<byte> name)
        {
            fixed (byte* attribute = name)
            {
                nint value = Api.PyObject_GetAttrString(type, attribute);
                if (value == 0)
                {
                    Api.PyErr_Clear();
                    return null;
                }

                try
                {
                    string? text = Text(Api.PyObject_Str(value));
                    if (text is null)
                    {
                        Api.PyErr_Clear();
                    }

                    return text;
                }
                finally
                {
                    Api.Py_DecRef(value);
                }
            }
        }

        string qualifiedName = Attribute("__qualname__\0"u8) ?? "<unknown>";
        string? module = Attribute("__module__\0"u8);
        return module is null or "builtins" ? qualifiedName : module + "." + qualifiedName;
    }

    /// <summary>Compiles <paramref name="source"/> as <c>&lt;string&gt;</c> and runs it in <paramref name="scope"/>: a new reference, or null with the error set.</summary>
    private static nint RunString(byte* source, int start, nint scope)
    {
        CPythonApi api = Api;
        nint code;
        fixed (byte* fileName = "<string>\0"u8)
        {
            code = api.Py_CompileString(source, fileName, start);
        }

        if (code == 0)
        {
            return 0;
        }

        nint result = api.PyEval_EvalCode(code, scope, scope);
        api.Py_DecRef(code);
        return result;
    }

    /// <summary>
    /// The API of the interpreter initialized in this process, attaching to it if the bridge has not
    /// used it yet; null when none is, or it has finalized. Never loads or starts one, so a caller that
    /// only needs Python when the program already uses it (a callback setting an error) may call it.
    /// </summary>
    internal static CPythonApi? Running()
    {
        CPythonApi? api = s_api ?? (RunsInProcess(out _) ? Start(null, attachOnly: true) : null);
        return api is not null && api.Py_IsInitialized() != 0 ? api : null;
    }

    /// <summary>Whether the process's global namespace holds a CPython that is initialized (<c>Py_IsInitialized</c> may be called at any time).</summary>
    private static bool RunsInProcess(out nint process)
    {
        process = DynamicLibrary.Process();
        return process != 0 && PythonSymbols.Optional(process, "Py_IsInitialized") is not 0 and nint isInitialized &&
            ((delegate* unmanaged[Cdecl]<int>)isInitialized)() != 0;
    }

    private static CPythonApi Start(string? libraryPath) => Start(libraryPath, attachOnly: false)!;

    /// <param name="libraryPath">The library to load, or null to search.</param>
    /// <param name="attachOnly">Only attach to an interpreter running in the process: return null rather than load one.</param>
    private static CPythonApi? Start(string? libraryPath, bool attachOnly)
    {
        lock (s_startLock)
        {
            if (s_api is not null)
            {
                if (libraryPath is not null && (Attached || !string.Equals(Path.GetFullPath(libraryPath), LibraryPath, StringComparison.Ordinal)))
                {
                    throw new InvalidOperationException($"CPython is already running in this process ({LibraryPath}), so {libraryPath} cannot be used: a process can hold only one interpreter.");
                }

                return s_api;
            }

            // Inside a Python process (or after a host loaded and started libpython globally), use that interpreter.
            if (RunsInProcess(out nint process))
            {
                if (libraryPath is not null)
                {
                    throw new InvalidOperationException($"CPython is already running in this process, so the bridge uses that interpreter and cannot load {libraryPath}.");
                }

                Attached = true;
                LibraryPath = "the interpreter already running in this process";
                FoundBy = "attached";
                return s_api = new CPythonApi(process);
            }

            if (attachOnly)
            {
                return null; // it finalized since the caller looked
            }

            var tried = new List<string>();
            foreach (PythonCandidate candidate in PythonLocator.Candidates(libraryPath, tried))
            {
                if (TryStart(candidate, tried) is { } api)
                {
                    return s_api = api;
                }
            }

            throw new PythonNotFoundException(tried);
        }
    }

    private static CPythonApi? TryStart(PythonCandidate candidate, List<string> tried)
    {
        string where = $"{candidate.LibraryPath} (from {candidate.Source})";
        if (!File.Exists(candidate.LibraryPath))
        {
            tried.Add($"{where}: no such file");
            return null;
        }

        nint handle = DynamicLibrary.LoadGlobal(candidate.LibraryPath, out string? loadError);
        if (handle == 0)
        {
            tried.Add($"{where}: {loadError}");
            return null;
        }

        CPythonApi api;
        try
        {
            api = new CPythonApi(handle);
        }
        catch (EntryPointNotFoundException error)
        {
            tried.Add($"{where}: not a CPython library ({error.Message})");
            return null;
        }

        if (api.Py_IsInitialized() == 0)
        {
            if (candidate.Executable is not null)
            {
                // Start as that interpreter would, so sys.prefix and sys.path (and its packages) are the same.
                fixed (byte* executable = PythonText.CString(candidate.Executable, "An interpreter's path", nameof(candidate)))
                {
                    nint wide = api.Py_DecodeLocale(executable, 0);
                    if (wide != 0)
                    {
                        api.Py_SetProgramName(wide); // CPython keeps the pointer: it is never freed
                    }
                }
            }

            api.Py_InitializeEx(0);
            Modules.Subinterpreters.InMainInterpreter(api); // remembers the main interpreter, for thread states made later
            GilAcquisitions.MarkStartingThread(); // its thread state is CPython's main one, but .NET code drives it
            api.PyEval_SaveThread(); // let every thread take the GIL
        }

        LibraryPath = Path.GetFullPath(candidate.LibraryPath);
        FoundBy = candidate.Source;
        return api;
    }
}
