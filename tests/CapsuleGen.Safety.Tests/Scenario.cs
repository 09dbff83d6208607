namespace CapsuleGen.Safety.Tests;

/// <summary>Runs a SafetyProbe scenario in its own process and fails on anything but a clean, complete run.</summary>
internal static class Scenario
{
    public static async Task RunAsync(string name, params string[] expectedChecks)
    {
        (int exitCode, string output, string error) = await SampleProcess.RunAsync("SafetyProbe", TimeSpan.FromMinutes(3), name);

        string transcript = $"scenario {name} exited with {Describe(exitCode)}\n--- output\n{output}--- error\n{error}";
        Assert.True(exitCode == 0, transcript);
        Assert.EndsWith("done\n", output, StringComparison.Ordinal);
        string[] passed = output.Split('\n').Where(line => line.StartsWith("ok: ", StringComparison.Ordinal)).ToArray();
        foreach (string check in expectedChecks)
        {
            Assert.True(passed.Any(line => line.Contains(check, StringComparison.Ordinal)), $"no passed check says \"{check}\" in\n{transcript}");
        }
    }

    private static string Describe(int exitCode) => exitCode switch
    {
        SampleProcess.TimedOut => "a hang (killed)",
        134 => "134 (SIGABRT: an abort or a fatal error)",
        139 => "139 (SIGSEGV: a call into freed code or memory)",
        _ => exitCode.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };
}
