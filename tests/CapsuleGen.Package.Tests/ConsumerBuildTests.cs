using System.Security.Cryptography;
using System.Text.Json;
using CapsuleGen.Package.Tests.Infrastructure;

namespace CapsuleGen.Package.Tests;

/// <summary>Fresh projects that reference the packages by PackageReference only, built and run as a user would.</summary>
public sealed class ConsumerBuildTests(ConsumerWorkspace workspace)
{
    private static readonly TimeSpan s_buildTime = TimeSpan.FromMinutes(5);

    private const string DocsBase = "https://github.com/capsulegen/capsulegen/blob/main/docs/";

    [Fact]
    public async Task A_library_exporting_a_capsule_and_one_importing_it_build_without_warnings_and_the_app_runs()
    {
        (await Build("App")).ShouldSucceedWithoutWarnings();

        string output = Path.Combine(workspace.Projects, "App", "bin", "Release", "net10.0");
        CommandResult run = await workspace.DotNet.RunAsync(output, TimeSpan.FromMinutes(1), "exec", Path.Combine(output, "App.dll"));

        Transcript.ShouldBe(Transcript.App, run);
        // Nothing of the compiler's side reaches the app: no generator, no code fixes, no Roslyn.
        Assert.Equal(["App.dll", "Bird.dll", "CapsuleGen.dll", "Duck.dll"], Directory.EnumerateFiles(output, "*.dll").Select(Path.GetFileName).Order(StringComparer.Ordinal));
        Assert.DoesNotContain("CodeAnalysis", File.ReadAllText(Path.Combine(output, "App.deps.json")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_library_exporting_capsules_gets_a_C_header_and_Cython_declarations_that_compile()
    {
        (await Build("Duck")).ShouldSucceedWithoutWarnings();

        // The package's build step wrote them beside the compiled assembly.
        string directory = Path.Combine(workspace.Projects, "Duck", "obj", "Release", "net8.0", "capsulegen");
        string header = File.ReadAllText(Path.Combine(directory, "Duck_capsules.h"));
        Assert.Contains("#define Duck_Scale_CAPSULE_NAME \"pond.scale\"", header, StringComparison.Ordinal);
        Assert.Contains("typedef double (*Duck_Scale_fn)(double, int);", header, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(directory, "Duck_capsules.pxd")));

        File.WriteAllText(Path.Combine(directory, "use.c"), "#include \"Duck_capsules.h\"\nstatic double scale(double value, int times) { return value * times; }\nDuck_Scale_fn pick(void);\nDuck_Scale_fn pick(void) { return scale; }\n");
        CommandResult compiled = await Command.RunAsync("cc", ["-std=c99", "-Wall", "-Wextra", "-Werror", "-c", "use.c", "-o", "use.o"], directory,
            new Dictionary<string, string?> { ["PATH"] = Environment.GetEnvironmentVariable("PATH") }, TimeSpan.FromMinutes(1));
        Assert.True(compiled.ExitCode == 0, compiled.ToString());
    }

    [Fact]
    public async Task The_consumers_restored_exactly_the_packages_just_built_into_their_own_cache()
    {
        (await workspace.DotNet.RunAsync(workspace.Projects, s_buildTime, "restore", workspace.Project("App"))).ShouldSucceedWithoutWarnings();
        (await workspace.DotNet.RunAsync(workspace.Projects, s_buildTime, "restore", workspace.Project("PyApp"))).ShouldSucceedWithoutWarnings();

        foreach (string id in new[] { "CapsuleGen", "CapsuleGen.Python" })
        {
            string version = Repository.PackageVersion;
            string restored = Path.Combine(workspace.DotNet.NuGetPackages, id.ToLowerInvariant(), version, $"{id.ToLowerInvariant()}.{version}.nupkg.sha512");
            Assert.True(File.Exists(restored), $"{id} {version} was not restored into the tests' own cache ({restored}).");
            string built = Convert.ToBase64String(SHA512.HashData(File.ReadAllBytes(workspace.Packages.Package(id, "nupkg"))));
            Assert.Equal(built, File.ReadAllText(restored).Trim());
        }
    }

    [Fact]
    public async Task The_code_fixes_are_an_analyzer_beside_the_generator_and_never_a_compile_reference()
    {
        CommandResult result = await workspace.DotNet.RunAsync(
            workspace.Projects, s_buildTime,
            "msbuild", workspace.Project("Duck"), "-restore", "-t:ResolveReferences", "-getItem:Analyzer", "-getItem:ReferencePath");
        Assert.True(result.ExitCode == 0, result.ToString());

        using JsonDocument json = JsonDocument.Parse(result.Output[result.Output.IndexOf('{', StringComparison.Ordinal)..]);
        JsonElement items = json.RootElement.GetProperty("Items");
        string[] analyzers = Paths(items.GetProperty("Analyzer"));
        string[] references = Paths(items.GetProperty("ReferencePath"));

        string package = Path.Combine(workspace.DotNet.NuGetPackages, "capsulegen", Repository.PackageVersion);
        Assert.Contains(Path.Combine(package, "analyzers", "dotnet", "cs", "CapsuleGen.Generator.dll"), analyzers);
        Assert.Contains(Path.Combine(package, "analyzers", "dotnet", "cs", "CapsuleGen.CodeFixes.dll"), analyzers);
        Assert.Contains(Path.Combine(package, "lib", "net8.0", "CapsuleGen.dll"), references);
        Assert.DoesNotContain(references, path => path.Contains("CapsuleGen.CodeFixes", StringComparison.Ordinal) || path.Contains("CapsuleGen.Generator", StringComparison.Ordinal));
        Assert.DoesNotContain(references, path => Path.GetFileName(path).StartsWith("Microsoft.CodeAnalysis", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_deliberate_mistake_gives_its_CAPS_error_with_the_help_link()
    {
        CommandResult build = (await Build("Broken")).ShouldFail();

        string error = Assert.Single(build.Errors);
        Assert.Contains("Broken.cs(9,17): error CAPS0001:", error, StringComparison.Ordinal);
        Assert.Contains($"({DocsBase}diagnostics.md#caps0001)", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_project_that_gets_CapsuleGen_only_through_another_project_gets_its_generator_too()
    {
        // Heron references Bird, which references the package; the .NET SDK passes the package's analyzers
        // and buildTransitive files on, so Heron's [ImportCapsule] interface gets its Binding.
        (await Build("Heron")).ShouldSucceedWithoutWarnings();
    }

    [Fact]
    public async Task A_project_that_sets_AllowUnsafeBlocks_to_false_keeps_it_and_is_told_what_needs_it()
    {
        CommandResult build = (await Build("Duck", "-p:AllowUnsafeBlocks=false")).ShouldFail();

        Assert.Contains(build.Errors, error => error.Contains("Duck.cs(8,6): error CAPS0017:", StringComparison.Ordinal) && error.Contains("<AllowUnsafeBlocks>true</AllowUnsafeBlocks>", StringComparison.Ordinal));
        Assert.DoesNotContain("CS0227", build.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_project_whose_build_leaves_the_generator_out_is_told_why_its_generated_members_are_missing()
    {
        CommandResult build = (await Build("NoGenerator")).ShouldFail();

        string warning = Assert.Single(build.Warnings);
        Assert.Contains("Heron.cs : warning CAPS1002:", warning, StringComparison.Ordinal);
        Assert.Contains("source generator is not among the analyzers of NoGenerator", warning, StringComparison.Ordinal);
        Assert.Contains($"({DocsBase}packages.md#caps1002)", warning, StringComparison.Ordinal);
        // What the compiler then says on its own: the generated Binding is missing.
        Assert.Contains(build.Errors, error => error.Contains("Heron.cs(13,", StringComparison.Ordinal) && error.Contains("'Binding'", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_compiler_older_than_Roslyn_4_5_gets_CAPS1001_instead_of_a_generator_that_cannot_load()
    {
        // The compiler's API version as the SDK reports it to packages; older compilers cannot be installed here.
        CommandResult build = (await Build("Duck", "-p:CompilerApiVersion=roslyn4.4")).ShouldFail();

        string warning = Assert.Single(build.Warnings);
        Assert.Contains("warning CAPS1001:", warning, StringComparison.Ordinal);
        Assert.Contains("Roslyn 4.5 or later", warning, StringComparison.Ordinal);
        Assert.Contains("this build's compiler is Roslyn 4.4", warning, StringComparison.Ordinal);
        Assert.Contains($"({DocsBase}packages.md#caps1001)", warning, StringComparison.Ordinal);
        // The generator was taken out, so the generated members are missing, and nothing tried to load it.
        Assert.Contains(build.Errors, error => error.Contains("error CS0103", StringComparison.Ordinal) && error.Contains("QuackCapsule", StringComparison.Ordinal));
        Assert.DoesNotContain("CS8032", build.Output, StringComparison.Ordinal);
    }

    /// <summary>
    /// Builds a consumer from scratch: each test changes a property or the analyzers, which an
    /// incremental build would not see, and the tests share the projects.
    /// </summary>
    private Task<CommandResult> Build(string project, params string[] arguments) =>
        workspace.DotNet.RunAsync(workspace.Projects, s_buildTime, ["build", workspace.Project(project), "-c", "Release", "--no-incremental", .. arguments]);

    private static string[] Paths(JsonElement items) => items.EnumerateArray().Select(item => item.GetProperty("FullPath").GetString()!).ToArray();
}
