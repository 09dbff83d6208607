using System.Runtime.CompilerServices;

namespace CapsuleGen.PythonModules.Tests.Stubs;

/// <summary>
/// The <c>.pyi</c> the build writes beside each published module says what the module Python imports
/// does: every function and method with the parameters <c>inspect.signature</c> reads (names, kinds,
/// defaults), each typed, and every member of the one in the other (<c>compare_stub.py</c>).
/// </summary>
public sealed class StubTests
{
    public static TheoryData<string> Modules => new() { "CppDuck", "Bird", "Tensors", "ModuleEdges", "ArrayProbe", "BridgeLoad", "Filters", "ClassEdges" };

    [Theory]
    [MemberData(nameof(Modules))]
    public async Task The_stub_the_build_writes_matches_inspect_signature_of_the_imported_module(string module)
    {
        string stub = Path.Combine(PythonProcess.ModuleDirectory, module + ".pyi");
        Assert.True(File.Exists(stub), $"publishing {module} wrote no {stub}");

        (int exitCode, string output) = await PythonProcess.RunAsync(null, Script(), module, stub);

        Assert.True(exitCode == 0, output);
        Assert.Contains($"{module}.", output, StringComparison.Ordinal);
    }

    private static string Script([CallerFilePath] string here = "") => Path.Combine(Path.GetDirectoryName(here)!, "compare_stub.py");
}
