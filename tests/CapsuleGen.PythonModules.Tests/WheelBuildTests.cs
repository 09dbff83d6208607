using System.Collections;
using System.IO.Compression;
using System.Reflection;
using System.Security.Cryptography;
using System.Text;

namespace CapsuleGen.PythonModules.Tests;

/// <summary>
/// CapsuleGen.Python's build step (the stub and the wheel written after Publish), run by MSBuild on a small
/// project that imports its targets and stands for a published module: the IL assembly is
/// tests/Fixtures/PythonModuleMetadata (the metadata the generator writes, declared by hand, module
/// "Heron", Python 3.11 for an array), and the published library a file of known bytes. No NativeAOT here.
/// </summary>
public sealed class WheelBuildTests
{
    private static readonly string s_targets = Metadata("PythonModuleTargets");

    /// <summary>CapsuleGen's build step, which a project with CapsuleGen.Python always has too (the package depends on CapsuleGen): its task reads the metadata.</summary>
    private static readonly string s_capsuleGenTargets = Metadata("CapsuleGenTargets");
    private static readonly string s_fixture = Metadata("PythonModuleMetadataFixture");
    private static readonly byte[] s_library = [.. Enumerable.Range(0, 20_000).Select(i => (byte)(i * 7 % 251))];

    [Fact]
    public async Task Publish_writes_the_stub_beside_the_library_and_a_wheel_pip_can_check()
    {
        using var project = new ProbeProject();
        (int exitCode, string output) = await project.PublishAsync();

        Assert.True(exitCode == 0, output);
        Assert.Equal(FixtureMetadata("CapsuleGen.PythonModule.Heron.Stub"), File.ReadAllText(Path.Combine(project.PublishDirectory, "Heron.pyi"), Encoding.UTF8));
        string wheel = Assert.Single(Directory.GetFiles(Path.Combine(project.PublishDirectory, "wheels")));
        Assert.Equal("heron_bird_watch-1.2.0-cp311-abi3-linux_x86_64.whl", Path.GetFileName(wheel));

        using ZipArchive zip = ZipFile.OpenRead(wheel);
        const string DistInfo = "heron_bird_watch-1.2.0.dist-info/";
        Assert.Equal(
            ["Heron/__init__.abi3.so", "Heron/__init__.pyi", "Heron/py.typed", DistInfo + "METADATA", DistInfo + "WHEEL", DistInfo + "RECORD"],
            zip.Entries.Select(entry => entry.FullName));
        Assert.Equal(s_library, Read(zip, "Heron/__init__.abi3.so"));
        Assert.Equal(FixtureMetadata("CapsuleGen.PythonModule.Heron.Stub"), Encoding.UTF8.GetString(Read(zip, "Heron/__init__.pyi")));
        Assert.Empty(Read(zip, "Heron/py.typed"));
        Assert.All(zip.Entries, entry => Assert.Equal(new DateTime(1980, 1, 1), entry.LastWriteTime.DateTime));
        Assert.Equal(0x81ED, zip.GetEntry("Heron/__init__.abi3.so")!.ExternalAttributes >>> 16);

        Assert.Equal(
            "Metadata-Version: 2.1\nName: Heron.Bird__Watch\nVersion: 1.2.0\nSummary: Herons, wading.\nAuthor: Ann, Bea\n" +
            "License: MIT\nHome-page: https://example.org/heron\nRequires-Python: >=3.11\n",
            Encoding.UTF8.GetString(Read(zip, DistInfo + "METADATA")));
        Assert.Equal(
            "Wheel-Version: 1.0\nGenerator: CapsuleGen.Python\nRoot-Is-Purelib: false\nTag: cp311-abi3-linux_x86_64\n",
            Encoding.UTF8.GetString(Read(zip, DistInfo + "WHEEL")));

        // RECORD: every other file with its hash and size, checked here independently; its own line last and empty.
        string[] record = Encoding.UTF8.GetString(Read(zip, DistInfo + "RECORD")).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(zip.Entries.Count, record.Length);
        foreach (ZipArchiveEntry entry in zip.Entries.SkipLast(1))
        {
            byte[] bytes = Read(zip, entry.FullName);
            string hash = Convert.ToBase64String(SHA256.HashData(bytes)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
            Assert.Contains($"{entry.FullName},sha256={hash},{bytes.Length}", record);
        }

        Assert.Equal(DistInfo + "RECORD,,", record[^1]);
    }

    [Fact]
    public async Task Two_publishes_make_the_same_bytes_and_an_unchanged_publish_rewrites_nothing()
    {
        using var first = new ProbeProject();
        using var second = new ProbeProject();
        (int firstExit, string firstOutput) = await first.PublishAsync();
        Assert.True(firstExit == 0, firstOutput);
        await Task.Delay(TimeSpan.FromSeconds(1.1), TestContext.Current.CancellationToken); // zip time stamps have a resolution of 2 seconds; these must not depend on it
        (int secondExit, string secondOutput) = await second.PublishAsync();
        Assert.True(secondExit == 0, secondOutput);

        string wheel = Path.Combine(first.PublishDirectory, "wheels", "heron_bird_watch-1.2.0-cp311-abi3-linux_x86_64.whl");
        Assert.Equal(File.ReadAllBytes(wheel), File.ReadAllBytes(Path.Combine(second.PublishDirectory, "wheels", Path.GetFileName(wheel))));

        DateTime written = File.GetLastWriteTimeUtc(wheel);
        (int againExit, string againOutput) = await first.PublishAsync();
        Assert.True(againExit == 0, againOutput);
        Assert.Contains("Skipping target \"_CapsuleGenWritePythonModule\"", againOutput);
        Assert.Equal(written, File.GetLastWriteTimeUtc(wheel));
    }

    [Fact]
    public async Task A_setting_that_only_the_metadata_holds_changed_on_the_command_line_writes_the_wheel_again()
    {
        const string DistInfo = "heron_bird_watch-1.2.0.dist-info/";
        using var project = new ProbeProject();
        (int firstExit, string firstOutput) = await project.PublishAsync();
        Assert.True(firstExit == 0, firstOutput);

        (int againExit, string againOutput) = await project.PublishAsync("-p:PackageProjectUrl=https://example.org/egret", "-p:PackageLicenseExpression=Apache-2.0");
        Assert.True(againExit == 0, againOutput);

        using ZipArchive wheel = ZipFile.OpenRead(Path.Combine(project.PublishDirectory, "wheels", "heron_bird_watch-1.2.0-cp311-abi3-linux_x86_64.whl"));
        using var reader = new StreamReader(wheel.GetEntry(DistInfo + "METADATA")!.Open());
        string metadata = reader.ReadToEnd();
        Assert.Contains("Home-page: https://example.org/egret\n", metadata, StringComparison.Ordinal);
        Assert.Contains("License: Apache-2.0\n", metadata, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Heron", "heron-1.2.0-cp311-abi3-linux_x86_64.whl")]
    [InlineData("Grey.Heron--Birds__of_a.Feather", "grey_heron_birds_of_a_feather-1.2.0-cp311-abi3-linux_x86_64.whl")]
    [InlineData("HERON-2", "heron_2-1.2.0-cp311-abi3-linux_x86_64.whl")]
    public async Task The_distribution_name_is_normalized_in_the_file_name_and_the_dist_info_and_kept_in_METADATA(string name, string wheelName)
    {
        using var project = new ProbeProject();
        (int exitCode, string output) = await project.PublishAsync($"-p:PythonWheelName={name}");

        Assert.True(exitCode == 0, output);
        using ZipArchive zip = ZipFile.OpenRead(Path.Combine(project.PublishDirectory, "wheels", wheelName));
        string distInfo = wheelName[..wheelName.IndexOf("-cp311", StringComparison.Ordinal)] + ".dist-info/";
        Assert.Contains($"Name: {name}\n", Encoding.UTF8.GetString(Read(zip, distInfo + "METADATA")));
    }

    [Theory]
    [InlineData("-p:PythonWheelVersion=1.2.0-beta.1", "CAPS1005", "PythonWheelVersion '1.2.0-beta.1' is not a PEP 440 version")]
    [InlineData("-p:Version=01.2", "CAPS1005", "PythonWheelVersion '01.2' is not a PEP 440 version")]
    [InlineData("-p:PythonWheelName=-heron", "CAPS1004", "PythonWheelName '-heron' is not a valid Python distribution name")]
    [InlineData("-p:RuntimeIdentifier=win-x64", "CAPS1003", "linux-x64 and linux-arm64, not 'win-x64'")]
    [InlineData("-p:PythonWheelMinimumPython=3.10", "CAPS1006",
        "PythonWheelMinimumPython is 3.10, but the Python module 'Heron' needs Python 3.11 or later: Heron.wade takes an array through the buffer protocol, in the stable ABI from Python 3.11.")]
    [InlineData("-p:PythonWheelMinimumPython=three", "CAPS1006", "PythonWheelMinimumPython 'three' is not a Python version")]
    [InlineData("-p:TargetName=Egret", "CAPS1007", "declares the Python module 'Heron', but its library is Egret")]
    [InlineData("-p:PythonWheelPlatform=win_amd64", "CAPS1008", "PythonWheelPlatform is 'linux' (the default) or 'manylinux', not 'win_amd64'.")]
    public async Task A_wrong_setting_is_an_error_that_names_it_and_writes_nothing(string setting, string code, string message)
    {
        using var project = new ProbeProject();
        File.Copy(Path.Combine(project.PublishDirectory, "Heron.so"), Path.Combine(project.PublishDirectory, "Egret.so"));
        (int exitCode, string output) = await project.PublishAsync(setting);

        Assert.NotEqual(0, exitCode);
        Assert.Contains($"error {code}: ", output);
        Assert.Contains(message, output);
        Assert.False(Directory.Exists(Path.Combine(project.PublishDirectory, "wheels")), output);
        Assert.False(File.Exists(Path.Combine(project.PublishDirectory, "Heron.pyi")), output);
    }

    [Theory]
    [InlineData("-p:PythonWheelMinimumPython=3.12", "heron_bird_watch-1.2.0-cp312-abi3-linux_x86_64.whl", ">=3.12")]
    [InlineData("-p:RuntimeIdentifier=linux-arm64", "heron_bird_watch-1.2.0-cp311-abi3-linux_aarch64.whl", ">=3.11")]
    [InlineData("-p:PythonWheelVersion=2!1.0rc2.post3.dev4+local.7", "heron_bird_watch-2!1.0rc2.post3.dev4+local.7-cp311-abi3-linux_x86_64.whl", ">=3.11")]
    public async Task The_tag_follows_the_minimum_Python_and_the_runtime_identifier(string setting, string wheelName, string requiresPython)
    {
        using var project = new ProbeProject();
        (int exitCode, string output) = await project.PublishAsync(setting);

        Assert.True(exitCode == 0, output);
        using ZipArchive zip = ZipFile.OpenRead(Path.Combine(project.PublishDirectory, "wheels", wheelName));
        string distInfo = wheelName[..wheelName.IndexOf("-cp31", StringComparison.Ordinal)] + ".dist-info/";
        Assert.Contains($"Requires-Python: {requiresPython}\n", Encoding.UTF8.GetString(Read(zip, distInfo + "METADATA")));
        Assert.Contains($"Tag: {wheelName[(distInfo.Length - "dist-info/".Length)..^".whl".Length]}\n", Encoding.UTF8.GetString(Read(zip, distInfo + "WHEEL")));
    }

    [Fact]
    public async Task A_manylinux_wheel_is_tagged_for_the_newest_glibc_the_library_needs_and_this_python_accepts_the_tag()
    {
        // A real module published by this build: it needs glibc's own libraries only.
        string published = Path.Combine(PythonProcess.ModuleDirectory, "CppDuck.so");
        using var project = new ProbeProject(library: File.ReadAllBytes(published));
        (int exitCode, string output) = await project.PublishAsync("-p:PythonWheelPlatform=manylinux");
        Assert.True(exitCode == 0, output);

        // What binutils says the library needs, worked out apart from the build step.
        ChildProcessResult symbols = (await new ChildProcess("objdump", "-T", published) { MergeOutput = true }.RunAsync()).ThrowIfTimedOut();
        int glibc = System.Text.RegularExpressions.Regex.Matches(symbols.Output, @"GLIBC_2\.([0-9]+)").Max(match => int.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture));
        string tag = $"cp311-abi3-manylinux_2_{glibc}_x86_64";
        string wheel = Path.Combine(project.PublishDirectory, "wheels", $"heron_bird_watch-1.2.0-{tag}.whl");
        Assert.True(File.Exists(wheel), output);
        using (ZipArchive zip = ZipFile.OpenRead(wheel))
        {
            Assert.Contains($"Tag: {tag}\n", Encoding.UTF8.GetString(Read(zip, "heron_bird_watch-1.2.0.dist-info/WHEEL")));
        }

        // pip installs a wheel whose tag is among the interpreter's own (pip's packaging.tags, as pip itself asks).
        ChildProcessResult accepted = (await new ChildProcess(Requires.Interpreter(), "-c",
            $"from pip._vendor.packaging.tags import sys_tags; print('{tag}' in {{str(t) for t in sys_tags()}})") { MergeOutput = true }.RunAsync()).ThrowIfTimedOut();
        Assert.Equal("True\n", accepted.Output);
    }

    [Theory]
    [InlineData("/usr/lib/x86_64-linux-gnu/libpython3.11.so.1.0", "Heron.so needs libz.so.1, libexpat.so.1, which the manylinux policy does not let a wheel take from the system")]
    [InlineData(null, "is not a 64-bit little-endian ELF library")]
    public async Task A_library_a_manylinux_wheel_cannot_hold_is_refused_with_the_reason(string? library, string reason)
    {
        if (library is not null && !File.Exists(library))
        {
            Requires.Missing($"needs {library} (apt-get install -y libpython3.11)");
        }

        using var project = new ProbeProject(library: library is null ? null : File.ReadAllBytes(library));
        (int exitCode, string output) = await project.PublishAsync("-p:PythonWheelPlatform=manylinux");

        Assert.NotEqual(0, exitCode);
        Assert.Contains("error CAPS1008: The wheel of the Python module 'Heron' cannot be tagged manylinux: ", output);
        Assert.Contains(reason, output);
        Assert.False(Directory.Exists(Path.Combine(project.PublishDirectory, "wheels")), output);
    }

    [Fact]
    public async Task PythonWheel_false_writes_the_stub_only_and_an_assembly_without_a_module_nothing()
    {
        using var stubOnly = new ProbeProject();
        (int exitCode, string output) = await stubOnly.PublishAsync("-p:PythonWheel=false");
        Assert.True(exitCode == 0, output);
        Assert.True(File.Exists(Path.Combine(stubOnly.PublishDirectory, "Heron.pyi")), output);
        Assert.False(Directory.Exists(Path.Combine(stubOnly.PublishDirectory, "wheels")), output);

        using var noModule = new ProbeProject(assembly: typeof(WheelBuildTests).Assembly.Location);
        (exitCode, output) = await noModule.PublishAsync();
        Assert.True(exitCode == 0, output);
        Assert.Equal(["Heron.so", "probe.proj"], Directory.GetFiles(noModule.PublishDirectory).Select(Path.GetFileName).Order(StringComparer.Ordinal));
    }

    private static byte[] Read(ZipArchive zip, string name)
    {
        using Stream stream = zip.GetEntry(name)!.Open();
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }

    private static string Metadata(string key) =>
        typeof(WheelBuildTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(attribute => attribute.Key == key).Value!;

    /// <summary>What the fixture declares, read by the runtime's reflection rather than the build step's reader.</summary>
    private static string FixtureMetadata(string key) =>
        Assembly.LoadFile(s_fixture).GetCustomAttributes<AssemblyMetadataAttribute>().Single(attribute => attribute.Key == key).Value!;

    /// <summary>A directory holding a project that imports the build step, and its "published" library Heron.so.</summary>
    private sealed class ProbeProject : IDisposable
    {
        private readonly TemporaryDirectory _directory = new("capsulegen-wheel-");

        public ProbeProject(string? assembly = null, byte[]? library = null)
        {
            File.WriteAllBytes(Path.Combine(PublishDirectory, "Heron.so"), library ?? s_library);
            File.WriteAllText(Path.Combine(PublishDirectory, "probe.proj"), $"""
                <Project>
                  <PropertyGroup>
                    <PublishDir>$(MSBuildThisFileDirectory)</PublishDir>
                    <TargetName>Heron</TargetName>
                    <NativeBinaryExt>.so</NativeBinaryExt>
                    <RuntimeIdentifier>linux-x64</RuntimeIdentifier>
                    <PackageId>Heron.Bird__Watch</PackageId>
                    <Version>1.2.0</Version>
                    <Description>Herons,
                      wading.</Description>
                    <Authors>Ann, Bea</Authors>
                    <PackageLicenseExpression>MIT</PackageLicenseExpression>
                    <PackageProjectUrl>https://example.org/heron</PackageProjectUrl>
                  </PropertyGroup>
                  <ItemGroup>
                    <IntermediateAssembly Include="{assembly ?? s_fixture}" />
                  </ItemGroup>
                  <Import Project="{s_capsuleGenTargets}" />
                  <Import Project="{s_targets}" />
                </Project>
                """);
        }

        public string PublishDirectory => _directory.Path;

        /// <summary>Runs the step Publish runs, as 'dotnet msbuild' in a shell would (none of the test host's MSBuild variables).</summary>
        public Task<(int ExitCode, string Output)> PublishAsync(params string[] properties) =>
            MSBuildProbe.RunAsync(PublishDirectory, "probe.proj", "CapsuleGenPythonModule", properties);

        public void Dispose() => _directory.Dispose();
    }
}
