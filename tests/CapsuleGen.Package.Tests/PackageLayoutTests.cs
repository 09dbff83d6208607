using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using CapsuleGen.Package.Tests.Infrastructure;

namespace CapsuleGen.Package.Tests;

/// <summary>The packages unzipped: where each file is, what the nuspec says, and that they hold this checkout's build.</summary>
public sealed class PackageLayoutTests(ConsumerWorkspace workspace)
{
    private static string Version => Repository.PackageVersion;

    [Fact]
    public void The_solution_packs_into_the_two_packages_and_their_symbols_and_nothing_else()
    {
        workspace.Packages.Pack?.ShouldSucceedWithoutWarnings();

        string[] files = Directory.EnumerateFiles(workspace.Packages.Directory).Select(Path.GetFileName).Order(StringComparer.Ordinal).ToArray()!;

        Assert.Equal(
            [$"CapsuleGen.{Version}.nupkg", $"CapsuleGen.{Version}.snupkg", $"CapsuleGen.Python.{Version}.nupkg", $"CapsuleGen.Python.{Version}.snupkg"],
            files);
    }

    [Fact]
    public void CapsuleGen_holds_the_runtime_in_lib_and_the_generator_and_code_fixes_in_analyzers()
    {
        using var package = new PackageFile(workspace.Packages.CapsuleGen);

        Assert.Equal(
            [
                "CapsuleGen.nuspec",
                "PACKAGE.md",
                "analyzers/dotnet/cs/CapsuleGen.CodeFixes.dll",
                "analyzers/dotnet/cs/CapsuleGen.Generator.dll",
                "buildTransitive/CapsuleGen.NativeHeaders.targets",
                "buildTransitive/CapsuleGen.Tasks.cs",
                "buildTransitive/CapsuleGen.props",
                "buildTransitive/CapsuleGen.targets",
                "lib/net8.0/CapsuleGen.dll",
                "lib/net8.0/CapsuleGen.xml",
            ],
            package.Files);
    }

    [Fact]
    public void CapsuleGen_depends_on_no_package()
    {
        using var package = new PackageFile(workspace.Packages.CapsuleGen);

        XElement group = Assert.Single(Children(package.MetaElement("dependencies")!, "group"));
        Assert.Equal("net8.0", group.Attribute("targetFramework")?.Value);
        Assert.Empty(group.Elements());
    }

    [Fact]
    public void CapsuleGen_Python_holds_the_bridge_and_brings_CapsuleGen_whole_with_its_generator()
    {
        using var package = new PackageFile(workspace.Packages.CapsuleGenPython);

        Assert.Equal(
            [
                "CapsuleGen.Python.nuspec", "PACKAGE.md",
                "buildTransitive/CapsuleGen.Python.Tasks.cs", "buildTransitive/CapsuleGen.Python.targets",
                "lib/net8.0/CapsuleGen.Python.dll", "lib/net8.0/CapsuleGen.Python.xml",
            ],
            package.Files);
        XElement group = Assert.Single(Children(package.MetaElement("dependencies")!, "group"));
        Assert.Equal("net8.0", group.Attribute("targetFramework")?.Value);
        XElement dependency = Assert.Single(group.Elements());
        Assert.Equal("CapsuleGen", dependency.Attribute("id")?.Value);
        Assert.Equal(Version, dependency.Attribute("version")?.Value);
        // No exclude="Build,Analyzers" (NuGet's default for a dependency): the generator and the build logic flow to the user.
        Assert.Null(dependency.Attribute("exclude"));
        Assert.Equal("All", dependency.Attribute("include")?.Value);
    }

    [Theory]
    [InlineData("CapsuleGen")]
    [InlineData("CapsuleGen.Python")]
    public void Each_package_carries_its_metadata_and_the_release_notes_of_its_version(string id)
    {
        using var package = new PackageFile(workspace.Packages.Package(id, "nupkg"));

        Assert.Equal(id, package.Meta("id"));
        Assert.Equal(Version, package.Meta("version"));
        Assert.Equal("CapsuleGen contributors", package.Meta("authors"));
        XElement license = package.MetaElement("license")!;
        Assert.Equal("expression", license.Attribute("type")?.Value);
        Assert.Equal("MIT", license.Value);
        Assert.Equal("https://github.com/capsulegen/capsulegen", package.Meta("projectUrl"));
        XElement repository = package.MetaElement("repository")!;
        Assert.Equal("git", repository.Attribute("type")?.Value);
        Assert.Equal("https://github.com/capsulegen/capsulegen", repository.Attribute("url")?.Value);
        Assert.Matches("^[0-9a-f]{40}$", repository.Attribute("commit")?.Value ?? "");
        Assert.Contains("capsule", package.Meta("tags")!.Split(' '));
        Assert.True(package.Meta("description")!.Length > 80, "The description says what the package is.");

        Assert.Equal("PACKAGE.md", package.Meta("readme"));
        string readme = System.Text.Encoding.UTF8.GetString(package.Read("PACKAGE.md"));
        Assert.StartsWith($"# {id}\n", readme, StringComparison.Ordinal);
        Assert.Contains($"dotnet add package {id}", readme, StringComparison.Ordinal);

        Assert.Equal(ChangelogSection(Version), package.Meta("releaseNotes"));
    }

