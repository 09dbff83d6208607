namespace CapsuleGen.Generator.Tests;

/// <summary>The sources the snapshot tests generate from; other tests reuse them as known-valid code.</summary>
internal static class SnapshotSources
{
    public const string VoidExport = """
        using CapsuleGen;

        namespace Samples.Quack;

        public static partial class CppDuck
        {
            [ExportCapsule("quacker")]
            private static void Quack() => System.Console.WriteLine("C# Quack");
        }
        """;

    public const string EveryTypeExport = """
        using System.Runtime.InteropServices;
        using CapsuleGen;

        namespace Geometry;

        public enum Shape : byte { Circle = 1, Square = 2 }

        public struct Point
        {
            public double X;
            public double Y;
        }

        public static unsafe partial class Everything
        {
            [ExportCapsule("everything.numbers")]
            internal static double Numbers(sbyte a, byte b, short c, ushort d, int e, uint f, long g, ulong h, nint i, nuint j, float k, double l) =>
                (double)a + b + c + d + e + f + g + h + i + j + k + l;

            [ExportCapsule("everything.pointers")]
            public static void* Pointers(int* values, double** rows, void* userData, Point* points) => userData;

            [ExportCapsule("everything.callback")]
            public static double Callback(delegate* unmanaged[Cdecl]<double, double> function, double x) => function(x);

            [ExportCapsule("everything.values")]
            public static Point Values(Shape shape, Point point) => point;

            [ExportCapsule("everything.flags")]
            [return: MarshalAs(UnmanagedType.U1)]
            public static bool Flags([MarshalAs(UnmanagedType.U1)] bool small, [MarshalAs(UnmanagedType.I4)] bool wide, [MarshalAs(UnmanagedType.U2)] char letter) =>
                small && wide && letter == 'x';
        }
        """;

    public const string DefaultNamedExport = """
        using CapsuleGen;

        namespace Integrands;

        public static partial class Functions
        {
            [ExportCapsule]
            public static double Square(double x) => x * x;

            [ExportCapsule]
            public static unsafe double WeightedSum(int n, double* xs, void* userData) => n * xs[0] * *(double*)userData;
        }
        """;

    public const string NestedExportWithFailFast = """
        using CapsuleGen;

        public partial class Outer
        {
            internal partial struct Inner
            {
                [ExportCapsule("outer.checked", OnException = CapsuleExceptionPolicy.FailFast)]
                internal static int Checked(int @event, int exception) => checked(@event + exception);
            }
        }
        """;

    public const string ImportWithDefaultBody = """
        using CapsuleGen;

        namespace Samples.Quack;

        [ImportCapsule("quacker")]
        public partial interface IQuacker
        {
            void Quack() => System.Console.WriteLine("No noise came out.");
        }
        """;

    public const string ImportWithoutDefaultBody = """
        using CapsuleGen;

        namespace Samples.Quack;

        [ImportCapsule("honker")]
        internal partial interface IHonker
        {
            void Honk();
        }
        """;

    public const string ImportWithParametersAndReturn = """
        using System.Runtime.InteropServices;
        using CapsuleGen;

        namespace Integrands;

        [ImportCapsule]
        public unsafe partial interface IIntegrand
        {
            double Evaluate(int n, double* xs, void* userData);
        }

        [ImportCapsule("checks.is_even")]
        public partial interface IEvenCheck
        {
            [return: MarshalAs(UnmanagedType.U1)]
            bool IsEven(long value, [MarshalAs(UnmanagedType.U2)] char target) => value % 2 == 0;
        }
        """;

    public const string TableExport = """
        using CapsuleGen;

        namespace Spam;

        [ExportCapsule("spam._C_API")]
        public static unsafe partial class SpamApi
        {
            [CapsuleSlot(0)]
            private static int Add(int a, int b) => a + b;

            [CapsuleSlot(1)]
            private static double Scale(double x, double factor) => x * factor;

            [CapsuleSlot(3)]
            private static void Fill(double* values, nint count, double value)
            {
                for (nint i = 0; i < count; i++)
                {
                    values[i] = value;
                }
            }

            public static int NotInTheTable() => 0;
        }
        """;

    /// <summary>A C struct table of every kind of field: a string, the size, constants, a readonly value and functions.</summary>
    public const string StructTableExport = """
        using CapsuleGen;

        namespace Spam;

        public enum Mode : short { Fast = 1, Exact = 2 }

        [ExportCapsule("spam._C_STRUCT", Layout = CapsuleLayout.CStruct)]
        public static unsafe partial class SpamStruct
        {
            [CapsuleField]
            public const string Magic = "spam \"C\" API \u00e9";

            [CapsuleField(StructSize = true)]
            public const int Size = 40;

            [CapsuleField]
            public const byte Version = 2;

            [CapsuleField]
            public const Mode DefaultMode = Mode.Exact;

            [CapsuleField]
            private static double Add(double a, double b) => a + b;

            [CapsuleField]
            public static readonly float Scale = 1.5f;

            [CapsuleField]
            private static byte* Name(int code) => null;

            public static int NotInTheTable() => 0;
        }
        """;

