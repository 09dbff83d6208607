using System.Runtime.InteropServices;

namespace CapsuleGen.Python.Tests.Modules;

/// <summary>
/// Creates the probe module once per test process as CPython's import does for a multi-phase module
/// (PEP 489): its entry point returns the definition, from which a module is made for a spec and then
/// executed. The module is put in <c>sys.modules</c>.
/// </summary>
internal static unsafe class ProbeModuleLoader
{
    private static readonly Lazy<bool> s_loaded = new(Load);

    public static void EnsureLoaded() => _ = s_loaded.Value;

    private static bool Load()
    {
        using PyObject sys = CPython.Import("sys");
        using PyObject modules = sys.GetAttr("modules");
        using PyObject machinery = CPython.Import("importlib.machinery");
        using PyObject spec = machinery.GetAttr("ModuleSpec").Call("Probe", null);
        nint python = NativeLibrary.Load(CPython.LibraryPath!);
        var fromDefAndSpec = (delegate* unmanaged[Cdecl]<nint, nint, int, nint>)NativeLibrary.GetExport(python, "PyModule_FromDefAndSpec2");
        var execDef = (delegate* unmanaged[Cdecl]<nint, nint, int>)NativeLibrary.GetExport(python, "PyModule_ExecDef");
        using (CPython.AcquireGil())
        {
            nint definition = ProbeModule.EntryPoint();
            Assert.NotEqual(0, definition);
            using PyObject module = PyObject.FromNewReference(fromDefAndSpec(definition, spec.Handle, 1013)); // PYTHON_API_VERSION
            Assert.Equal(0, execDef(module.Handle, definition));
            modules.SetItem("Probe", module);
        }

        return true;
    }
}
