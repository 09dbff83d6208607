namespace CapsuleGen.Tests.Shared;

/// <summary>Requirements on the python3 executable that tests run as a child process (<see cref="PythonInterpreter"/>).</summary>
internal static partial class Requires
{
    /// <summary>The interpreter, named by path or found on the PATH when it runs; returns it.</summary>
    public static string Interpreter()
    {
        string python = PythonInterpreter.Executable;
        if (Path.IsPathRooted(python) && !File.Exists(python))
        {
            Missing($"needs CPython at {python} (apt-get install -y python3, or point CAPSULEGEN_PYTHON at a python3)");
        }

        return python;
    }

    /// <summary>A module the interpreter imports, from the Debian packages named; returns the interpreter.</summary>
    public static async Task<string> InterpreterModuleAsync(string module, string debianPackages)
    {
        string python = Interpreter();
        ChildProcessResult probe = (await new ChildProcess(python, "-c", $"import {module}") { MergeOutput = true, Timeout = TimeSpan.FromMinutes(1) }.RunAsync())
            .ThrowIfTimedOut();
        if (probe.ExitCode != 0)
        {
            MissingModule(module, debianPackages, python, (probe.Output + probe.Error).Trim());
        }

        return python;
    }

    /// <summary>The directory of the interpreter's <c>Python.h</c>, for C a test compiles against it.</summary>
    public static async Task<string> InterpreterHeadersAsync()
    {
        string python = Interpreter();
        ChildProcessResult result = (await new ChildProcess(python, "-c", "import sysconfig; print(sysconfig.get_paths()['include'])").RunAsync()).ThrowIfTimedOut();
        string include = result.Output.Trim();
        if (!File.Exists(Path.Combine(include, "Python.h")))
        {
            Missing($"needs CPython's headers, which {python} says are in {include} (apt-get install -y libpython3.11-dev)");
        }

        return include;
    }

    /// <summary>A program on the PATH, from the Debian package named; returns its path.</summary>
    public static string Program(string name, string debianPackage)
    {
        string? found = (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(':').Select(directory => Path.Combine(directory, name)).FirstOrDefault(File.Exists);
        if (found is null)
        {
            Missing($"needs {name} on the PATH (apt-get install -y {debianPackage})");
        }

        return found!;
    }
}
