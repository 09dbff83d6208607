namespace CapsuleGen.Python.Tests.Modules;

/// <summary>Creates the probe module once per test process, by its entry point, and puts it in <c>sys.modules</c>.</summary>
internal static unsafe class ProbeModuleLoader
{
    private static readonly Lazy<bool> s_loaded = new(Load);

    public static void EnsureLoaded() => _ = s_loaded.Value;

    private static bool Load()
    {
        using PyObject sys = CPython.Import("sys");
        using PyObject modules = sys.GetAttr("modules");
        using (CPython.AcquireGil())
        {
            using PyObject module = PyObject.FromNewReference(ProbeModule.EntryPoint());
            modules.SetItem("Probe", module);
        }

        return true;
    }
}