    /// <summary>A C struct import of the same table's prefix, with the size field and values of several widths.</summary>
    public const string StructTableImport = """
        using CapsuleGen;

        namespace Spam;

        [ImportCapsule("spam._C_STRUCT", Layout = CapsuleLayout.CStruct)]
        public unsafe partial interface ISpamStruct
        {
            byte* Magic { get; }

            [CapsuleField(StructSize = true)]
            int Size { get; }

            byte Version { get; }

            short DefaultMode { get; }

            double Add(double a, double b) => a + b;
        }
        """;

    public const string DenseTableImport = """
        using CapsuleGen;

        namespace Spam;

        [ImportCapsule("spam._C_API")]
        public unsafe partial interface ISpamApi
        {
            [CapsuleSlot(0)]
            int Add(int a, int b);

            [CapsuleSlot(1)]
            double Scale(double x, double factor) => x * factor;

            [CapsuleSlot(2)]
            void Fill(double* values, nint count, double value);
        }
        """;

    public const string SparseTableImportWithDataSlots = """
        using CapsuleGen;

        namespace Python;

        /// <summary>Four of the fifteen slots of CPython's datetime.datetime_CAPI.</summary>
        [ImportCapsule("datetime.datetime_CAPI")]
        public unsafe partial interface IDateTimeApi
        {
            [CapsuleSlot(0)]
            nint DateType { get; }

            [CapsuleSlot(5)]
            void* TimeZoneUtc => null;

            [CapsuleSlot(6)]
            nint DateFromDate(int year, int month, int day, nint type);

            [CapsuleSlot(9)]
            nint DeltaFromDelta(int days, int seconds, int microseconds, int normalize, nint type);
        }
        """;

    public const string ImportWithStructLayouts = """
        using System.Runtime.InteropServices;
        using CapsuleGen;

        namespace Shapes;

        public enum Shape : byte { Circle = 1, Square = 2 }

        [StructLayout(LayoutKind.Sequential, Pack = 4)]
        public struct Box { public Shape Shape; public double Width; public unsafe Box* Next; }

        /// <summary>Members and parameters named like the binding's own parts, and defaults the binding keeps.</summary>
        [ImportCapsule("shapes._C_API")]
        public unsafe partial interface IShapes
        {
            [CapsuleSlot(0)]
            double Area(Box box, double scale = 1.0, Shape fallback = Shape.Square);

            [CapsuleSlot(1)]
            int Target(Box* boxes, int count, int target = -1);
        }
        """;

    public const string ObsoleteExport = """
        using System;
        using CapsuleGen;

        namespace Legacy;

        [Obsolete("Use Point2.", error: true)]
        public struct Point { public int X; public int Y; }

        public static partial class Geometry
        {
            [Obsolete("Use Length2.")]
            [ExportCapsule("geometry.length")]
            public static double Length(Point point) => Math.Sqrt((point.X * point.X) + (point.Y * point.Y));
        }
        """;

    /// <summary>SciPy's error protocol: the callback sets the flag, and SetPythonError the exception SciPy raises. Compiled with CapsuleGen.Python.</summary>
    public const string ExportSettingPythonError = """
        using System;
        using CapsuleGen;

        namespace Callbacks;

        public static unsafe partial class Integrands
        {
            [ExportCapsule(OnException = CapsuleExceptionPolicy.SetPythonError)]
            public static double Checked(double x, int* errorFlag, void* userData)
            {
                if (x < 0)
                {
                    *errorFlag = 1;
                    throw new ArgumentException("x must not be negative");
                }

                return Math.Sqrt(x);
            }

            [ExportCapsule("callbacks.notify", OnException = CapsuleExceptionPolicy.SetPythonError)]
            public static void Notify(int code) => throw new NotImplementedException();
        }
        """;

    /// <summary>A table whose every slot sets the Python error. Compiled with CapsuleGen.Python.</summary>
    public const string TableExportSettingPythonError = """
        using CapsuleGen;

        namespace Spam;

        [ExportCapsule("spam._C_API", OnException = CapsuleExceptionPolicy.SetPythonError)]
        public static partial class SpamApi
        {
            [CapsuleSlot(0)]
            private static int Divide(int a, int b) => a / b;

            [CapsuleSlot(1)]
            private static float Ratio(float a, float b) => b == 0 ? throw new System.DivideByZeroException() : a / b;
        }
        """;

    /// <summary>Sources that compile only against CapsuleGen.Python too.</summary>
    public static readonly string[] WithPython = [ExportSettingPythonError, TableExportSettingPythonError];

    public static readonly string[] All =
    [
        VoidExport, EveryTypeExport, DefaultNamedExport, NestedExportWithFailFast,
        ImportWithDefaultBody, ImportWithoutDefaultBody, ImportWithParametersAndReturn,
        TableExport, DenseTableImport, SparseTableImportWithDataSlots, ImportWithStructLayouts, ObsoleteExport,
    ];

    /// <summary>
    /// The C struct tables, kept apart from <see cref="All"/>: the robustness test seeds each source's
    /// mutations by its place in its list, so new sources go after the ones it already mutates.
    /// </summary>
    public static readonly string[] StructTables = [StructTableExport, StructTableImport];
}
