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
    /// <param name="libraryPath">A <c>libpython3.x.so</c> to use instead of searching.</param>
    /// <exception cref="PythonNotFoundException">No library could be loaded; the message lists what was tried.</exception>
    public static void Initialize(string? libraryPath = null) => Start(libraryPath);

    /// <summary>
    /// Holds the GIL until the scope is disposed, on this thread. Scopes nest; hold one around
    /// every direct call into CPython, such as calls through an imported C API table.
    /// </summary>
    public static GilScope AcquireGil()
    {
        CPythonApi api = Api;
        var scope = new GilScope(GilAcquisitions.Acquire(api));
        PyObject.ReleasePending(api);
        return scope;
    }

    /// <summary>Imports a module, as <c>import name</c> does.</summary>
    /// <exception cref="PythonException">The import failed (ModuleNotFoundError, or an error raised while importing).</exception>
    public static PyObject Import(string module)
    {
        ArgumentException.ThrowIfNullOrEmpty(module);
        using GilScope gil = AcquireGil();
        fixed (byte* name = Utf8(module))
        {
            return PyObject.Steal(Api.PyImport_ImportModule(name));
        }
    }

    /// <summary>A fresh namespace for <see cref="Run"/> and <see cref="Eval"/>: a dict with the builtins in it.</summary>
    public static PyObject NewScope()
    {
        using GilScope gil = AcquireGil();
        PyObject scope = PyObject.Steal(Api.PyDict_New());
        fixed (byte* builtins = Utf8("__builtins__"))
        {
            Check(Api.PyDict_SetItemString(scope.Handle, builtins, Api.PyEval_GetBuiltins()));
        }

        return scope;
    }

    /// <summary>Runs statements in <paramref name="scope"/> (a fresh one if not given), and returns the scope.</summary>
    /// <exception cref="PythonException">The code raised.</exception>
    public static PyObject Run(string code, PyObject? scope = null)
    {
        scope ??= NewScope();
        using GilScope gil = AcquireGil();
        fixed (byte* text = Utf8(code))
        {
            PyObject.Steal(Api.PyRun_String(text, CPythonApi.FileInput, scope.Handle, scope.Handle)).Dispose();
        }

        return scope;
    }

    /// <summary>Evaluates an expression in <paramref name="scope"/> (a fresh one if not given).</summary>
    /// <exception cref="PythonException">The expression raised.</exception>
    public static PyObject Eval(string expression, PyObject? scope = null)
    {
        bool ownScope = scope is null;
        scope ??= NewScope();
        try
        {
            using GilScope gil = AcquireGil();
            fixed (byte* text = Utf8(expression))
            {
                return PyObject.Steal(Api.PyRun_String(text, CPythonApi.EvalInput, scope.Handle, scope.Handle));
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

    /// <summary>Takes the pending Python error, if any, as a <see cref="PythonException"/>. Call with the GIL held.</summary>
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
            return new PythonException(TypeName(type), value == 0 ? string.Empty : Text(api.PyObject_Str(value)) ?? ClearAndSay("its str() failed"));
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

    /// <summary>The <c>str()</c> of an object. Call with the GIL held.</summary>
    /// <exception cref="PythonException"><c>str()</c> raised, or gave text with no UTF-8 form (a lone surrogate); the error is Python's.</exception>
    internal static string Str(nint obj) => Text(Api.PyObject_Str(obj)) ?? throw FetchError();

    /// <summary>The <c>repr()</c> of an object. Call with the GIL held.</summary>
    /// <exception cref="PythonException"><c>repr()</c> raised, or gave text with no UTF-8 form; the error is Python's.</exception>
    internal static string Repr(nint obj) => Text(Api.PyObject_Repr(obj)) ?? throw FetchError();

    /// <summary>The <c>repr()</c> of an object for a message, which must not fail: a failure is described instead. Call with the GIL held.</summary>
    internal static string DescribeForMessage(nint obj) => Text(Api.PyObject_Repr(obj)) ?? ClearAndSay("an object whose repr() failed");

    private static string ClearAndSay(string what)
    {
        Api.PyErr_Clear();
        return "<" + what + ">";
    }

    /// <summary>The UTF-8 bytes of <paramref name="text"/> with a terminating NUL, for C strings.</summary>
    internal static byte[] Utf8(string text)
    {
        var bytes = new byte[Encoding.UTF8.GetByteCount(text) + 1];
        Encoding.UTF8.GetBytes(text, bytes);
        return bytes;
    }

    /// <summary>Reads and releases a new reference to a <c>str</c>; null, with Python's error pending, if there is none or it has no UTF-8 form.</summary>
    private static string? Text(nint unicode)
    {
        CPythonApi api = Api;
        if (unicode == 0)
        {
            return null;
        }

        try
        {
            nint length;
            byte* utf8 = api.PyUnicode_AsUTF8AndSize(unicode, &length);
            if (utf8 == null)
            {
                return null;
            }

            return Encoding.UTF8.GetString(utf8, checked((int)length));
        }
        finally
        {
            api.Py_DecRef(unicode);
        }
    }

    private static string TypeName(nint type)
    {
        string? Attribute(string name)
        {
            fixed (byte* attribute = Utf8(name))
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

        string qualifiedName = Attribute("__qualname__") ?? "<unknown>";
        string? module = Attribute("__module__");
        return module is null or "builtins" ? qualifiedName : module + "." + qualifiedName;
    }

    private static CPythonApi Start(string? libraryPath)
    {
        lock (s_startLock)
        {
            if (s_api is not null)
            {
                if (libraryPath is not null && !Attached && !string.Equals(Path.GetFullPath(libraryPath), LibraryPath, StringComparison.Ordinal))
                {
                    throw new InvalidOperationException($"CPython is already running from {LibraryPath}; a process can hold only one interpreter.");
                }

                return s_api;
            }

            // Inside a Python process (or after a host loaded and started libpython globally), use that interpreter.
            nint process = DynamicLibrary.Process();
            if (process != 0 && NativeLibrary.TryGetExport(process, "Py_IsInitialized", out nint isInitialized) &&
                ((delegate* unmanaged[Cdecl]<int>)isInitialized)() != 0)
            {
                Attached = true;
                LibraryPath = "the interpreter already running in this process";
                FoundBy = "attached";
                return s_api = new CPythonApi(process);
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
                fixed (byte* executable = Utf8(candidate.Executable))
                {
                    nint wide = api.Py_DecodeLocale(executable, 0);
                    if (wide != 0)
                    {
                        api.Py_SetProgramName(wide); // CPython keeps the pointer: it is never freed
                    }
                }
            }

            api.Py_InitializeEx(0);
            api.PyEval_SaveThread(); // let every thread take the GIL through PyGILState_Ensure
        }

        LibraryPath = Path.GetFullPath(candidate.LibraryPath);
        FoundBy = candidate.Source;
        return api;
    }
}
