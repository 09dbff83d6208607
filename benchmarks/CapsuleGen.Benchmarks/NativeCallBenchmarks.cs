using System.Runtime.InteropServices;
using BenchmarkDotNet.Attributes;

namespace CapsuleGen.Benchmarks;

/// <summary>
/// A call into a C function, <c>int increment(int x)</c> from native/capsulebench.c, three ways,
/// 1,000 calls per invocation, time per call: the ceiling (a raw <c>delegate* unmanaged</c>), what
/// users call (a binding to the capsule a C module would hand out), and the path to beat
/// (<see cref="Marshal.GetDelegateForFunctionPointer{TDelegate}(nint)"/>).
/// </summary>
[MemoryDiagnoser]
public unsafe class NativeCallBenchmarks
{
    private const int Calls = ExportCallBenchmarks.Calls;

    private delegate* unmanaged[Cdecl]<int, int> _pointer;
    private IIncrement.Binding _binding = null!;
    private IncrementDelegate _delegate = null!;

    [Params(Workload.CallBound, Workload.LatencyBound)]
    public Workload Workload { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        using Capsule capsule = NativeIncrement.Capsule();
        nint pointer = capsule.GetPointer(IIncrement.Binding.CapsuleName);
        _pointer = (delegate* unmanaged[Cdecl]<int, int>)pointer;
        _binding = new IIncrement.Binding(capsule);
        _delegate = Marshal.GetDelegateForFunctionPointer<IncrementDelegate>(pointer);
    }

    /// <summary>The ceiling: a bare unmanaged call.</summary>
    [Benchmark(Baseline = true, OperationsPerInvoke = Calls)]
    public int RawPointer()
    {
        delegate* unmanaged[Cdecl]<int, int> function = _pointer;
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

    /// <summary>The same call through a generated binding.</summary>
    [Benchmark(OperationsPerInvoke = Calls)]
    public int Binding()
    {
        IIncrement.Binding binding = _binding;
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

    /// <summary>The path to beat: a marshalling delegate over the same pointer.</summary>
    [Benchmark(OperationsPerInvoke = Calls)]
    public int MarshalDelegate()
    {
        IncrementDelegate function = _delegate;
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
}
