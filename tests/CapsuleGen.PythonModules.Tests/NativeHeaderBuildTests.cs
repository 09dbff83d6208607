using System.Reflection;

namespace CapsuleGen.PythonModules.Tests;

/// <summary>
/// CapsuleGen's build step that writes an assembly's C header and .pxd after compiling, run by MSBuild
/// on a hand-written project over real assemblies: where it writes, that it leaves unchanged files
/// alone, that it deletes the files of an assembly that no longer exports, and its errors.
/// </summary>
public sealed class NativeHeaderBuildTests
{
    private static readonly string s_targets = Metadata("CapsuleGenTargets");
    private static readonly string s_exporting = Metadata("NativeConsumersAssembly");
    private static readonly string s_notExporting = Metadata("PythonModuleMetadataFixture");
    private static readonly string s_headers = Metadata("NativeHeaders");

    [Fact]
    public async Task The_header_and_pxd_go_to_obj_and_to_the_folder_the_project_names()
    {
        using var probe = new Probe(s_exporting);
        (int exitCode, string output) = await probe.RunAsync("-p:CapsuleHeaderDirectory=include with space/");

        Assert.True(exitCode == 0, output);
        foreach (string directory in new[] { Path.Combine(probe.Directory, "obj", "capsulegen"), Path.Combine(probe.Directory, "include with space") })
        {
            // The same text the fixture's own build wrote into artifacts/include/.
            Assert.Equal(File.ReadAllText(Path.Combine(s_headers, "NativeConsumers_capsules.h")), File.ReadAllText(Path.Combine(directory, "NativeConsumers_capsules.h")));
            Assert.Equal(File.ReadAllText(Path.Combine(s_headers, "NativeConsumers_capsules.pxd")), File.ReadAllText(Path.Combine(directory, "NativeConsumers_capsules.pxd")));
        }
    }

    [Fact]
    public async Task An_unchanged_header_is_left_alone_and_the_files_of_an_assembly_that_no_longer_exports_are_deleted()
    {
        using var probe = new Probe(s_exporting);
        Assert.Equal(0, (await probe.RunAsync()).ExitCode);
        string header = Path.Combine(probe.Directory, "obj", "capsulegen", "NativeConsumers_capsules.h");
        var old = new DateTime(2001, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        File.SetLastWriteTimeUtc(header, old);

        Assert.Equal(0, (await probe.RunAsync()).ExitCode);
        Assert.Equal(old, File.GetLastWriteTimeUtc(header));

        (int exitCode, string output) = await probe.RunAsync("-p:ProbeAssembly=" + s_notExporting);
        Assert.True(exitCode == 0, output);
        Assert.Empty(Directory.EnumerateFiles(Path.Combine(probe.Directory, "obj", "capsulegen"), "*_capsules.*"));
    }

    [Fact]
    public async Task Turned_off_it_writes_nothing()
    {
        using var probe = new Probe(s_exporting);
        (int exitCode, string output) = await probe.RunAsync("-p:CapsuleNativeHeader=false");

        Assert.True(exitCode == 0, output);
        Assert.False(Directory.Exists(Path.Combine(probe.Directory, "obj", "capsulegen")));
    }

    [Fact]
    public async Task An_assembly_that_is_not_one_is_CAPS1009()
    {
        using var probe = new Probe(s_exporting);
        string garbage = Path.Combine(probe.Directory, "Garbage.dll");
        File.WriteAllText(garbage, "not a PE file");
        (int exitCode, string output) = await probe.RunAsync("-p:ProbeAssembly=" + garbage);

        Assert.NotEqual(0, exitCode);
        Assert.Contains("error CAPS1009: CapsuleGen could not read the C header from " + garbage, output);
    }

    private static string Metadata(string key) =>
        typeof(NativeHeaderBuildTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(attribute => attribute.Key == key).Value!;

    /// <summary>A project that has the generator among its analyzers and "compiled" the assembly given, importing only the build step.</summary>
    private sealed class Probe : IDisposable
    {
        private readonly TemporaryDirectory _directory = new("capsulegen-header-step-");

        public Probe(string assembly)
        {
            File.WriteAllText(Path.Combine(Directory, "probe.proj"), $"""
                <Project>
                  <PropertyGroup>
                    <Language>C#</Language>
                    <IntermediateOutputPath>obj/</IntermediateOutputPath>
                    <ProbeAssembly Condition="'$(ProbeAssembly)' == ''">{assembly}</ProbeAssembly>
                  </PropertyGroup>
                  <ItemGroup>
                    <IntermediateAssembly Include="$(ProbeAssembly)" />
                    <Analyzer Include="analyzers/CapsuleGen.Generator.dll" />
                  </ItemGroup>
                  <Import Project="{s_targets}" />
                </Project>
                """);
        }

        public string Directory => _directory.Path;

        public Task<(int ExitCode, string Output)> RunAsync(params string[] properties) => MSBuildProbe.RunAsync(Directory, "probe.proj", "CapsuleGenNativeHeader", properties);

        public void Dispose() => _directory.Dispose();
    }
}
