using CapsuleGen.Package.Tests.Infrastructure;

namespace CapsuleGen.Package.Tests;

/// <summary>The consumer app published trimmed and ahead of time, without a trim or AOT warning, and run.</summary>
public sealed class PublishTests(ConsumerWorkspace workspace)
{
    [Fact]
    public async Task Published_trimmed_for_net10_it_has_no_trim_warning_and_prints_the_same()
    {
        string output = Path.Combine(workspace.Output, "trimmed");

        CommandResult publish = await workspace.DotNet.RunAsync(
            workspace.Projects, TimeSpan.FromMinutes(10),
            "publish", workspace.Project("App"), "-c", "Release", "-p:PublishTrimmed=true", "-o", output);

        publish.ShouldSucceedWithoutWarnings();
        Assert.Contains("Optimizing assemblies for size", publish.Output, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(output, "System.Private.CoreLib.dll")), "A trimmed app is self-contained.");
        Transcript.ShouldBe(Transcript.App, await Run(output));
    }

    [Fact]
    public async Task Published_with_NativeAOT_for_net9_it_has_no_AOT_warning_and_the_native_binary_prints_the_same()
    {
        string output = Path.Combine(workspace.Output, "aot");

        CommandResult publish = await workspace.DotNet.RunAsync(
            workspace.Projects, TimeSpan.FromMinutes(15),
            "publish", workspace.Project("AotApp"), "-c", "Release", "-r", "linux-x64", "-p:PublishAot=true", "-o", output);

        publish.ShouldSucceedWithoutWarnings();
        Assert.Contains("Generating native code", publish.Output, StringComparison.Ordinal);
        byte[] header = File.ReadAllBytes(Path.Combine(output, "AotApp"))[..4];
        Assert.Equal(new byte[] { 0x7F, (byte)'E', (byte)'L', (byte)'F' }, header);
        Assert.Empty(Directory.EnumerateFiles(output, "*.dll"));
        Transcript.ShouldBe(Transcript.App, await Run(output, "AotApp"));
    }

    private Task<CommandResult> Run(string output, string executable = "App") =>
        Command.RunAsync(Path.Combine(output, executable), [], output, workspace.DotNet.Environment(), TimeSpan.FromMinutes(1));
}