    [Theory]
    [InlineData("CapsuleGen")]
    [InlineData("CapsuleGen.Python")]
    public void Each_symbols_package_holds_the_pdb_of_its_assembly(string id)
    {
        using var symbols = new PackageFile(workspace.Packages.Package(id, "snupkg"));

        Assert.Equal([$"{id}.nuspec", $"lib/net8.0/{id}.pdb"], symbols.Files);
    }

    [Fact]
    public void The_packed_assemblies_are_this_checkouts_build_byte_for_byte()
    {
        using var capsuleGen = new PackageFile(workspace.Packages.CapsuleGen);
        using var python = new PackageFile(workspace.Packages.CapsuleGenPython);

        SameBytes(capsuleGen, "lib/net8.0/CapsuleGen.dll", Repository.BuildOutput("runtime/CapsuleGen", "net8.0", "CapsuleGen.dll"));
        SameBytes(capsuleGen, "analyzers/dotnet/cs/CapsuleGen.Generator.dll", Repository.BuildOutput("generator/CapsuleGen.Generator", "netstandard2.0", "CapsuleGen.Generator.dll"));
        SameBytes(capsuleGen, "analyzers/dotnet/cs/CapsuleGen.CodeFixes.dll", Repository.BuildOutput("generator/CapsuleGen.CodeFixes", "netstandard2.0", "CapsuleGen.CodeFixes.dll"));
        SameBytes(python, "lib/net8.0/CapsuleGen.Python.dll", Repository.BuildOutput("runtime/CapsuleGen.Python", "net8.0", "CapsuleGen.Python.dll"));
    }

    [Fact]
    public void The_generator_needs_nothing_beyond_Roslyn_4_5_and_only_the_code_fixes_need_Workspaces()
    {
        using var package = new PackageFile(workspace.Packages.CapsuleGen);

        Dictionary<string, Version> generator = References(package.Read("analyzers/dotnet/cs/CapsuleGen.Generator.dll"));
        Dictionary<string, Version> codeFixes = References(package.Read("analyzers/dotnet/cs/CapsuleGen.CodeFixes.dll"));

        var roslyn45 = new Version(4, 5, 0, 0);
        Assert.Equal(roslyn45, generator["Microsoft.CodeAnalysis"]);
        Assert.Equal(roslyn45, generator["Microsoft.CodeAnalysis.CSharp"]);
        Assert.DoesNotContain(generator.Keys, name => name.Contains("Workspaces", StringComparison.Ordinal));
        Assert.Equal(roslyn45, codeFixes["Microsoft.CodeAnalysis.Workspaces"]);
        
        // The code fixes hold no analyzer or generator, so the command-line compiler never has to load Workspaces for them.
        Assert.DoesNotContain("DiagnosticAnalyzerAttribute", TypeReferences(package.Read("analyzers/dotnet/cs/CapsuleGen.CodeFixes.dll")));
        Assert.DoesNotContain("GeneratorAttribute", TypeReferences(package.Read("analyzers/dotnet/cs/CapsuleGen.CodeFixes.dll")));
    }

    private static IEnumerable<XElement> Children(XElement parent, string name) => parent.Elements().Where(element => element.Name.LocalName == name);

    private static void SameBytes(PackageFile package, string file, string built)
    {
        Assert.True(File.Exists(built), $"{built} is missing: the packages must come from this checkout's {Repository.Configuration} build.");
        Assert.True(
            package.Read(file).AsSpan().SequenceEqual(File.ReadAllBytes(built)),
            $"{file} in the package differs from {built}: the package is not from this build (a stale CAPSULEGEN_PACKAGES?).");
    }

    private static string ChangelogSection(string version)
    {
        string changelog = File.ReadAllText(Path.Combine(Repository.Root, "CHANGELOG.md")).ReplaceLineEndings("\n");
        Match section = Regex.Match(changelog, $@"(?ms)^## {Regex.Escape(version)}[ \t]*\n(.*?)(?=^## |\z)");
        Assert.True(section.Success, $"CHANGELOG.md has no section for {version}.");
        return section.Groups[1].Value.Trim();
    }

    private static Dictionary<string, Version> References(byte[] assembly)
    {
        using var reader = new PEReader(new MemoryStream(assembly));
        MetadataReader metadata = reader.GetMetadataReader();
        return metadata.AssemblyReferences
            .Select(metadata.GetAssemblyReference)
            .ToDictionary(reference => metadata.GetString(reference.Name), reference => reference.Version);
    }

    private static HashSet<string> TypeReferences(byte[] assembly)
    {
        using var reader = new PEReader(new MemoryStream(assembly));
        MetadataReader metadata = reader.GetMetadataReader();
        return metadata.TypeReferences.Select(handle => metadata.GetString(metadata.GetTypeReference(handle).Name)).ToHashSet(StringComparer.Ordinal);
    }
}
