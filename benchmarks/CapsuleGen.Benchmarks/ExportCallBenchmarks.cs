using BenchmarkDotNet.Attributes;

namespace CapsuleGen.Benchmarks;

/// <summary>
/// A call into a C# export, <c>int Increment(int x) =&gt; x + 1</c>, made four ways, 1,000 calls per
/// invocation, time per call. The baseline is what managed code pays anyway: a managed function
/// pointer to the method. A binding bound to the exporter's own capsule takes the managed entry
/// (no native transition); bound to a copy of the capsule that carries only the native pointer, as a
/// capsule from C would, it calls the trampoline like the raw unmanaged pointer does.
/// </summary>
[MemoryDiagnoser]
public unsafe class ExportCallBenchmarks
{
    public const int Calls = 1000;

    private delegate*<int, int> _managed;
    private delegate* unmanaged[Cdecl]<int, int> _unmanaged;
    private IIncrement.Binding _fastPath = null!;
    private IIncrement.Binding _nativePath = null!;

    [Params(Workload.CallBound, Workload.LatencyBound)]
    public Workload Workload { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _managed = &ManagedIncrement.Increment;
        using Capsule capsule = ManagedIncrement.IncrementCapsule;
        nint trampoline = capsule.GetPointer(IIncrement.Binding.CapsuleName);
        _unmanaged = (delegate* unmanaged[Cdecl]<int, int>)trampoline;
        _fastPath = new IIncrement.Binding(capsule);
        using var nativeOnly = new Capsule(trampoline, capsule.Name, signature: capsule.Signature);
        _nativePath = new IIncrement.Binding(nativeOnly);
    }

    /// <summary>The floor for a call that cannot be inlined: a managed function pointer to the method.</summary>
    [Benchmark(Baseline = true, OperationsPerInvoke = Calls)]
    public int ManagedFunctionPointer()
    {
        delegate*<int, int> function = _managed;
        int result = 0;
        if (Workload == Workload.CallBound)
        {
            for (int i = 0; i < Calls; i++)
            {
                result += function(i);
            }
        }
        else
        {
            for (int i = 0; i < Calls; i++)
            {
                result = function(result);
            }
        }

        return result;
    }

    /// <summary>What users call: the binding, which takes the export's managed entry.</summary>
    [Benchmark(OperationsPerInvoke = Calls)]
    public int Binding() => Run(_fastPath);

    /// <summary>The binding again, bound to the same trampoline as a foreign capsule: the native path.</summary>
    [Benchmark(OperationsPerInvoke = Calls)]
    public int BindingNativePath() => Run(_nativePath);

    /// <summary>The trampoline through a raw unmanaged pointer: managed to native and back, nothing else.</summary>
    [Benchmark(OperationsPerInvoke = Calls)]
    public int RawUnmanagedPointer()
    {
        delegate* unmanaged[Cdecl]<int, int> function = _unmanaged;
        int result = 0;
        if (Workload == Workload.CallBound)
        {
            for (int i = 0; i < Calls; i++)
            {
                result += function(i);
            }
        }
        else
        {
            for (int i = 0; i < Calls; i++)
            {
                result = function(result);
            }
        }

        return result;
    }

    private int Run(IIncrement.Binding binding)
    {
        int result = 0;
        if (Workload == Workload.CallBound)
        {
            for (int i = 0; i < Calls; i++)
            {
                result += binding.Increment(i);
            }
        }
        else
        {
            for (int i = 0; i < Calls; i++)
            {
                result = binding.Increment(result);
            }
        }

        return result;
    }
}
