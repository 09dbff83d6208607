using System.Collections;

namespace CapsuleGen.Package.Tests.Infrastructure;

/// <summary>
/// The dotnet CLI as a user's shell runs it, with a NuGet cache of its own: the environment of this
/// test process minus what 'dotnet test' sets for its test host (MSBuild's and the test platform's
/// variables), and no long-lived build servers, so nothing outlives a command.
/// </summary>
public sealed class DotNet(string nugetPackages)
{
    private static readonly string[] s_hostVariablePrefixes = ["MSBUILD", "VSTEST", "TESTINGPLATFORM", "DOTNET_HOST_PATH", "NUGET_PACKAGES"];

    /// <summary>The isolated NuGet cache every command of these tests restores into.</summary>
    public string NuGetPackages { get; } = nugetPackages;

    public Dictionary<string, string?> Environment(IReadOnlyDictionary<string, string?>? extra = null)
    {
        var environment = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (DictionaryEntry variable in System.Environment.GetEnvironmentVariables())
        {
            string name = (string)variable.Key;
            if (!s_hostVariablePrefixes.Any(prefix => name.StartsWith(prefix, StringComparison.OrdinalIgnoreCase)))
            {
                environment[name] = (string?)variable.Value;
            }
        }

        environment["NUGET_PACKAGES"] = NuGetPackages;
        environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        environment["DOTNET_NOLOGO"] = "1";
        environment["DOTNET_CLI_USE_MSBUILD_SERVER"] = "0";
        environment["MSBUILDDISABLENODEREUSE"] = "1";
        foreach ((string name, string? value) in extra ?? new Dictionary<string, string?>())
        {
            environment[name] = value;
        }

        return environment;
    }

    /// <summary>
    /// Runs 'dotnet &lt;arguments&gt;'. Build-like commands get the console logger (plain lines, one per
    /// warning), no node reuse and no compiler server: a server left running would hold this
    /// process's output pipe open.
    /// </summary>
    public Task<CommandResult> RunAsync(string workingDirectory, TimeSpan timeout, params string[] arguments) =>
        RunAsync(workingDirectory, timeout, new Dictionary<string, string?>(), arguments);

    /// <summary>Runs 'dotnet &lt;arguments&gt;' with more environment variables.</summary>
    public Task<CommandResult> RunAsync(string workingDirectory, TimeSpan timeout, IReadOnlyDictionary<string, string?> environment, params string[] arguments)
    {
        List<string> all = [.. arguments];
        if (arguments.Length > 0 && arguments[0] is "build" or "publish" or "pack" or "restore" or "msbuild")
        {
            all.AddRange(["-tl:off", "-nodeReuse:false", "-p:UseSharedCompilation=false"]);
        }

        return Command.RunAsync(ChildProcess.DotNetHost, all, workingDirectory, Environment(environment), timeout);
    }
}
