using System.IO.Compression;
using System.Text;
using CapsuleGen.Package.Tests.Infrastructure;

namespace CapsuleGen.Package.Tests;

/// <summary>
/// A Python module written in C# by a user who has only the CapsuleGen.Python package (Consumers/Wren):
/// published with NativeAOT, it gets its stub and its wheel from the package's build step, and the wheel
/// installs with pip into a venv of Debian's python3, where an isolated interpreter imports it from
/// site-packages, calls it by keyword, and finds the stub and py.typed beside it.
/// </summary>
public sealed class PythonModulePackageTests(ConsumerWorkspace workspace)
{
    private const string WheelName = "wren-1.2.3-cp310-abi3-linux_x86_64.whl";
    private const string DistInfo = "wren-1.2.3.dist-info/";

    /// <summary>The stub the generator writes for Consumers/Wren/Wren.cs, as the user reads it.</summary>
    private const string Stub = """
        # The module Wren as CapsuleGen generated it from C#.
        import sys as _sys
        from typing import Any as _Any

        if _sys.version_info >= (3, 13):
            from types import CapsuleType as _Capsule
        else:
            _Capsule = _Any

        trill: _Capsule

        def song(note: str = 'tweet', times: int = 2, *, separator: str = ' ') -> str: ...

        def scale(x: float, /, factor: float = 2.0, *, offset: float = 0.0) -> float: ...

        def getTrill() -> _Capsule: ...

        """;

