using System.Xml.Linq;

[assembly: AssemblyFixture(typeof(CapsuleGen.Package.Tests.Infrastructure.ConsumerWorkspace))]

// Every test builds in the same consumer projects: one at a time.
[assembly: CollectionBehavior(DisableTestParallelization = true)]

namespace CapsuleGen.Package.Tests.Infrastructure;

/// <summary>
/// A temporary directory outside the repository holding the packages under test, a nuget.config that
/// adds their folder to the machine's package sources, fresh consumer projects that reference the
/// packages by PackageReference only, and a NuGet cache of their own. Removed afterwards unless
/// CAPSULEGEN_KEEP_CONSUMERS=1.
/// </summary>
public sealed class ConsumerWorkspace : IAsyncLifetime
{
    private readonly TemporaryDirectory _scratch = new("capsulegen-consumers-");
    private PackageFeed? _packages;

    public ConsumerWorkspace()
    {
        Projects = Path.Combine(_scratch.Path, "projects");
        Output = Path.Combine(_scratch.Path, "out");
        DotNet = new DotNet(Path.Combine(_scratch.Path, "nuget-packages"));
    }

    public DotNet DotNet { get; }

    /// <summary>The directory of the consumer projects (and their nuget.config).</summary>
    public string Projects { get; }

    /// <summary>Where publish commands write.</summary>
    public string Output { get; }

    public PackageFeed Packages => _packages ?? throw new InvalidOperationException("The workspace is not initialized.");

    public string Project(string name) => Path.Combine(Projects, name, name + ".csproj");

    public async ValueTask InitializeAsync()
    {
        Assert.False(_scratch.Path.StartsWith(Repository.Root, StringComparison.Ordinal), "The consumers must live outside the repository.");
        _packages = await PackageFeed.CreateAsync(_scratch.Path, DotNet);

        string templates = Path.Combine(AppContext.BaseDirectory, "Consumers");
        foreach (string template in Directory.EnumerateFiles(templates, "*", SearchOption.AllDirectories))
        {
            string target = Path.Combine(Projects, Path.GetRelativePath(templates, template));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            string text = File.ReadAllText(template)
                .Replace("{{CapsuleGenVersion}}", Repository.PackageVersion, StringComparison.Ordinal)
                .Replace("{{PackageSource}}", new XText(_packages.Directory).ToString(), StringComparison.Ordinal);
            File.WriteAllText(target, text);
        }
    }

    public ValueTask DisposeAsync()
    {
        if (Environment.GetEnvironmentVariable("CAPSULEGEN_KEEP_CONSUMERS") != "1")
        {
            _scratch.Dispose();
        }

        return ValueTask.CompletedTask;
    }
}
