using System.Runtime.InteropServices;

namespace CapsuleGen.Benchmarks;

/// <summary>The C# side: the cheapest function there is, so the benchmarks time the call, not the work.</summary>
public static partial class ManagedIncrement
{
    [ExportCapsule("bench.increment")]
    public static int Increment(int x) => x + 1;
}

/// <summary>The C library built with the benchmarks (native/capsulebench.c): the same function in C.</summary>
internal static partial class NativeIncrement
{
    [LibraryImport("capsulebench", EntryPoint = "capsulebench_get_increment")]
    private static partial nint GetIncrement();

    /// <summary>The C function in a capsule without a signature, as a C module would hand it out.</summary>
    public static Capsule Capsule() => new(GetIncrement(), "bench.increment");
}

/// <summary>The import both kinds of capsule are bound to.</summary>
[ImportCapsule("bench.increment")]
public partial interface IIncrement
{
    int Increment(int x);
}

/// <summary>The delegate type <see cref="Marshal.GetDelegateForFunctionPointer{TDelegate}(nint)"/> needs: the path to beat.</summary>
[UnmanagedFunctionPointer(CallingConvention.Cdecl)]
public delegate int IncrementDelegate(int x);

/// <summary>How calls follow each other in a benchmark's loop.</summary>
public enum Workload
{
    /// <summary>Independent calls (<c>sum += f(i)</c>): what the call itself costs, overlapped as far as the CPU can.</summary>
    CallBound,

    /// <summary>A chain (<c>x = f(x)</c>): each call waits for the one before, so latency adds up.</summary>
    LatencyBound,
}
