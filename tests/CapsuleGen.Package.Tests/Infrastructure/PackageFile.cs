using System.IO.Compression;
using System.Xml.Linq;

namespace CapsuleGen.Package.Tests.Infrastructure;

/// <summary>A .nupkg or .snupkg opened as the zip file it is.</summary>
internal sealed class PackageFile : IDisposable
{
    private readonly ZipArchive _zip;

    public PackageFile(string path)
    {
        Assert.True(File.Exists(path), $"No package at {path}.");
        _zip = ZipFile.OpenRead(path);
    }

    /// <summary>The package's own files, without the parts every package has (_rels, [Content_Types].xml, package/).</summary>
    public IReadOnlyList<string> Files => _zip.Entries
        .Select(entry => entry.FullName)
        .Where(name => !name.StartsWith("_rels/", StringComparison.Ordinal)
            && !name.StartsWith("package/", StringComparison.Ordinal)
            && name != "[Content_Types].xml")
        .Order(StringComparer.Ordinal)
        .ToList();

    /// <summary>The nuspec's metadata element.</summary>
    public XElement Metadata
    {
        get
        {
            ZipArchiveEntry nuspec = _zip.Entries.Single(entry => !entry.FullName.Contains('/', StringComparison.Ordinal) && entry.FullName.EndsWith(".nuspec", StringComparison.Ordinal));
            using Stream stream = nuspec.Open();
            XElement package = XElement.Load(stream);
            return package.Elements().Single(element => element.Name.LocalName == "metadata");
        }
    }

    public string? Meta(string name) => Metadata.Elements().SingleOrDefault(element => element.Name.LocalName == name)?.Value;

    public XElement? MetaElement(string name) => Metadata.Elements().SingleOrDefault(element => element.Name.LocalName == name);

    public byte[] Read(string file)
    {
        ZipArchiveEntry entry = _zip.GetEntry(file) ?? throw new Xunit.Sdk.XunitException($"The package has no {file}.");
        using Stream stream = entry.Open();
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }

    public void Dispose() => _zip.Dispose();
}
