using BenchmarkDotNet.Attributes;

namespace CapsuleGen.CompileBenchmarks;

/// <summary>
/// How much longer a project of 1,000 exports and 200 imports takes to compile with CapsuleGen than
/// without its attributes (the Ratio column), and how much source the generator writes for it (the
/// Generated column).
/// </summary>
[MemoryDiagnoser]
[GeneratedSourceColumn]
public class CompileBenchmarks
{
    private IReadOnlyList<string> _plain = null!;
    private IReadOnlyList<string> _annotated = null!;

    [GlobalSetup]
    public void Setup()
    {
        _plain = SyntheticProject.Sources(withAttributes: false);
        _annotated = SyntheticProject.Sources(withAttributes: true);
    }

    /// <summary>The same project without the attributes: what it costs without CapsuleGen.</summary>
    [Benchmark(Baseline = true)]
    public int WithoutAttributes() => CompiledProject.Plain(_plain);

    /// <summary>Parse, the generator, CapsuleGen's analyzers, and emitting the generated code too.</summary>
    [Benchmark]
    public int WithCapsuleGen() => CompiledProject.WithCapsuleGen(_annotated);
}
