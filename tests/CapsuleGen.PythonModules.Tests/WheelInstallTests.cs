using System.Reflection;

namespace CapsuleGen.PythonModules.Tests;

/// <summary>
/// The sample modules' wheels (artifacts/wheels/, written when the build publishes them) installed as a user
/// installs them: into a fresh venv of each interpreter, with pip and no index, imported from site-packages
/// by an isolated interpreter (-I) in an empty directory, the seeds' session replayed there, and uninstalled.
/// Debian's python3 (python3-venv, python3-pip) and pyenv's 3.10 to 3.13; one missing is a skip with its
/// reason, and a failure under CI=true.
/// </summary>
public sealed class WheelInstallTests
{
    private static readonly string s_wheels = typeof(WheelInstallTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
        .Single(attribute => attribute.Key == "PythonWheels").Value!;

    [Theory]
    [InlineData("debian")]
    [InlineData("3.10")]
    [InlineData("3.11")]
    [InlineData("3.12")]
    [InlineData("3.13")]
    public async Task The_wheels_install_with_pip_into_a_venv_run_the_seeds_session_and_uninstall_cleanly(string interpreter)
    {
        string python = await InterpreterAsync(interpreter);
        using var directory = new TemporaryDirectory("capsulegen-venv-");
        string venv = Path.Combine(directory.Path, "venv");
        string elsewhere = Directory.CreateDirectory(Path.Combine(directory.Path, "elsewhere")).FullName;
        ChildProcessResult created = await RunAsync(python, null, "-m", "venv", venv);
        if (created.ExitCode != 0)
        {
            Requires.Missing($"needs venv and pip for {python} (Debian: apt-get install -y python3-venv python3-pip): {created.Output.Trim()}");
        }

        string venvPython = Path.Combine(venv, "bin", "python");
        await SucceedAsync(venvPython, null, "-m", "pip", "install", "--no-index", "--disable-pip-version-check", Wheel("cppduck"), Wheel("bird"));

        // Installed as a package each: the library as its __init__, with the stub and the typed marker (PEP 561).
        string site = (await SucceedAsync(venvPython, elsewhere, "-I", "-c", "import sysconfig; print(sysconfig.get_paths()['platlib'])")).Trim();
        Assert.StartsWith(venv + "/", site);
        foreach (string module in new[] { "CppDuck", "Bird" })
        {
            Assert.Equal(
                ["__init__.abi3.so", "__init__.pyi", "py.typed"],
                Directory.GetFiles(Path.Combine(site, module)).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        }

        string files = await SucceedAsync(venvPython, elsewhere, "-I", "-c", "import CppDuck, Bird; print(CppDuck.__file__); print(Bird.__file__)");
        Assert.Equal($"{site}/CppDuck/__init__.abi3.so\n{site}/Bird/__init__.abi3.so\n", files);

        (string Input, string[] Output)[] session = [.. SeedSessionTests.CSharpModulesSession, .. SeedSessionTests.SessionEnd];
        ChildProcessResult replayed = await RunWithInputAsync(venvPython, elsewhere, SeedSessionTests.SessionInput(session), "-I", "-q", "-i", "-u");
        SeedSessionTests.AssertSession(session, replayed.ExitCode, replayed.Output);

        // The sample type, from site-packages: constructor, properties, methods, and a capsule another module binds
        // (-u: C# writes its quack straight to the stream, so Python's prints must not wait in a buffer).
        Assert.Equal(
            "Duck('Donald', volume=3)\nQuack! Quack!\n5 Donald\nC# Quack\nTypeError\n",
            await SucceedAsync(venvPython, elsewhere, "-I", "-u", "-c", """
                import CppDuck, Bird
                duck = CppDuck.Duck('Donald', volume=3)
                print(repr(duck)); print(duck.quack(times=2))
                duck.volume = 5; print(duck.volume, duck.name)
                Bird.setQuack(duck.quacker()); Bird.callQuack()
                try:
                    class Drake(CppDuck.Duck): pass
                except TypeError:
                    print('TypeError')
                """));

        // Tensors takes arrays through the buffer protocol, in the stable ABI from 3.11: its wheel says so, and pip keeps to it.
        int minor = int.Parse(await SucceedAsync(venvPython, elsewhere, "-I", "-c", "import sys; print(sys.version_info.minor)"), System.Globalization.CultureInfo.InvariantCulture);
        ChildProcessResult tensors = await RunAsync(venvPython, null, "-m", "pip", "install", "--no-index", "--disable-pip-version-check", Wheel("tensors"));
        if (minor < 11)
        {
            Assert.NotEqual(0, tensors.ExitCode);
            Assert.Contains("is not a supported wheel on this platform", tensors.Output);
        }
        else
        {
            Assert.True(tensors.ExitCode == 0, tensors.Output);
            Assert.Equal("6.5\n", await SucceedAsync(venvPython, elsewhere, "-I", "-c", "import array, Tensors; print(Tensors.total(array.array('d', [1.0, 2.0, 3.5])))"));
        }

        string[] installed = minor < 11 ? ["CppDuck", "Bird"] : ["CppDuck", "Bird", "Tensors"];
        await SucceedAsync(venvPython, null, ["-m", "pip", "uninstall", "-y", "--disable-pip-version-check", .. installed]);
        Assert.DoesNotContain(
            Directory.GetFileSystemEntries(site).Select(Path.GetFileName),
            name => installed.Any(module => name!.StartsWith(module, StringComparison.OrdinalIgnoreCase)));
        ChildProcessResult gone = await RunAsync(venvPython, elsewhere, "-I", "-c", "import CppDuck");
        Assert.Contains("ModuleNotFoundError: No module named 'CppDuck'", gone.Output);
    }

    /// <summary>The one wheel of the distribution in artifacts/wheels/.</summary>
    internal static string Wheel(string distribution)
    {
        string[] wheels = Directory.Exists(s_wheels) ? Directory.GetFiles(s_wheels, distribution + "-*.whl") : [];
        Assert.True(wheels.Length == 1, $"expected one {distribution} wheel in {s_wheels} (the build publishes the samples; remove stale ones), found: {string.Join(", ", wheels)}");
        return wheels[0];
    }

    /// <summary>Debian's python3, or pyenv's newest CPython of the version.</summary>
    private static async Task<string> InterpreterAsync(string interpreter)
    {
        if (interpreter == "debian")
        {
            if (!File.Exists("/usr/bin/python3"))
            {
                Requires.Missing("needs Debian's python3 (apt-get install -y python3 python3-venv python3-pip)");
            }

            return "/usr/bin/python3";
        }

        string? root = null;
        try
        {
            ChildProcessResult pyenv = (await new ChildProcess("pyenv", "root") { Timeout = TimeSpan.FromMinutes(1) }.RunAsync()).ThrowIfTimedOut();
            root = pyenv.ExitCode == 0 ? pyenv.Output.Trim() : null;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            // No pyenv on the PATH.
        }

        string? python = root is null || !Directory.Exists(Path.Combine(root, "versions")) ? null :
            Directory.GetDirectories(Path.Combine(root, "versions"), interpreter + ".*")
                .Select(version => Path.Combine(version, "bin", "python" + interpreter))
                .Where(File.Exists)
                .OrderByDescending(path => Version.Parse(Path.GetFileName(Path.GetDirectoryName(Path.GetDirectoryName(path)))!))
                .FirstOrDefault();
        if (python is null)
        {
            Requires.Missing($"needs CPython {interpreter} from pyenv ('pyenv install {interpreter}'; pyenv root: {root ?? "no pyenv"})");
        }

        return python!;
    }

    internal static Task<ChildProcessResult> RunAsync(string program, string? workingDirectory, params string[] arguments) =>
        RunWithInputAsync(program, workingDirectory, null, arguments);

    private static async Task<ChildProcessResult> RunWithInputAsync(string program, string? workingDirectory, string? input, params string[] arguments) =>
        (await new ChildProcess(program, arguments)
        {
            WorkingDirectory = workingDirectory,
            Input = input,
            MergeOutput = true,
            Timeout = TimeSpan.FromMinutes(3),
        }.RunAsync()).ThrowIfTimedOut();

    internal static async Task<string> SucceedAsync(string program, string? workingDirectory, params string[] arguments)
    {
        ChildProcessResult run = await RunAsync(program, workingDirectory, arguments);
        Assert.True(run.ExitCode == 0, $"'{run.CommandLine}' exited with {run.ExitCode}:{Environment.NewLine}{run.Output}");
        return run.Output;
    }
}
