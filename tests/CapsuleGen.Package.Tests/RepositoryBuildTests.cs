using CapsuleGen.Package.Tests.Infrastructure;

namespace CapsuleGen.Package.Tests;

/// <summary>
/// The repository's own projects reference the generator and the code fixes as analyzer projects.
/// Publish settings given on the command line reach those projects too; they must not break them.
/// </summary>
public sealed class RepositoryBuildTests(ConsumerWorkspace workspace)
{
    [Theory]
    [InlineData("generator/CapsuleGen.Generator/CapsuleGen.Generator.csproj", "-p:PublishAot=true")]
    [InlineData("generator/CapsuleGen.Generator/CapsuleGen.Generator.csproj", "-p:PublishTrimmed=true")]
    [InlineData("generator/CapsuleGen.CodeFixes/CapsuleGen.CodeFixes.csproj", "-p:PublishAot=true")]
    [InlineData("generator/CapsuleGen.CodeFixes/CapsuleGen.CodeFixes.csproj", "-p:PublishTrimmed=true")]
    public async Task An_analyzer_project_restores_under_a_publish_property_meant_for_the_app(string project, string property)
    {
        // As 'dotnet publish -p:PublishAot=true' of a sample restores it (NETSDK1207 before the fix);
        // restored into a directory of the test's own, so the repository's obj/ is left as it is.
        string restoreOutput = Path.Combine(workspace.Output, "repository-restore", Guid.NewGuid().ToString("N"));

        CommandResult restore = await workspace.DotNet.RunAsync(
            Repository.Root, TimeSpan.FromMinutes(5),
            "restore", Path.Combine(Repository.Root, project), property, "-p:RuntimeIdentifier=linux-x64", $"-p:MSBuildProjectExtensionsPath={restoreOutput}/");

        restore.ShouldSucceedWithoutWarnings();
        Assert.True(File.Exists(Path.Combine(restoreOutput, "project.assets.json")), restore.ToString());
    }
}
