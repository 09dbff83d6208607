using System.Runtime.CompilerServices;
using System.Text;
using CapsuleGen.Tests.Shared;
using DiffPlex.DiffBuilder;
using DiffPlex.DiffBuilder.Model;
using Microsoft.CodeAnalysis;

namespace CapsuleGen.Generator.Tests.Infrastructure;

/// <summary>
/// Compares generated files with reviewed snapshots in <c>Snapshots/</c>, named as
/// Verify.SourceGenerators names them: <c>&lt;Class&gt;.&lt;Method&gt;#&lt;hintName&gt;.verified.cs</c>.
/// A missing, different or stale snapshot fails the test with a readable diff and leaves a
/// <c>.received.cs</c> beside it. Files derived from the generated ones (a module's type stub, read
/// back from the compiled assembly) have snapshots of their own, with their own extension; the C header and
/// Cython declarations are reviewed as the <c>.h</c> and <c>.pxd</c> files the build writes, not as the
/// metadata attributes that carry them. Set <c>CAPSULEGEN_ACCEPT_SNAPSHOTS=1</c> to accept the output
/// instead; under <c>CI=true</c> nothing is ever accepted.
/// </summary>
internal static class Snapshot
{
    private const string AcceptVariable = "CAPSULEGEN_ACCEPT_SNAPSHOTS";

    public static void Verify(GeneratorDriverRunResult result, [CallerFilePath] string testFile = "", [CallerMemberName] string testName = "") =>
        Verify(result, [], testFile, testName);

    /// <summary>The generated files, and <paramref name="derived"/> files made from them (a stub as <c>Arrays.pyi</c>), each against its snapshot.</summary>
    public static void Verify(GeneratorDriverRunResult result, IEnumerable<(string FileName, string Text)> derived, [CallerFilePath] string testFile = "", [CallerMemberName] string testName = "")
    {
        string directory = Path.Combine(Path.GetDirectoryName(testFile)!, "Snapshots");
        string prefix = Path.GetFileNameWithoutExtension(testFile) + "." + testName + "#";
        bool accept = Environment.GetEnvironmentVariable(AcceptVariable) == "1" && !Requires.InCI;

        Directory.CreateDirectory(directory);
        var failures = new StringBuilder();
        var expectedFiles = new HashSet<string>(StringComparer.Ordinal);
        GeneratedSourceResult[] sources = result.Results.SelectMany(run => run.GeneratedSources).OrderBy(source => source.HintName, StringComparer.Ordinal).ToArray();
        Assert.NotEmpty(sources);

        IEnumerable<(string FileName, string Text)> files = sources
            .SelectMany(source => NativeHeaderFiles.Of(source) ?? [(source.HintName, source.SourceText.ToString())])
            .Concat(derived);
        foreach ((string fileName, string actual) in files)
        {
            string baseName = prefix + Path.GetFileNameWithoutExtension(fileName);
            string extension = Path.GetExtension(fileName);
            string verifiedPath = Path.Combine(directory, baseName + ".verified" + extension);
            string receivedPath = Path.Combine(directory, baseName + ".received" + extension);
            expectedFiles.Add(Path.GetFileName(verifiedPath));

            string? verified = File.Exists(verifiedPath) ? File.ReadAllText(verifiedPath) : null;
            if (verified == actual)
            {
                File.Delete(receivedPath);
                continue;
            }

            if (accept)
            {
                File.WriteAllText(verifiedPath, actual);
                File.Delete(receivedPath);
                continue;
            }

            File.WriteAllText(receivedPath, actual);
            failures.AppendLine(verified is null
                ? $"No snapshot {Path.GetFileName(verifiedPath)} yet; review {Path.GetFileName(receivedPath)} and accept it with {AcceptVariable}=1."
                : $"{Path.GetFileName(verifiedPath)} differs (- snapshot, + generated):{Environment.NewLine}{Diff(verified, actual)}");
        }

        foreach (string stale in Directory.EnumerateFiles(directory, prefix + "*.verified.*").Select(path => Path.GetFileName(path)).Where(name => !expectedFiles.Contains(name)))
        {
            if (accept)
            {
                File.Delete(Path.Combine(directory, stale));
                continue;
            }

            failures.AppendLine($"{stale} is no longer generated; delete it or accept with {AcceptVariable}=1.");
        }

        Assert.True(failures.Length == 0, failures.ToString());
    }

    private static string Diff(string expected, string actual)
    {
        var text = new StringBuilder();
        DiffPaneModel diff = new InlineDiffBuilder(new DiffPlex.Differ()).BuildDiffModel(expected, actual, ignoreWhitespace: false);
        for (int i = 0; i < diff.Lines.Count; i++)
        {
            DiffPiece line = diff.Lines[i];
            bool nearChange = diff.Lines.Skip(Math.Max(0, i - 2)).Take(5).Any(other => other.Type != ChangeType.Unchanged);
            if (!nearChange)
            {
                continue;
            }

            string marker = line.Type switch { ChangeType.Inserted => "+ ", ChangeType.Deleted => "- ", _ => "  " };
            text.Append(line.Position?.ToString(System.Globalization.CultureInfo.InvariantCulture).PadLeft(4) ?? "    ").Append(' ').Append(marker).AppendLine(line.Text);
        }

        return text.ToString();
    }
}
