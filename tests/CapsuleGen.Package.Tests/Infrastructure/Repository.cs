using System.Reflection;

namespace CapsuleGen.Package.Tests.Infrastructure;

/// <summary>The checkout these tests were built from, and what its build says about the packages.</summary>
internal static class Repository
{
    /// <summary>The directory holding CapsuleGen.sln, found above the test's output directory.</summary>
    public static string Root { get; } = FindRoot();

    public static string Solution => Path.Combine(Root, "CapsuleGen.sln");

    /// <summary>The packages' version, from the repository's one place for it (Directory.Build.props).</summary>
    public static string PackageVersion { get; } = Metadata("CapsuleGenPackageVersion");

    /// <summary>The configuration this test project was built in; the packed assemblies come from the same one.</summary>
    public static string Configuration { get; } = Metadata("CapsuleGenConfiguration");

    /// <summary>A file the repository's build wrote, such as runtime/CapsuleGen/bin/Release/net8.0/CapsuleGen.dll.</summary>
    public static string BuildOutput(string projectDirectory, string targetFramework, string file) =>
        Path.Combine(Root, projectDirectory, "bin", Configuration, targetFramework, file);

    private static string FindRoot()
    {
        for (DirectoryInfo? directory = new(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "CapsuleGen.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"No CapsuleGen.sln above {AppContext.BaseDirectory}.");
    }

    private static string Metadata(string key) =>
        typeof(Repository).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(attribute => attribute.Key == key).Value
        ?? throw new InvalidOperationException($"The test assembly has no {key}.");
}
