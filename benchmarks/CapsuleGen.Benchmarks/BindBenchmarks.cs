using BenchmarkDotNet.Attributes;

namespace CapsuleGen.Benchmarks;

/// <summary>
/// What a rebind costs: the checks that calls never make (name, then signature if the capsule
/// carries one), the reference the binding takes, and the immutable target it allocates and publishes.
/// </summary>
[MemoryDiagnoser]
public class BindBenchmarks
{
    private readonly IIncrement.Binding _binding = new();
    private Capsule _export = null!;
    private Capsule _native = null!;

    [GlobalSetup]
    public void Setup()
    {
        _export = ManagedIncrement.IncrementCapsule;
        _native = NativeIncrement.Capsule();
    }

    /// <summary>A C# export's capsule: name and signature checked.</summary>
    [Benchmark(Baseline = true)]
    public bool BindExport()
    {
        _binding.Bind(_export);
        return _binding.IsBound;
    }

    /// <summary>A C module's capsule, which carries no signature: trusted by name alone.</summary>
    [Benchmark]
    public bool BindNative()
    {
        _binding.Bind(_native);
        return _binding.IsBound;
    }

    /// <summary>The floor: one volatile write, no check and no allocation.</summary>
    [Benchmark]
    public bool Unbind()
    {
        _binding.Unbind();
        return _binding.IsBound;
    }
}
