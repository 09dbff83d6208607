namespace CapsuleGen.Tests.Shared;

/// <summary>A new directory of the test's own under the system's temporary directory, removed with what it holds when disposed.</summary>
internal sealed class TemporaryDirectory(string prefix) : IDisposable
{
    public string Path { get; } = Directory.CreateTempSubdirectory(prefix).FullName;

    public void Dispose()
    {
        if (Directory.Exists(Path))
        {
            Directory.Delete(Path, recursive: true);
        }
    }
}
