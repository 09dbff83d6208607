using BenchmarkDotNet.Running;
using Microsoft.CodeAnalysis;

namespace CapsuleGen.CompileBenchmarks;

public static class Program
{
    /// <summary>Runs the benchmarks, or with <c>--dump DIR</c> writes the synthetic project and what the generator makes of it, to read.</summary>
    public static void Main(string[] args)
    {
        if (args is ["--dump", string directory])
        {
            Dump(directory);
            return;
        }

        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
    }

    private static void Dump(string directory)
    {
        IReadOnlyList<string> sources = SyntheticProject.Sources(withAttributes: true);
        Directory.CreateDirectory(Path.Combine(directory, "source"));
        Directory.CreateDirectory(Path.Combine(directory, "generated"));
        for (int index = 0; index < sources.Count; index++)
        {
            File.WriteAllText(Path.Combine(directory, "source", $"Source{index}.cs"), sources[index]);
        }

        foreach (GeneratedSourceResult file in CompiledProject.Generate(sources))
        {
            File.WriteAllText(Path.Combine(directory, "generated", file.HintName), file.SourceText.ToString());
        }

        Console.WriteLine($"{sources.Count} source files and the generated files written under {Path.GetFullPath(directory)}");
    }
}
