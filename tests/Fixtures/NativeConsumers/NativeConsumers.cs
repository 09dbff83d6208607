using System.Runtime.InteropServices;
using CapsuleGen;
using CapsuleGen.Python;

namespace Fixtures.NativeConsumers;

/// <summary>A point C passes by value and behind a pointer.</summary>
public struct Point
{
    public double X;
    public double Y;
}

/// <summary>Capsules for C and Cython: a table of every kind of function, and one function alone.</summary>
[PythonModule("NativeConsumers")]
public static unsafe partial class NativeConsumers
{
    /// <summary>The length of a NUL-terminated UTF-8 string, as C's strlen: the module attribute NativeConsumers.length.</summary>
    [ExportCapsule("NativeConsumers.length")]
    private static int Length(byte* text) => text is null ? -1 : new ReadOnlySpan<byte>(text, int.MaxValue).IndexOf((byte)0);

    /// <summary>A square root that raises Python's ValueError for a negative number: Cython checks for it after each call.</summary>
    [ExportCapsule("NativeConsumers.root", OnException = CapsuleExceptionPolicy.SetPythonError)]
    private static double Root(double x) => x >= 0 ? Math.Sqrt(x) : throw new ArgumentOutOfRangeException(nameof(x), x, "A real square root needs a number of at least 0.");

    /// <summary>A C struct table that starts as C API structs do: a magic string, its size, a version, then functions.</summary>
    [ExportCapsule("NativeConsumers.Versioned", Layout = CapsuleLayout.CStruct)]
    public static partial class Versioned
    {
        [CapsuleField]
        public const string Magic = "NativeConsumers C API";

        [CapsuleField(StructSize = true)]
        public const int Size = 32;

        [CapsuleField]
        public const int Version = 3;

        [CapsuleField]
        private static double Hypot(double a, double b) => Math.Sqrt((a * a) + (b * b));

        [CapsuleField]
        private static int Twice(int x) => 2 * x;
    }

    /// <summary>A table with a gap at slot 2, filled by C# and read by C through the generated struct.</summary>
    [ExportCapsule("NativeConsumers.Api")]
    public static partial class Api
    {
        [CapsuleSlot(0)]
        private static double Add(double a, double b) => a + b;

        [CapsuleSlot(1)]
        private static void Scale(double* values, int count, double factor)
        {
            for (int i = 0; i < count; i++)
            {
                values[i] *= factor;
            }
        }

        [CapsuleSlot(3)]
        private static Point Middle(Point a, Point b) => new() { X = (a.X + b.X) / 2, Y = (a.Y + b.Y) / 2 };

        [CapsuleSlot(4)]
        [return: MarshalAs(UnmanagedType.U1)]
        private static bool IsOrigin(Point* point) => point->X == 0 && point->Y == 0;

        [CapsuleSlot(5)]
        private static long Widen(sbyte a, short b, uint c, [MarshalAs(UnmanagedType.U2)] char d) => a + b + c + d;
    }
}
