using System.Collections;

namespace CapsuleGen.PythonModules.Tests;

/// <summary>Runs one target of a hand-written project with 'dotnet msbuild', as a shell would: none of the test host's MSBuild variables.</summary>
internal static class MSBuildProbe
{
    public static async Task<(int ExitCode, string Output)> RunAsync(string directory, string project, string target, params string[] properties)
    {
        var environment = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (DictionaryEntry variable in Environment.GetEnvironmentVariables())
        {
            string name = (string)variable.Key;
            if (name.StartsWith("MSBUILD", StringComparison.OrdinalIgnoreCase) || name.StartsWith("VSTEST", StringComparison.OrdinalIgnoreCase) ||
                name.StartsWith("TESTINGPLATFORM", StringComparison.OrdinalIgnoreCase) || name == "DOTNET_HOST_PATH")
            {
                continue;
            }

            environment[name] = (string?)variable.Value;
        }

        environment["DOTNET_CLI_USE_MSBUILD_SERVER"] = "0";
        ChildProcessResult run = (await new ChildProcess(
            ChildProcess.DotNetHost,
            ["msbuild", project, "-t:" + target, "-nologo", "-v:n", "-tl:off", "-nodeReuse:false", .. properties])
        {
            WorkingDirectory = directory,
            Environment = environment,
            InheritEnvironment = false,
            MergeOutput = true,
            Timeout = TimeSpan.FromMinutes(3),
        }.RunAsync()).ThrowIfTimedOut();
        return (run.ExitCode, run.Output);
    }
}
