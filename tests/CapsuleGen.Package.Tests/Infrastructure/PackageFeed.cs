namespace CapsuleGen.Package.Tests.Infrastructure;

/// <summary>
/// The folder of packages under test. .ci/run packs into artifacts/packages and names it in
/// CAPSULEGEN_PACKAGES; without it the tests pack the solution themselves, with the command the
/// README gives, into a folder of their own. Either way the tests check that the packed assemblies
/// are this checkout's build, byte for byte, so a stale package cannot pass.
/// </summary>
public sealed class PackageFeed
{
    private PackageFeed(string directory, CommandResult? pack)
    {
        Directory = directory;
        Pack = pack;
    }

    public string Directory { get; }

    /// <summary>The pack command these tests ran, or null when the packages were given.</summary>
    public CommandResult? Pack { get; }

    public string CapsuleGen => Package("CapsuleGen", "nupkg");

    public string CapsuleGenSymbols => Package("CapsuleGen", "snupkg");

    public string CapsuleGenPython => Package("CapsuleGen.Python", "nupkg");

    public string CapsuleGenPythonSymbols => Package("CapsuleGen.Python", "snupkg");

    public string Package(string id, string extension) => Path.Combine(Directory, $"{id}.{Repository.PackageVersion}.{extension}");

    public static async Task<PackageFeed> CreateAsync(string scratch, DotNet dotnet)
    {
        string? given = Environment.GetEnvironmentVariable("CAPSULEGEN_PACKAGES");
        if (!string.IsNullOrEmpty(given))
        {
            return new PackageFeed(Path.GetFullPath(given, Repository.Root), null);
        }

        string directory = Path.Combine(scratch, "packages");
        CommandResult pack = await dotnet.RunAsync(
            Repository.Root,
            TimeSpan.FromMinutes(5),
            "pack", Repository.Solution, "-c", Repository.Configuration, "--no-build", "-o", directory);
        return new PackageFeed(directory, pack);
    }
}
