using System.Reflection;

namespace CapsuleGen.PythonModules.Tests;

/// <summary>
/// C and Cython consuming C# capsules through the header and .pxd the build writes: NativeDuck's C
/// imports CppDuck's quack typed by CppDuck's header, and a Cython module compiled here by Debian's
/// cython3 cimports NativeConsumers' declarations and calls every function of its table.
/// </summary>
public sealed class NativeConsumerTests
{
    private static readonly string s_headers = typeof(NativeConsumerTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
        .Single(attribute => attribute.Key == "NativeHeaders").Value!;

    [Fact]
    public async Task NativeDuckCallsCppDuckThroughItsGeneratedHeader()
    {
        string output = await PythonProcess.RunScriptAsync("import NativeDuck; NativeDuck.callCppDuck(); NativeDuck.callImported('CppDuck.quacker')");

        Assert.Equal("C# Quack\nC# Quack\n", output);
    }

    [Fact]
    public async Task ACythonModuleCallsACSharpTableThroughTheGeneratedDeclarations()
    {
        string cython = Requires.Program("cython3", "cython3");
        string include = await Requires.InterpreterHeadersAsync();
        using var directory = new TemporaryDirectory("capsulegen-cython-");
        File.WriteAllText(Path.Combine(directory.Path, "use_api.pyx"), """
            # cython: language_level=3
            cimport NativeConsumers_capsules as consumers

            def run():
                cdef consumers.NativeConsumers_Api *api = consumers.NativeConsumers_Api_import()
                cdef consumers.NativeConsumers_Length_fn length = consumers.NativeConsumers_Length_import()
                cdef double values[3]
                values[:] = [1.0, 2.5, -4.0]
                api.Scale(values, 3, 2.0)
                cdef consumers.Point a, b, middle
                a.X, a.Y, b.X, b.Y = 1.0, 2.0, 3.0, 6.0
                middle = api.Middle(a, b)
                cdef consumers.Point origin
                origin.X, origin.Y = 0.0, 0.0
                return (
                    api.Add(1.25, 2.5),
                    [values[0], values[1], values[2]],
                    (middle.X, middle.Y),
                    api.IsOrigin(&origin), api.IsOrigin(&a),
                    api.Widen(-8, -300, 4000000000, 0x20AC),
                    length(<unsigned char *>b"capsule"),
                    api.reserved2 == NULL,
                )

            def root(double x):
                cdef consumers.NativeConsumers_Root_fn function = consumers.NativeConsumers_Root_import()
                return function(x)

            def versioned():
                cdef consumers.NativeConsumers_Versioned *table = consumers.NativeConsumers_Versioned_import()
                return table.Magic, table.Size, table.Version, table.Hypot(3.0, 4.0), table.Twice(21)

            def open_versioned(capsule):
                consumers.NativeConsumers_Versioned_from_capsule(capsule)

            def open_wrong(capsule):
                consumers.NativeConsumers_Api_from_capsule(capsule)
            """);
        await SucceedAsync(new ChildProcess(cython, "-3", "-I", s_headers, "use_api.pyx", "-o", "use_api.c") { WorkingDirectory = directory.Path, MergeOutput = true });
        await SucceedAsync(new ChildProcess("cc", "-shared", "-fPIC", "-Wall", "-Werror", "-Wno-unused-function", "-I" + include, "-I" + s_headers, "use_api.c", "-o", "use_api.so")
            { WorkingDirectory = directory.Path, MergeOutput = true });

        string output = await PythonProcess.RunScriptAsync($$"""
            import sys
            sys.path.insert(0, {{PythonText(directory.Path)}})
            import NativeConsumers, CppDuck, use_api
            print(use_api.run())
            print(use_api.root(2.25))
            print(use_api.versioned())

            # The same table made by hand in C memory, under the same name, with one field changed each time.
            import ctypes
            class Versioned(ctypes.Structure):
                _fields_ = [('Magic', ctypes.c_char_p), ('Size', ctypes.c_int), ('Version', ctypes.c_int), ('Hypot', ctypes.c_void_p), ('Twice', ctypes.c_void_p)]
            new_capsule = ctypes.pythonapi.PyCapsule_New
            new_capsule.restype, new_capsule.argtypes = ctypes.py_object, [ctypes.c_void_p, ctypes.c_char_p, ctypes.c_void_p]
            def forged(**changes):
                fields = dict(Magic=b'NativeConsumers C API', Size=32, Version=3, Hypot=1, Twice=1)
                fields.update(changes)
                forged.kept = Versioned(**fields)
                return new_capsule(ctypes.addressof(forged.kept), b'NativeConsumers.Versioned', None)
            actions = [lambda: use_api.open_versioned(forged())]
            actions += [lambda changes=changes: use_api.open_versioned(forged(**changes)) for changes in (dict(Magic=b'another API'), dict(Size=24), dict(Version=4), dict(Twice=None))]
            actions += [lambda: use_api.root(-1.0), lambda: use_api.open_wrong(CppDuck.quacker)]
            for action in actions:
                try:
                    print(action())
                except Exception as error:
                    print(f'{type(error).__name__}: {error}')
            """);

        Assert.Equal(
            "(3.75, [2.0, 5.0, -8.0], (2.0, 4.0), True, False, 4000008056, 7, True)\n" +
            "1.5\n" +
            "(b'NativeConsumers C API', 32, 3, 5.0, 42)\n" +
            "None\n" +
            "ImportError: NativeConsumers_Versioned_from_capsule: the capsule's Magic is not the string this header expects\n" +
            "ImportError: NativeConsumers_Versioned_from_capsule: the capsule's Size says its table is smaller than this header's NativeConsumers_Versioned (an older table)\n" +
            "ImportError: NativeConsumers_Versioned_from_capsule: the capsule's Version is not the 3 this header expects\n" +
            "ImportError: NativeConsumers_Versioned_from_capsule: the capsule's table has no function in its field Twice\n" +
            "ValueError: A real square root needs a number of at least 0. (Parameter 'x')\nActual value was -1.\n" +
            "ValueError: PyCapsule_GetPointer called with incorrect name\n",
            output);
    }

    private static async Task SucceedAsync(ChildProcess command)
    {
        ChildProcessResult result = (await command.RunAsync()).ThrowIfTimedOut();
        Assert.True(result.ExitCode == 0, $"{result.CommandLine} failed:\n{result.Output}");
    }

    private static string PythonText(string text) => "'" + text.Replace("\\", "\\\\").Replace("'", "\\'") + "'";
}
