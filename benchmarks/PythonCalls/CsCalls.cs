using CapsuleGen.Python;

namespace Benchmarks.PythonCalls;

/// <summary>Four trivial functions, so that a Python call into them costs the call path and little else, a sum over an array, and a type with a method.</summary>
[PythonModule("CsCalls")]
public static partial class CsCalls
{
    /// <summary>Does nothing; returns None.</summary>
    [PythonFunction("noop")]
    public static void Noop()
    {
    }

    /// <summary>a + b, wrapping on overflow as C# does unchecked.</summary>
    [PythonFunction("add")]
    public static long Add(long a, long b) => a + b;

    /// <summary>x * factor.</summary>
    [PythonFunction("scale")]
    public static double Scale(double x, double factor) => x * factor;

    /// <summary>The length of text in UTF-16 code units (its length in characters for ASCII text).</summary>
    [PythonFunction("length")]
    public static int Length(string text) => text.Length;

    /// <summary>The sum of a C-contiguous float64 array, in index order: the array is lent, not copied.</summary>
    [PythonFunction("sum")]
    public static double Sum(ReadOnlySpan<double> values)
    {
        double total = 0;
        for (int i = 0; i < values.Length; i++)
        {
            total += values[i];
        }

        return total;
    }

    /// <summary>A running total: what a call into a method of a C# object costs, and making one.</summary>
    [PythonClass]
    public sealed class Counter
    {
        private long _total;

        public Counter(long start) => _total = start;

        /// <summary>Adds n to the total and returns it.</summary>
        [PythonFunction("add")]
        public long Add(long n) => _total += n;
    }
}