    [Fact]
    public async Task A_module_published_from_the_package_gets_its_stub_and_a_wheel_that_pip_installs_and_python_imports()
    {
        string python = Requires.Interpreter();

        CommandResult publish = (await workspace.DotNet.RunAsync(
            workspace.Projects, TimeSpan.FromMinutes(15),
            "publish", workspace.Project("Wren"), "-c", "Release", "-r", "linux-x64")).ShouldSucceedWithoutWarnings();
        Assert.Contains("Generating native code", publish.Output, StringComparison.Ordinal);

        // The library, and beside it the stub; the wheel in the default PythonWheelDirectory, and nothing else there.
        string published = Path.Combine(workspace.Projects, "Wren", "bin", "Release", "net9.0", "linux-x64", "publish");
        byte[] library = File.ReadAllBytes(Path.Combine(published, "Wren.so"));
        Assert.Equal(new byte[] { 0x7F, (byte)'E', (byte)'L', (byte)'F' }, library[..4]);
        Assert.Equal(Stub, File.ReadAllText(Path.Combine(published, "Wren.pyi"), Encoding.UTF8).ReplaceLineEndings("\n"));
        string wheel = Path.Combine(published, "wheels", WheelName);
        Assert.Equal([wheel], Directory.GetFiles(Path.Combine(published, "wheels")));

        using (ZipArchive zip = ZipFile.OpenRead(wheel))
        {
            Assert.Equal(
                ["Wren/__init__.abi3.so", "Wren/__init__.pyi", "Wren/py.typed", DistInfo + "METADATA", DistInfo + "WHEEL", DistInfo + "RECORD"],
                zip.Entries.Select(entry => entry.FullName));
            Assert.True(library.AsSpan().SequenceEqual(Read(zip, "Wren/__init__.abi3.so")), "The wheel's library is not the published Wren.so.");
            Assert.Equal(Stub, Encoding.UTF8.GetString(Read(zip, "Wren/__init__.pyi")));
            Assert.Empty(Read(zip, "Wren/py.typed"));

            string[] metadata = Encoding.UTF8.GetString(Read(zip, DistInfo + "METADATA")).Split('\n');
            Assert.Equal("Metadata-Version: 2.1", metadata[0]);
            Assert.Contains("Name: Wren", metadata);
            Assert.Contains("Version: 1.2.3", metadata);
            Assert.Contains("Summary: A wren that sings and scales, written in C#.", metadata);
            Assert.Contains("Requires-Python: >=3.10", metadata);
            Assert.Contains("Tag: cp310-abi3-linux_x86_64", Encoding.UTF8.GetString(Read(zip, DistInfo + "WHEEL")).Split('\n'));
        }

        using var scratch = new TemporaryDirectory("capsulegen-wren-");
        string venv = Path.Combine(scratch.Path, "venv");
        string empty = Directory.CreateDirectory(Path.Combine(scratch.Path, "empty")).FullName;
        CommandResult created = await Python(python, scratch.Path, "-m", "venv", venv);
        if (created.ExitCode != 0)
        {
            Requires.Missing($"needs venv and pip for {python} (Debian: apt-get install -y python3-venv python3-pip): {created.Output.Trim()}");
        }

        string venvPython = Path.Combine(venv, "bin", "python");
        Succeeded(await Python(venvPython, scratch.Path, "-m", "pip", "install", "--no-index", "--disable-pip-version-check", wheel));

        // Imported from the venv's site-packages, as the package Wren, by an interpreter that sees neither the cwd nor the environment.
        string site = Succeeded(await Python(venvPython, empty, "-I", "-c", "import sysconfig; print(sysconfig.get_paths()['platlib'])")).Trim();
        Assert.StartsWith(venv + "/", site, StringComparison.Ordinal);
        Assert.Equal(
            ["__init__.abi3.so", "__init__.pyi", "py.typed"],
            Directory.GetFiles(Path.Combine(site, "Wren")).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        Assert.Equal(Stub, File.ReadAllText(Path.Combine(site, "Wren", "__init__.pyi"), Encoding.UTF8));

        const string Script = """
            import Wren
            print(Wren.__file__)
            print(Wren.song(), Wren.song("chip", times=3, separator="-"), Wren.song(separator="+", note="ti"), sep="|")
            print(Wren.scale(1.5), Wren.scale(1.5, factor=4), Wren.scale(2, offset=0.25), Wren.scale(2, 3, offset=1))
            for call in (lambda: Wren.scale(x=1.0), lambda: Wren.song("a", 2, "-")):
                try:
                    call()
                except TypeError as error:
                    print("TypeError:", error)
            print(type(Wren.trill).__name__, Wren.getTrill())
            """;
        string output = Succeeded(await Python(venvPython, empty, "-I", "-c", Script));
        string[] lines = output.Split('\n');
        Assert.Equal(Path.Combine(site, "Wren", "__init__.abi3.so"), lines[0]);
        Assert.Equal("tweet tweet|chip-chip-chip|ti+ti", lines[1]);
        Assert.Equal("3.0 6.0 4.25 7.0", lines[2]);
        Assert.Equal("TypeError: Wren.scale() got some positional-only arguments passed as keyword arguments: 'x'", lines[3]);
        Assert.Equal("TypeError: Wren.song() takes from 0 to 2 positional arguments but 3 were given", lines[4]);
        Assert.Matches("^PyCapsule <capsule object \"trill\" at 0x[0-9a-f]+>$", lines[5]);

        // The installed stub, read with ast, against inspect.signature of the installed module: every member both ways.
        string compared = Succeeded(await Python(venvPython, empty, "-I", CompareStubScript, "Wren", Path.Combine(site, "Wren", "__init__.pyi")));
        Assert.Contains("Wren.scale(x, /, factor=2.0, *, offset=0.0)\n", compared, StringComparison.Ordinal);
        Assert.Contains("Wren.song(note='tweet', times=2, *, separator=' ')\n", compared, StringComparison.Ordinal);
    }

    /// <summary>tests/CapsuleGen.PythonModules.Tests/Stubs/compare_stub.py, copied beside the tests by the project file.</summary>
    private static string CompareStubScript => Path.Combine(AppContext.BaseDirectory, "Scripts", "compare_stub.py");

    private Task<CommandResult> Python(string python, string workingDirectory, params string[] arguments) =>
        Command.RunAsync(python, arguments, workingDirectory, workspace.DotNet.Environment(), TimeSpan.FromMinutes(3));

    private static string Succeeded(CommandResult run)
    {
        Assert.True(run.ExitCode == 0, run.ToString());
        return run.Output;
    }

    private static byte[] Read(ZipArchive zip, string name)
    {
        using Stream stream = zip.GetEntry(name)!.Open();
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
