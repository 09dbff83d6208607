using System.ComponentModel;
using System.Runtime.InteropServices;

namespace CapsuleGen.Python.Modules;

/// <summary>How CPython calls a module function.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public enum PythonMethodKind
{
    /// <summary><c>METH_NOARGS</c>: <c>PyObject *f(PyObject *module, PyObject *unused)</c>.</summary>
    NoArguments = 0x0004,

    /// <summary><c>METH_FASTCALL</c>: <c>PyObject *f(PyObject *module, PyObject *const *args, Py_ssize_t nargs)</c>.</summary>
    FastCall = 0x0080,

    /// <summary>
    /// <c>METH_FASTCALL | METH_KEYWORDS</c>: <c>PyObject *f(PyObject *module, PyObject *const *args, Py_ssize_t nargs, PyObject *kwnames)</c>,
    /// the keyword arguments' values after the positional ones and their names in the tuple <c>kwnames</c>.
    /// </summary>
    FastCallWithKeywords = 0x0080 | 0x0002,

    /// <summary><c>METH_NOARGS | METH_STATIC</c>: a static method of a type; the first argument is the type, and unused.</summary>
    StaticNoArguments = 0x0004 | 0x0020,

    /// <summary><c>METH_FASTCALL | METH_KEYWORDS | METH_STATIC</c>: a static method of a type that takes arguments.</summary>
    StaticFastCallWithKeywords = 0x0080 | 0x0002 | 0x0020,
}

/// <summary>One function of a module: its Python name, its wrapper's address, how it is called and its docstring.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public readonly record struct PythonMethod(string Name, nint Function, PythonMethodKind Kind, string? Doc);

/// <summary>A capsule the module offers as an attribute (a handle of its own, which <see cref="ExtensionModule.Create(string, string?, PythonMethod[], PythonModuleCapsule[], PythonType[])"/> disposes), and the attribute's name.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public readonly record struct PythonModuleCapsule(string AttributeName, Capsule Capsule);

