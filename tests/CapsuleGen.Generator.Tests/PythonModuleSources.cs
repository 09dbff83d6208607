namespace CapsuleGen.Generator.Tests;

/// <summary>Python modules written in C#, each compiled as the assembly the module is named after.</summary>
internal static class PythonModuleSources
{
    public const string CppDuck = """
        using CapsuleGen;
        using CapsuleGen.Python;

        namespace Samples.PythonModules;

        /// <summary>The seed's duck, as a Python module.</summary>
        [PythonModule("CppDuck")]
        public static partial class CppDuck
        {
            [ExportCapsule("quacker")]
            private static void Quack() { }

            [ExportCapsule("CppDuck.honker")]
            private static void Honk() { }

            [ExportCapsule]
            private static double Square(double x) => x * x;

            [ExportCapsule("spam._C_API")]
            private static partial class Spam
            {
                [CapsuleSlot(0)]
                private static int Add(int a, int b) => a + b;
            }

            /// <summary>The quack, in a capsule named <c>"quacker"</c>.</summary>
            [PythonFunction("getQuack")]
            public static Capsule GetQuack() => QuackCapsule;

            /// <summary>Squares <paramref name="x"/> in C#, as <see cref="Square(double)"/> does for native callers.</summary>
            [PythonFunction]
            public static double square(double x) => Square(x);
        }
        """;

    public const string Bird = """
        using CapsuleGen;
        using CapsuleGen.Python;

        namespace Samples.PythonModules;

        [ImportCapsule("quacker")]
        public partial interface IQuacker
        {
            void Quack() { }
        }

        [PythonModule("Bird")]
        public static partial class Bird
        {
            private static readonly IQuacker.Binding s_quacker = new();

            [PythonFunction("setQuack")]
            public static void SetQuack(Capsule quack) => s_quacker.Bind(quack);

            [PythonFunction("callQuack")]
            public static void CallQuack() => s_quacker.Quack();
        }
        """;

    public const string Conversions = """
        using CapsuleGen;
        using CapsuleGen.Python;

        [PythonModule("Conversions")]
        internal static partial class Conversions
        {
            [PythonFunction]
            private static long Integers(sbyte a, byte b, short c, ushort d, int e, uint f, long g, ulong h, nint i, nuint j) => g;

            [PythonFunction]
            private static ulong Unsigned(ulong value) => value;

            [PythonFunction]
            private static float Floats(float single, double @double) => single;

            [PythonFunction]
            private static bool Not(bool value) => !value;

            [PythonFunction]
            private static string? Texts(string text, string? maybe) => maybe ?? text;

            [PythonFunction]
            private static Capsule? Capsules(Capsule capsule, Capsule? maybe) => maybe ?? capsule;

            [PythonFunction]
            private static PyObject Objects(PyObject args, PyObject? count = null) => args;

            [PythonFunction("with_defaults")]
            private static string Defaults(int required, double scale = 1.5, bool flag = true, string label = "it's", string? none = null, long big = -5000000000) => label;

            [PythonFunction]
            private static double Infinite(double limit = double.PositiveInfinity) => limit;
        }
        """;

    public const string ReleasingGil = """
        using CapsuleGen;
        using CapsuleGen.Python;

        [PythonModule("Releasing")]
        public static partial class Releasing
        {
            [PythonFunction(ReleaseGil = true)]
            public static void Wait(int milliseconds) => System.Threading.Thread.Sleep(milliseconds);

            [PythonFunction("sum", ReleaseGil = true)]
            public static string? Sum(Capsule? result, string released, long count = 3) => released;

            [PythonFunction(ReleaseGil = false)]
            public static double Held(double x) => x;
        }
        """;

    /// <summary>Every way a function takes an array (spans, strided views, a default, with the GIL let go) and returns a tensor.</summary>
    public const string Arrays = """
        using System;
        using CapsuleGen.DLPack;
        using CapsuleGen.Python;

        [PythonModule("Arrays")]
        public static partial class Arrays
        {
            [PythonFunction("sum")]
            public static double Sum(ReadOnlySpan<double> values) => 0;

            [PythonFunction("scale", ReleaseGil = true)]
            public static void Scale(Span<float> values, float factor = 2) { }

            [PythonFunction("trace")]
            public static double Trace(ReadOnlyStridedSpan<double> matrix, StridedSpan<long> valuesArray, ReadOnlySpan<bool> mask = default) => 0;

            [PythonFunction("arange")]
            public static DLPackTensor Arange(int count) => DLPackTensor.FromArray(new double[count]);
        }
        """;

