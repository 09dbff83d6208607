using CapsuleGen.Python;

namespace Benchmarks.PythonCalls;

/// <summary>Four trivial functions, so that a Python call into them costs the call path and little else.</summary>
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
}