/// <summary>
/// Creates an extension module from what the generator wrote for a <see cref="PythonModuleAttribute"/>
/// class: called by its <c>PyInit_&lt;name&gt;</c>, in the Python process that imports it, with the GIL held.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static unsafe class ExtensionModule
{
    private static readonly Dictionary<string, nint> s_definitions = new(StringComparer.Ordinal);

    /// <summary>The capsules each definition's next module gets, from the <c>PyInit</c> call that returned it until its exec slot runs.</summary>
    private static readonly Dictionary<nint, (string Name, PythonModuleCapsule[] Capsules)> s_pending = new();

    /// <summary>The types each definition's modules offer, set by its first <c>PyInit</c> call; the same every time.</summary>
    private static readonly Dictionary<nint, PythonType[]> s_types = new();

    /// <summary>
    /// Attaches the bridge to the running interpreter, refuses a subinterpreter (see
    /// <see cref="Subinterpreters"/>), and returns the module's definition for multi-phase
    /// initialization (PEP 489): CPython creates the module from it, adds the functions and runs
    /// <see cref="Execute"/>, which sets the capsules. A subinterpreter that imports the module calls
    /// <c>PyInit</c> again and is refused here, so no function of the module ever exists outside the
    /// main interpreter and a call needs no check of its own (single-phase modules are copied into
    /// subinterpreters without <c>PyInit</c>). Returns null with <c>ImportError</c> set on failure. Never throws.
    /// </summary>
    public static nint Create(string name, string? doc, PythonMethod[] methods, PythonModuleCapsule[] capsules) =>
        Create(name, doc, methods, capsules, Array.Empty<PythonType>());

    /// <summary>
    /// <see cref="Create(string, string?, PythonMethod[], PythonModuleCapsule[])"/> for a module that also offers
    /// types (<see cref="PythonClassAttribute"/>): its exec slot adds each one, made once per process, to every
    /// module object made from the definition.
    /// </summary>
    public static nint Create(string name, string? doc, PythonMethod[] methods, PythonModuleCapsule[] capsules, PythonType[] types)
    {
        try
        {
            CPython.Initialize(); // attaches: CPython is calling PyInit, so it runs in this process
            if (!Subinterpreters.InMainInterpreter(CPython.Api))
            {
                return Subinterpreters.RefuseImport(name); // before anything takes the GIL the main interpreter's way
            }

            ModuleApi api = ModuleApi.Instance;
            CallPath.Initialize(CPython.Api, Native.DynamicLibrary.Process());
            nint definition = Definition(name, doc, methods);
            lock (s_definitions)
            {
                if (s_pending.Remove(definition, out var unused))
                {
                    Dispose(unused.Capsules); // a PyInit whose module was never made
                }

                s_pending[definition] = (name, capsules);
                s_types[definition] = types;
            }

            return api.PyModuleDef_Init(definition);
        }
        catch (Exception exception)
        {
            Dispose(capsules);
            return Fail(name, exception);
        }
    }

    /// <summary>
    /// The exec slot: sets each capsule as an attribute whose <c>PyCapsule</c> is named
    /// <c>&lt;module&gt;.&lt;attribute&gt;</c>, as <c>PyCapsule_Import</c> requires (with the package's
    /// name in front when the module is inside one). Returns 0, or -1 with an exception set.
    /// </summary>
    [UnmanagedCallersOnly(CallConvs = new[] { typeof(System.Runtime.CompilerServices.CallConvCdecl) })]
    private static int Execute(nint module)
    {
        string name = "?";
        try
        {
            nint definition = ModuleApi.Instance.PyModule_GetDef(module);
            PythonModuleCapsule[] capsules;
            PythonType[]? types;
            lock (s_definitions)
            {
                s_types.TryGetValue(definition, out types);
                // Made again from a definition whose capsules were set (CPython does not do this): the types still go in.
                (name, capsules) = s_pending.Remove(definition, out var pending) ? pending : (name, Array.Empty<PythonModuleCapsule>());
            }

            try
            {
                // CPython has already given the module its full name (pkg.CppDuck inside a package).
                using PyObject created = PyObject.FromBorrowedReference(module);
                using PyObject fullName = created.GetAttr("__name__");
                string prefix = fullName.ToString() + ".";
                foreach (PythonModuleCapsule capsule in capsules)
                {
                    // The exporter's capsule lives for the process; Python's renamed copy holds the pointer as long as Python does.
                    string qualified = prefix + capsule.AttributeName;
                    Capsule source = capsule.Capsule;
                    using var renamed = new Capsule(source.GetPointer(source.Name), qualified, source.Context, destructor: null, source.Signature);
                    using PyObject pythonCapsule = PyCapsules.ToPython(renamed);
                    created.SetAttr(capsule.AttributeName, pythonCapsule);
                }
            }
            finally
            {
                Dispose(capsules);
            }

            // One type object per process: every module object, the one a re-import makes too, offers the same type,
            // so an instance made through any of them passes every function's type check.
            foreach (PythonType type in types ?? Array.Empty<PythonType>())
            {
                if (!type.AddTo(module))
                {
                    return -1;
                }
            }

            return 0;
        }
        catch (Exception exception)
        {
            Fail(name, exception);
            return -1;
        }
    }

    private static void Dispose(PythonModuleCapsule[] capsules)
    {
        foreach (PythonModuleCapsule capsule in capsules)
        {
            capsule.Capsule.Dispose();
        }
    }

    /// <summary>
    /// Sets <c>ImportError</c> for a module that could not be created, and returns null. The message names
    /// the exception, or for a static constructor that threw, the exception it threw. Never throws.
    /// </summary>
    public static nint Fail(string name, Exception exception)
    {
        string message;
        try
        {
            string cause = exception is TypeInitializationException { InnerException: { } thrown } initialization
                ? $"{(initialization.TypeName is { Length: > 0 } type ? "the static constructor of " + type : "its class's static constructor")} threw {thrown.GetType().FullName}: {thrown.Message}"
                : $"{exception.GetType().FullName}: {exception.Message}";
            message = $"the C# module {name} could not be initialized: {cause}";
        }
        catch
        {
            message = $"the C# module {name} could not be initialized";
        }

        try
        {
            CPython.Api.PyErr_Clear();
            PythonCall.SetError(ModuleApi.Instance.ImportError, message);
        }
        catch
        {
            // The bridge's own view of CPython could not be had (an interpreter that lacks a function it
            // needs, as before 3.9): set the error with the two symbols every CPython has.
            SetImportErrorDirectly(message);
        }

        return 0;
    }

    /// <summary>Sets <c>ImportError</c> through the process's own <c>PyErr_SetString</c>. Never throws.</summary>
    private static void SetImportErrorDirectly(string message)
    {
        try
        {
            nint process = Native.DynamicLibrary.Process();
            nint setString = Native.PythonSymbols.Optional(process, "PyErr_SetString");
            nint importError = Native.PythonSymbols.Optional(process, "PyExc_ImportError");
            if (setString != 0 && importError != 0)
            {
                fixed (byte* text = System.Text.Encoding.UTF8.GetBytes(message.Replace('\0', ' ') + "\0"))
                {
                    ((delegate* unmanaged[Cdecl]<nint, byte*, void>)setString)(*(nint*)importError, text);
                }
            }
        }
        catch
        {
            // Python raises SystemError for the null result.
        }
    }

    /// <summary>The module's <c>PyModuleDef</c>, built once and kept for the life of the process, as CPython requires.</summary>
    private static nint Definition(string name, string? doc, PythonMethod[] methods)
    {
        lock (s_definitions)
        {
            if (s_definitions.TryGetValue(name, out nint existing))
            {
                return existing;
            }

            var table = (MethodDef*)NativeMemory.AllocZeroed((nuint)(methods.Length + 1), (nuint)sizeof(MethodDef)); // ends with a zeroed sentinel
            for (int i = 0; i < methods.Length; i++)
            {
                table[i].Name = NativeText.Allocate(methods[i].Name);
                table[i].Function = methods[i].Function;
                table[i].Flags = (int)methods[i].Kind;
                table[i].Doc = NativeText.Allocate(methods[i].Doc);
            }

            var definition = (ModuleDef*)NativeMemory.AllocZeroed((nuint)sizeof(ModuleDef));
            definition->RefCount = 1; // PyModuleDef_HEAD_INIT
            definition->Name = NativeText.Allocate(name);
            definition->Doc = NativeText.Allocate(doc);
            definition->Size = 0; // no per-module state: the module's state is this runtime's statics
            definition->Methods = (nint)table;
            var slots = (ModuleDefSlot*)NativeMemory.AllocZeroed(2, (nuint)sizeof(ModuleDefSlot)); // ends with a zeroed sentinel
            slots[0].Slot = ModuleDefSlot.Exec;
            slots[0].Value = (nint)(delegate* unmanaged[Cdecl]<nint, int>)&Execute;
            definition->Slots = (nint)slots;
            s_definitions[name] = (nint)definition;
            return (nint)definition;
        }
    }
}