    /// <summary>Obsolete and experimental functions and exported tables, which generated code names on the project's behalf.</summary>
    public const string Deprecated = """
        using System;
        using System.Diagnostics.CodeAnalysis;
        using CapsuleGen;
        using CapsuleGen.Python;

        [Obsolete("Use Fresh.", error: true)]
        public struct Stale { public int Value; }

        [PythonModule("Deprecated")]
        public static partial class Deprecated
        {
            [PythonFunction, Obsolete("Use fresh().", error: true)]
            public static int gone() => 1;

            [PythonFunction, Obsolete]
            public static int old() => 2;

            [PythonFunction, Obsolete("Use fresh().", DiagnosticId = "DEPR1")]
            public static int dated() => 3;

            [PythonFunction, Experimental("DEPR2")]
            public static int trial(double x = 1.5) => 4;

            [ExportCapsule("Deprecated.stale"), Obsolete("Takes a Stale.")]
            private static int TakeStale(Stale stale) => stale.Value;

            [ExportCapsule("Deprecated._retired_API"), Obsolete("Use the new API.", error: true)]
            private static partial class Retired
            {
                [CapsuleSlot(0)] private static int One() => 1;
            }

            [ExportCapsule("Deprecated._dated_API"), Obsolete("Use the new API.")]
            private static partial class Dated
            {
                [CapsuleSlot(0)] private static int One() => 1;
            }

            [ExportCapsule("Deprecated._trial_API"), Experimental("DEPR3")]
            private static partial class Trial
            {
                [CapsuleSlot(0)] private static int One() => 1;
            }
        }
        """;

    /// <summary>A module whose class is also the table of its C API, as CPython's documentation has its <c>spam</c> module do.</summary>
    public const string Spam = """
        using CapsuleGen;
        using CapsuleGen.Python;

        /// <summary>Spam, with a C API for other extensions.</summary>
        [PythonModule("Spam")]
        [ExportCapsule("Spam._C_API")]
        public static partial class Spam
        {
            [CapsuleSlot(0)]
            private static int Count(int items) => items;

            [CapsuleSlot(1)]
            private static double Scale(double x, double factor) => x * factor;

            /// <summary>Counts in C#, as slot 0 does for C callers.</summary>
            [PythonFunction("count")]
            public static int CountFromPython(int items) => Count(items);

            /// <summary>The C API, as PyCapsule_Import("Spam._C_API") finds it.</summary>
            [PythonFunction("api")]
            public static Capsule Api() => SpamCapsule;
        }
        """;

    /// <summary>Types of a module: constructors, methods, attributes, and instances as parameters and results.</summary>
    public const string Classes = """
        using CapsuleGen;
        using CapsuleGen.Python;

        namespace Pond;

        [PythonModule("Pond")]
        public static partial class Pond
        {
            [ExportCapsule("quacker")]
            private static void Quack() { }

            /// <summary>The louder duck.</summary>
            [PythonFunction("louder")]
            public static Duck Louder(Duck first, Duck? second = null) => second ?? first;

            /// <summary>A duck.</summary>
            [PythonClass]
            public sealed class Duck
            {
                public Duck(string name, [KeywordOnly] int volume = 1) => (Name, Volume) = (name, volume);

                /// <summary>Its name.</summary>
                [PythonProperty("name")]
                public string Name { get; }

                [PythonProperty("volume")]
                public int Volume { get; set; }

                [PythonProperty("mate")]
                public Duck? Mate { get; set; }

                [PythonProperty("born")]
                public string Born { get; init; } = "spring";

                /// <summary>Quacks.</summary>
                [PythonFunction("quack")]
                public string Quacks(int times = 1) => "Quack!";

                [PythonFunction("quacker")]
                public Capsule Quacker() => QuackCapsule;

                [PythonFunction("hatch", ReleaseGil = true)]
                public static Duck Hatch(string name) => new(name);

                [PythonFunction("pair", ReleaseGil = true)]
                public Duck? Pair([PositionalOnly] Duck other) => other;

                public override string ToString() => Name;
            }

            /// <summary>Made only by the module.</summary>
            [PythonClass("Egg")]
            internal sealed class HiddenEgg
            {
                private HiddenEgg() => Weight = 1;

                [PythonProperty("weight")]
                public double Weight { get; set; }

                [PythonFunction("lay")]
                public static HiddenEgg Lay() => new();
            }

            [PythonClass]
            public sealed record Point(double X, double Y)
            {
                [PythonProperty("x")] public double X { get; init; } = X;

                [PythonFunction("norm")] public double Norm() => System.Math.Sqrt((X * X) + (Y * Y));
            }
        }
        """;

    public static IEnumerable<(string Source, string Assembly)> All =>
    [
        (CppDuck, "CppDuck"),
        (Bird, "Bird"),
        (Conversions, "Conversions"),
        (ReleasingGil, "Releasing"),
        (Deprecated, "Deprecated"),
        (Spam, "Spam"),
        (Classes, "Pond"),
    ];
}
