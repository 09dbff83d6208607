using Microsoft.CodeAnalysis.CSharp;

namespace CapsuleGen.Generator.Tests;

/// <summary>
/// Legal C# that once broke the generator or its output: an exporting module, an importing module
/// that does not reference it (its <c>Driver.Run(Capsule[])</c> binds and calls), the capsules to
/// hand over, and the text the driver must return.
/// </summary>
/// <param name="Name">A short label for the test list.</param>
/// <param name="Exporter">The exporting module's source.</param>
/// <param name="Importer">The importing module's source.</param>
/// <param name="Capsules">The generated capsule properties passed to the driver, in order.</param>
/// <param name="Expected">What the driver returns when every value crossed intact.</param>
/// <param name="MinimumVersion">The oldest C# the scenario's own code needs.</param>
public sealed record LegalScenario(
    string Name,
    string Exporter,
    string Importer,
    (string Type, string Property)[] Capsules,
    string Expected,
    LanguageVersion MinimumVersion = LanguageVersion.CSharp10)
{
    public override string ToString() => Name;

    /// <summary>Capsule names no string literal or doc comment may break: line terminators of every kind, control characters, quotes, markup.</summary>
    public static readonly string[] AwkwardCapsuleNames =
    [
        "new\nline", "carriage\rreturn", "next\u0085line", "line\u2028separator", "paragraph\u2029separator",
        "controls\u0001\u001f\u007f", "quote\"and\\backslash", "tab\there", "non-ascii é 漢字 🦆",
        "zero\u200bwidth", "no\u00a0break", "*/ <!-- --> &amp; <summary>", "{0} {{1}}",
    ];

    public static LegalScenario CaseTwins { get; } = new(
        "types and namespaces that differ only in case",
        """
        namespace Api { public static partial class Duck { [CapsuleGen.ExportCapsule("api.quack")] public static int Quack(int x) => x + 1; } }
        namespace API { public static partial class Duck { [CapsuleGen.ExportCapsule("API.quack")] public static int Quack(int x) => x + 2; } }
        public static partial class Geese { [CapsuleGen.ExportCapsule("geese")] public static int Honk(int x) => x + 3; }
        public static partial class GEESE { [CapsuleGen.ExportCapsule("GEESE")] public static int Honk(int x) => x + 4; }
        """,
        """
        namespace Api { [CapsuleGen.ImportCapsule("api.quack")] public partial interface IQuack { int Quack(int x); } }
        namespace API { [CapsuleGen.ImportCapsule("API.quack")] public partial interface IQuack { int Quack(int x); } }
        [CapsuleGen.ImportCapsule("geese")] public partial interface IHonk { int Honk(int x); }
        [CapsuleGen.ImportCapsule("GEESE")] public partial interface IHONK { int Honk(int x); }

        public static class Driver
        {
            public static string Run(CapsuleGen.Capsule[] c) =>
                $"{new Api.IQuack.Binding(c[0]).Quack(10)} {new API.IQuack.Binding(c[1]).Quack(10)} {new IHonk.Binding(c[2]).Honk(10)} {new IHONK.Binding(c[3]).Honk(10)}";
        }
        """,
        [("Api.Duck", "QuackCapsule"), ("API.Duck", "QuackCapsule"), ("Geese", "HonkCapsule"), ("GEESE", "HonkCapsule")],
        "11 12 13 14");

    public static LegalScenario KeywordAndUnicodeNames { get; } = new(
        "keyword, contextual keyword and Unicode identifiers",
        """
        #pragma warning disable CS8860, CS8981
        namespace @class.@event
        {
            public static partial class @struct { [CapsuleGen.ExportCapsule("keywords")] public static int @return(int @in, int @class) => @in * 2 + @class; }
        }

        namespace Ünïcödé
        {
            public static partial class Ωmega { [CapsuleGen.ExportCapsule("unicode")] public static double Δ(double λ, double µ) => λ - µ; }
        }

        public static partial class @record { [CapsuleGen.ExportCapsule("record")] public static int @var(int value) => -value; }
        public static partial class @async { public static partial class @await { [CapsuleGen.ExportCapsule("await")] public static int nameof(int @params, int args) => @params * args; } }
        """,
        """
        #pragma warning disable CS8860, CS8981
        namespace @class.@event { [CapsuleGen.ImportCapsule("keywords")] public partial interface @interface { int @return(int @in, int @class); } }
        namespace Ünïcödé { [CapsuleGen.ImportCapsule("unicode")] public partial interface Ιmport { double Δ(double λ, double µ); } }
        [CapsuleGen.ImportCapsule("record")] public partial interface @record { int @var(int value); }
        [CapsuleGen.ImportCapsule("await")] public partial interface @dynamic { int nameof(int @params, int args); }

        public static class Driver
        {
            public static string Run(CapsuleGen.Capsule[] c) =>
                $"{new @class.@event.@interface.Binding(c[0]).@return(20, 1)} {new Ünïcödé.Ιmport.Binding(c[1]).Δ(2.5, 1)} {new @record.Binding(c[2]).@var(7)} {new @dynamic.Binding(c[3]).nameof(6, 7)}";
        }
        """,
        [("class.event.struct", "returnCapsule"), ("Ünïcödé.Ωmega", "ΔCapsule"), ("record", "varCapsule"), ("async+await", "nameofCapsule")],
        "41 1.5 -7 42");

    public static LegalScenario AwkwardNames { get; } = new(
        "capsule names with line separators, control characters, quotes and markup",
        "public static partial class Names\n{\n" + string.Concat(AwkwardCapsuleNames.Select((name, i) =>
            $"    [CapsuleGen.ExportCapsule({Microsoft.CodeAnalysis.CSharp.SymbolDisplay.FormatLiteral(name, quote: true)})] public static int N{i}(int x) => x + {i};\n")) + "}\n",
        string.Concat(AwkwardCapsuleNames.Select((name, i) =>
            $"[CapsuleGen.ImportCapsule({Microsoft.CodeAnalysis.CSharp.SymbolDisplay.FormatLiteral(name, quote: true)})] public partial interface I{i} {{ int N{i}(int x); }}\n")) +
        "public static class Driver\n{\n    public static string Run(CapsuleGen.Capsule[] c) => string.Join(\" \", new int[] {\n" +
        string.Concat(AwkwardCapsuleNames.Select((_, i) => $"        new I{i}.Binding(c[{i}]).N{i}(100),\n")) + "    });\n}\n",
        AwkwardCapsuleNames.Select((_, i) => ("Names", "N" + i + "Capsule")).ToArray(),
        string.Join(" ", AwkwardCapsuleNames.Select((_, i) => 100 + i)));

    public static LegalScenario GeneratedLookalikes { get; } = new(
        "parameters and members named like the generated code",
        """
        public class Pond
        {
            protected static void ScaleTrampoline() { }
            protected static int CreateToolsTable;
        }

        public partial class Scales : Pond
        {
            [CapsuleGen.ExportCapsule("scale")]
            public static int Scale(int Scale, int target, int _target, int s_fallback, int exception, int capsule, int pointer, int table, int CapsuleName, int Target, int Fallback, int global) =>
                Scale + 2 * target + 3 * _target + 4 * s_fallback + 5 * exception + 6 * capsule + 7 * pointer + 8 * table + 9 * CapsuleName + 10 * Target + 11 * Fallback + 12 * global;

            private static void ScaleTrampoline1() { }
        }

        [CapsuleGen.ExportCapsule("tools")]
        public static partial class Tools
        {
            [CapsuleGen.CapsuleSlot(0)] private static int Target(int x) => x + 1;
            [CapsuleGen.CapsuleSlot(1)] private static int Fallback(int x) => x + 2;
            [CapsuleGen.CapsuleSlot(2)] private static int s_fallback(int x) => x + 3;
            [CapsuleGen.CapsuleSlot(3)] private static int _target(int x) => x + 4;
            [CapsuleGen.CapsuleSlot(4)] private static int s_slots(int x) => x + 5;
            [CapsuleGen.CapsuleSlot(5)] private static int table(int table) => table + 6;
            [CapsuleGen.CapsuleSlot(6)] private static int TargetTrampoline(int x) => x + 7;
            [CapsuleGen.CapsuleSlot(7)] private static int capsule(int x) => x + 8;
            private static void CreateToolsTable() { }
        }
        """,
        """
        [CapsuleGen.ImportCapsule("scale")]
        public partial interface IScale
        {
            int Scale(int Scale, int target, int _target, int s_fallback, int exception, int capsule, int pointer, int table, int CapsuleName, int Target, int Fallback, int global);
        }

        [CapsuleGen.ImportCapsule("tools")]
        public partial interface ITools
        {
            [CapsuleGen.CapsuleSlot(0)] int Target(int x);
            [CapsuleGen.CapsuleSlot(1)] int Fallback(int x);
            [CapsuleGen.CapsuleSlot(2)] int s_fallback(int x);
            [CapsuleGen.CapsuleSlot(3)] int _target(int x);
            [CapsuleGen.CapsuleSlot(4)] int s_slots(int x);
            [CapsuleGen.CapsuleSlot(5)] int table(int table);
            [CapsuleGen.CapsuleSlot(6)] int TargetTrampoline(int Target1);
            [CapsuleGen.CapsuleSlot(7)] int capsule(int x);
        }

        public static class Driver
        {
            public static string Run(CapsuleGen.Capsule[] c)
            {
                var tools = new ITools.Binding(c[1]);
                int scale = new IScale.Binding(c[0]).Scale(1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1);
                return $"{scale} {tools.Target(0)} {tools.Fallback(0)} {tools.s_fallback(0)} {tools._target(0)} {tools.s_slots(0)} {tools.table(0)} {tools.TargetTrampoline(0)} {tools.capsule(0)}";
            }
        }
        """,
        [("Scales", "ScaleCapsule"), ("Tools", "ToolsCapsule")],
        "78 1 2 3 4 5 6 7 8");

    public static LegalScenario ObsoleteAndExperimental { get; } = new(
        "obsolete and experimental members and types, as warnings and as errors",
        """
        #pragma warning disable CS0612, CS0618, OLD001, OLD002, EXP001, EXP002
        using System;
        using System.Diagnostics.CodeAnalysis;

        [Obsolete("old", DiagnosticId = "OLD002")] public struct OldPoint { public int X; }
        [Obsolete("gone", error: true)] public struct GonePoint { public int X; }
        [Experimental("EXP001")] public struct NewPoint { public int X; }

        public static unsafe partial class Legacy
        {
            [Obsolete("use Quack2", DiagnosticId = "OLD001")] [CapsuleGen.ExportCapsule("legacy.quack")] public static int Quack(int x) => x + 1;
            [Obsolete("gone", true)] [CapsuleGen.ExportCapsule("legacy.gone")] public static int Gone(int x) => x + 2;
            [CapsuleGen.ExportCapsule("legacy.old")] public static int Old(OldPoint p) => p.X + 3;
            [Obsolete] [CapsuleGen.ExportCapsule("legacy.gone_point")] public static int GoneX(GonePoint* p) => p->X + 4;
            [Experimental("EXP002")] [CapsuleGen.ExportCapsule("legacy.new")] public static int New(NewPoint p) => p.X + 5;
        }

        [CapsuleGen.ExportCapsule("legacy.table")]
        public static unsafe partial class LegacyTable
        {
            [CapsuleGen.CapsuleSlot(0)] [Obsolete] private static int Gone(GonePoint p) => p.X + 6;
            [CapsuleGen.CapsuleSlot(1)] private static int Old(OldPoint* p) => p->X + 7;
        }
        """,
        """
        #pragma warning disable CS0612, CS0618, OLD002, EXP001, EXP002
        using System;
        using System.Diagnostics.CodeAnalysis;

        [Obsolete("old", DiagnosticId = "OLD002")] public struct OldPoint { public int X; }
        [Obsolete("gone", error: true)] public struct GonePoint { public int X; }
        [Experimental("EXP001")] public struct NewPoint { public int X; }

        [CapsuleGen.ImportCapsule("legacy.quack")] public partial interface IQuack { [Obsolete("use Quack2")] int Quack(int x); }
        [CapsuleGen.ImportCapsule("legacy.gone")] public partial interface IGone { [Obsolete("gone", true)] int Gone(int x); }
        [CapsuleGen.ImportCapsule("legacy.old")] public partial interface IOld { int Old(OldPoint p); }
        [CapsuleGen.ImportCapsule("legacy.gone_point")] public unsafe partial interface IGonePoint { [Obsolete] int GoneX(GonePoint* p); }
        [CapsuleGen.ImportCapsule("legacy.new")] public partial interface INew { [Experimental("EXP002")] int New(NewPoint p); }
        [Obsolete] [CapsuleGen.ImportCapsule("legacy.table")]
        public unsafe partial interface ILegacyTable
        {
            [CapsuleGen.CapsuleSlot(0)] int Gone(GonePoint p);
            [CapsuleGen.CapsuleSlot(1)] int Old(OldPoint* p);
        }

        public static unsafe class Driver
        {
            [Obsolete]
            public static string Run(CapsuleGen.Capsule[] c)
            {
                var gone = new GonePoint { X = 10 };
                var old = new OldPoint { X = 10 };
                var table = new ILegacyTable.Binding(c[5]);
                return $"{new IQuack.Binding(c[0]).Quack(10)} {new IGone.Binding(c[1]).Gone(10)} {new IOld.Binding(c[2]).Old(old)} {new IGonePoint.Binding(c[3]).GoneX(&gone)} {new INew.Binding(c[4]).New(new NewPoint { X = 10 })} {table.Gone(gone)} {table.Old(&old)}";
            }
        }
        """,
        [("Legacy", "QuackCapsule"), ("Legacy", "GoneCapsule"), ("Legacy", "OldCapsule"), ("Legacy", "GoneXCapsule"), ("Legacy", "NewCapsule"), ("LegacyTable", "LegacyTableCapsule")],
        "11 12 13 14 15 16 17");

    public static LegalScenario PartialMethods { get; } = new(
        "partial methods with the attribute on either part, and an extension method",
        """
        public static partial class Parts
        {
            [CapsuleGen.ExportCapsule("parts.defined")] public static partial int Defined(int x);
            public static partial int Defined(int x) => x * 3;

            public static partial int Implemented(int x);
            [CapsuleGen.ExportCapsule("parts.implemented")] public static partial int Implemented(int x) => x * 4;

            // A classic extension method is an ordinary static method, and exports like one.
            [CapsuleGen.ExportCapsule("parts.extension")] public static int Extended(this int x) => x * 5;
        }
        """,
        """
        [CapsuleGen.ImportCapsule("parts.defined")] public partial interface IDefined { int Defined(int x); }
        [CapsuleGen.ImportCapsule("parts.implemented")] public partial interface IImplemented { int Implemented(int x); }
        [CapsuleGen.ImportCapsule("parts.extension")] public partial interface IExtended { int Extended(int x); }

        public static class Driver
        {
            public static string Run(CapsuleGen.Capsule[] c) => $"{new IDefined.Binding(c[0]).Defined(5)} {new IImplemented.Binding(c[1]).Implemented(5)} {new IExtended.Binding(c[2]).Extended(5)}";
        }
        """,
        [("Parts", "DefinedCapsule"), ("Parts", "ImplementedCapsule"), ("Parts", "ExtendedCapsule")],
        "15 20 25");

    public static LegalScenario DefaultValues { get; } = new(
        "default parameter values on the imported member",
        """
        using System.Runtime.InteropServices;
        public enum Shape : short { Circle = 1, Square = 2 }
        public static partial class Combiner
        {
            [CapsuleGen.ExportCapsule("combine")]
            public static double Combine(double x, int y, Shape shape, [MarshalAs(UnmanagedType.U1)] bool flag, [MarshalAs(UnmanagedType.U2)] char letter, nint count, float missing, int line) =>
                x + 10 * y + 100 * (int)shape + (flag ? 1000 : 0) + 10_000 * letter + 100_000_000.0 * count + (float.IsNaN(missing) ? 1e9 : 0) + (line > 0 ? 1e10 : 0);
        }
        """,
        """
        using System.Runtime.InteropServices;
        public enum Shape : short { Circle = 1, Square = 2 }
        [CapsuleGen.ImportCapsule("combine")]
        public partial interface ICombiner
        {
            double Combine(double x = 1.5, int y = -2, Shape shape = Shape.Square, [MarshalAs(UnmanagedType.U1)] bool flag = true, [MarshalAs(UnmanagedType.U2)] char letter = 'é',
                nint count = 7, float missing = float.NaN, [System.Runtime.CompilerServices.CallerLineNumber] int line = 0);
        }

        public static class Driver
        {
            public static string Run(CapsuleGen.Capsule[] c) =>
                new ICombiner.Binding(c[0]).Combine().ToString(System.Globalization.CultureInfo.InvariantCulture);
        }
        """,
        [("Combiner", "CombineCapsule")],
        (1.5 - 20 + 200 + 1000 + (10_000.0 * 'é') + 700_000_000.0 + 1e9 + 1e10).ToString(System.Globalization.CultureInfo.InvariantCulture));

    public static LegalScenario EveryImplementableAccessibility { get; } = new(
        "interface members the binding implements at every accessibility it can",
        """
        [CapsuleGen.ExportCapsule("access")]
        public static partial class Access
        {
            [CapsuleGen.CapsuleSlot(0)] private static int Public(int x) => x + 1;
            [CapsuleGen.CapsuleSlot(1)] private static int Internal(int x) => x + 2;
            [CapsuleGen.CapsuleSlot(2)] private static int Protected(int x) => x + 3;
            [CapsuleGen.CapsuleSlot(3)] private static int ProtectedInternal(int x) => x + 4;
            [CapsuleGen.CapsuleSlot(4)] private static int PrivateProtected(int x) => x + 5;
            [CapsuleGen.CapsuleSlot(5)] private static void Extra() { }
        }
        """,
        """
        [CapsuleGen.ImportCapsule("access")]
        public partial interface IAccess
        {
            [CapsuleGen.CapsuleSlot(0)] public int Public(int x);
            [CapsuleGen.CapsuleSlot(1)] internal int Internal(int x);
            [CapsuleGen.CapsuleSlot(2)] protected int Protected(int x);
            [CapsuleGen.CapsuleSlot(3)] protected internal int ProtectedInternal(int x);
            [CapsuleGen.CapsuleSlot(4)] private protected int PrivateProtected(int x);
            [CapsuleGen.CapsuleSlot(5)] virtual nint Data { get => 42; }
        }

        public static class Driver
        {
            public static string Run(CapsuleGen.Capsule[] c)
            {
                IAccess access = new IAccess.Binding(c[0]);
                // Protected members can be called only by the interface and interfaces derived from it.
                return $"{access.Public(0)} {access.Internal(0)} {access.ProtectedInternal(0)} {access.Data != 42}";
            }
        }
        """,
        [("Access", "AccessCapsule")],
        "1 2 4 True");

    public static LegalScenario StaticInterfaceMembers { get; } = new(
        "static abstract and static virtual members around an export and an import",
        """
        public interface IMaker { static abstract int Make(int x); static virtual int Twice(int x) => 2 * x; }
        public partial class Maker : IMaker
        {
            public static int Make(int x) => x + 1;

            [CapsuleGen.ExportCapsule("maker.make")] public static int Export(int x) => Make(x) + IMakerHelpers.Call<Maker>(x);
        }

        public static class IMakerHelpers { public static int Call<T>(int x) where T : IMaker => T.Twice(x); }
        """,
        """
        [CapsuleGen.ImportCapsule("maker.make")]
        public partial interface IMake
        {
            int Export(int x);
        }

        public static class Driver
        {
            public static string Run(CapsuleGen.Capsule[] c) => new IMake.Binding(c[0]).Export(10).ToString(System.Globalization.CultureInfo.InvariantCulture);
        }
        """,
        [("Maker", "ExportCapsule")],
        "31",
        LanguageVersion.CSharp11);

    public static LegalScenario LowerCaseTypeNames { get; } = new(
        "type names of lower-case letters, which C# warns about where they are declared",
        """
        #pragma warning disable CS8981
        namespace pond
        {
            public static partial class duck { [CapsuleGen.ExportCapsule("duck.quack")] public static int quack(int x) => x + 1; }
            public static partial class outer { public static partial class inner { [CapsuleGen.ExportCapsule("inner.quack")] public static int quack(int x) => x + 2; } }
        }
        """,
        """
        #pragma warning disable CS8981
        namespace pond
        {
            [CapsuleGen.ImportCapsule("duck.quack")] public partial interface iq { int quack(int x); }
            public static partial class outer { [CapsuleGen.ImportCapsule("inner.quack")] public partial interface iq { int quack(int x); } }
        }

        public static class Driver
        {
            public static string Run(CapsuleGen.Capsule[] c) => $"{new pond.iq.Binding(c[0]).quack(10)} {new pond.outer.iq.Binding(c[1]).quack(10)}";
        }
        """,
        [("pond.duck", "quackCapsule"), ("pond.outer+inner", "quackCapsule")],
        "11 12");

    public static LegalScenario NativeIntegerNamesTaken { get; } = new(
        "nint and nuint naming other types: a type in the namespace, a global using alias, a global using of a namespace",
        """
        #pragma warning disable CS8981
        global using nuint = System.Int64;
        global using Shadows;
        using System;

        namespace Shadows { public struct nint { } }
        namespace Pond
        {
            public struct nint { }

            public static unsafe partial class Duck
            {
                [CapsuleGen.ExportCapsule("pond.add")]
                public static IntPtr Add(IntPtr a, UIntPtr b, IntPtr* c, delegate* unmanaged[Cdecl]<IntPtr, UIntPtr> d) => a + (IntPtr)b + *c + (IntPtr)d(a);
            }
        }

        namespace Lake
        {
            [CapsuleGen.ExportCapsule("lake.api")]
            public static unsafe partial class Api
            {
                [CapsuleGen.CapsuleSlot(1)] private static UIntPtr Twice(UIntPtr x) => x + x;
            }
        }
        """,
        """
        #pragma warning disable CS8981
        global using nuint = System.Int64;
        global using Shadows;
        using System;

        namespace Shadows { public struct nint { } }
        namespace Pond
        {
            public struct nint { }

            [CapsuleGen.ImportCapsule("pond.add")]
            public unsafe partial interface IAdd { IntPtr Add(IntPtr a, UIntPtr b, IntPtr* c, delegate* unmanaged[Cdecl]<IntPtr, UIntPtr> d); }
        }

        namespace Lake
        {
            [CapsuleGen.ImportCapsule("lake.api")]
            public unsafe partial interface IApi
            {
                [CapsuleGen.CapsuleSlot(0)] IntPtr Size { get; }
                [CapsuleGen.CapsuleSlot(1)] UIntPtr Twice(UIntPtr x = 4);
            }
        }

        public static unsafe class Driver
        {
            [System.Runtime.InteropServices.UnmanagedCallersOnly(CallConvs = new[] { typeof(System.Runtime.CompilerServices.CallConvCdecl) })]
            private static UIntPtr Identity(IntPtr x) => (UIntPtr)x;

            public static string Run(CapsuleGen.Capsule[] c)
            {
                IntPtr three = 3;
                var api = new Lake.IApi.Binding(c[1]);
                return $"{new Pond.IAdd.Binding(c[0]).Add(1, 2, &three, &Identity)} {api.Twice()} {api.Size}";
            }
        }
        """,
        [("Pond.Duck", "AddCapsule"), ("Lake.Api", "ApiCapsule")],
        "7 8 0");

    public static LegalScenario OverloadedImports { get; } = new(
        "overloaded methods in an imported table, and a member named like another's entry field",
        """
        [CapsuleGen.ExportCapsule("spam")]
        public static partial class Spam
        {
            [CapsuleGen.CapsuleSlot(0)] private static int Whole(int a) => a + 1;
            [CapsuleGen.CapsuleSlot(1)] private static int Real(double a) => (int)(a * 10);
            [CapsuleGen.CapsuleSlot(2)] private static int Entry(int a) => a + 3;
        }
        """,
        """
        [CapsuleGen.ImportCapsule("spam")]
        public partial interface ISpam
        {
            [CapsuleGen.CapsuleSlot(0)] int F(int a);
            [CapsuleGen.CapsuleSlot(1)] int F(double a);
            [CapsuleGen.CapsuleSlot(2)] int FEntry(int a);
        }

        public static class Driver
        {
            public static string Run(CapsuleGen.Capsule[] c)
            {
                var spam = new ISpam.Binding(c[0]);
                return $"{spam.F(1)} {spam.F(2.5)} {spam.FEntry(1)}";
            }
        }
        """,
        [("Spam", "SpamCapsule")],
        "2 25 4");

    public static LegalScenario OverloadedExports { get; } = new(
        "overloads with one native signature, in a table and exported alone beside it",
        """
        using System.Runtime.InteropServices;

        [CapsuleGen.ExportCapsule("both.slots")]
        public static partial class BothSlots
        {
            [CapsuleGen.CapsuleSlot(0)] private static int Q(int x) => x + 1;
            [CapsuleGen.CapsuleSlot(1)] private static int Q([MarshalAs(UnmanagedType.I4)] bool x) => x ? 20 : 30;
        }

        [CapsuleGen.ExportCapsule("slot.and.single")]
        public static partial class SlotAndSingle
        {
            [CapsuleGen.CapsuleSlot(0)] private static int Q(int x) => x + 2;
            [CapsuleGen.ExportCapsule("single")] public static int Q([MarshalAs(UnmanagedType.I4)] bool x) => x ? 40 : 50;
            private static void QTrampoline1() { }
        }
        """,
        """
        using System.Runtime.InteropServices;

        [CapsuleGen.ImportCapsule("both.slots")]
        public partial interface IBothSlots
        {
            [CapsuleGen.CapsuleSlot(0)] int Q(int x);
            [CapsuleGen.CapsuleSlot(1)] int Q([MarshalAs(UnmanagedType.I4)] bool x);
        }

        [CapsuleGen.ImportCapsule("slot.and.single")] public partial interface ISlot { [CapsuleGen.CapsuleSlot(0)] int Q(int x); }
        [CapsuleGen.ImportCapsule("single")] public partial interface ISingle { int Q([MarshalAs(UnmanagedType.I4)] bool x); }

        public static class Driver
        {
            public static string Run(CapsuleGen.Capsule[] c)
            {
                var both = new IBothSlots.Binding(c[0]);
                return $"{both.Q(1)} {both.Q(true)} {new ISlot.Binding(c[1]).Q(1)} {new ISingle.Binding(c[2]).Q(false)}";
            }
        }
        """,
        [("BothSlots", "BothSlotsCapsule"), ("SlotAndSingle", "SlotAndSingleCapsule"), ("SlotAndSingle", "QCapsule")],
        "2 20 3 50");

    public static LegalScenario GeneratedMembersOfEveryKindOfType { get; } = new(
        "a derived class exporting a base export's name, protected exports in sealed types, nested tables of every accessibility",
        """
        public partial class Base
        {
            [CapsuleGen.ExportCapsule("base.quack")] public static int Quack(int x) => x + 1;
            [CapsuleGen.ExportCapsule("base.honk")] protected static int Honk(int x) => x + 2;
            [CapsuleGen.ExportCapsule("base.peep")] private static int Peep(int x) => x + 3;
        }

        public partial class Derived : Base
        {
            [CapsuleGen.ExportCapsule("derived.quack")] public static new int Quack(int x) => x + 10;
            [CapsuleGen.ExportCapsule("derived.honk")] protected static new int Honk(int x) => x + 20;
            [CapsuleGen.ExportCapsule("derived.peep")] private static int Peep(int x) => x + 30;
            public static CapsuleGen.Capsule GetHonk() => HonkCapsule;
        }

        [CapsuleGen.ExportCapsule("sub.table")]
        public partial class Sub : Table { [CapsuleGen.CapsuleSlot(0)] private static int Twice(int x) => 2 * x; }

        [CapsuleGen.ExportCapsule("table")]
        public partial class Table { [CapsuleGen.CapsuleSlot(0)] private static int Half(int x) => x / 2; }

        namespace Other { [CapsuleGen.ExportCapsule("other.table")] public partial class Table : global::Table { [CapsuleGen.CapsuleSlot(0)] private static int Third(int x) => x / 3; } }

        #pragma warning disable CS0628 // the user's own protected members in a sealed class
        public sealed partial class Sealed
        {
            [CapsuleGen.ExportCapsule("sealed.protected")] protected static int Protected(int x) => x + 4;
            [CapsuleGen.ExportCapsule("sealed.protected_internal")] protected internal static int ProtectedInternal(int x) => x + 5;
            [CapsuleGen.ExportCapsule("sealed.private_protected")] private protected static int PrivateProtected(int x) => x + 6;
            public static CapsuleGen.Capsule[] All() => new[] { ProtectedCapsule, ProtectedInternalCapsule, PrivateProtectedCapsule };
        }

        public partial class Outer
        {
            [CapsuleGen.ExportCapsule("outer.protected")]
            protected static partial class ProtectedTable { [CapsuleGen.CapsuleSlot(0)] private static int Inc(int x) => x + 7; }

            [CapsuleGen.ExportCapsule("outer.private")]
            private static partial class PrivateTable { [CapsuleGen.CapsuleSlot(0)] private static int Inc(int x) => x + 8; }

            public static CapsuleGen.Capsule[] All() => new[] { ProtectedTable.ProtectedTableCapsule, PrivateTable.PrivateTableCapsule };
        }
        """,
        """
        [CapsuleGen.ImportCapsule("base.quack")] public partial interface IBaseQuack { int Quack(int x); }
        [CapsuleGen.ImportCapsule("derived.quack")] public partial interface IDerivedQuack { int Quack(int x); }
        [CapsuleGen.ImportCapsule("derived.honk")] public partial interface IDerivedHonk { int Honk(int x); }
        [CapsuleGen.ImportCapsule("derived.peep")] public partial interface IDerivedPeep { int Peep(int x); }
        [CapsuleGen.ImportCapsule("table")] public partial interface ITable { [CapsuleGen.CapsuleSlot(0)] int F(int x); }
        [CapsuleGen.ImportCapsule("other.table")] public partial interface IOtherTable { [CapsuleGen.CapsuleSlot(0)] int F(int x); }
        [CapsuleGen.ImportCapsule("sealed.protected")] public partial interface ISealed { int F(int x); }
        [CapsuleGen.ImportCapsule("outer.private")] public partial interface IOuter { [CapsuleGen.CapsuleSlot(0)] int F(int x); }

        public static class Driver
        {
            public static string Run(CapsuleGen.Capsule[] c) =>
                $"{new IBaseQuack.Binding(c[0]).Quack(0)} {new IDerivedQuack.Binding(c[1]).Quack(0)} {new IDerivedHonk.Binding(c[2]).Honk(0)} {new IDerivedPeep.Binding(c[3]).Peep(0)} " +
                $"{new ITable.Binding(c[4]).F(12)} {new IOtherTable.Binding(c[5]).F(12)} {new ISealed.Binding(c[6]).F(0)} {new IOuter.Binding(c[7]).F(0)}";
        }
        """,
        [
            ("Base", "QuackCapsule"), ("Derived", "QuackCapsule"), ("Derived", "HonkCapsule"), ("Derived", "PeepCapsule"),
            ("Table", "TableCapsule"), ("Other.Table", "TableCapsule"), ("Sealed", "ProtectedCapsule"), ("Outer+PrivateTable", "PrivateTableCapsule"),
        ],
        "1 10 20 30 6 4 4 8");

    public static LegalScenario ClsCompliantAssemblies { get; } = new(
        "CLS-compliant assemblies, which C# checks in every generated file too",
        """
        [assembly: System.CLSCompliant(true)]
        #pragma warning disable CS3001, CS3002, CS3003, CS3005, CS3008 // the project's own declarations

        public static unsafe partial class Duck
        {
            [CapsuleGen.ExportCapsule("duck.add")] public static uint Add(uint a, nuint b, int* c) => a + (uint)b + (uint)*c;
            [CapsuleGen.ExportCapsule("duck.quack")] public static int Quack(int x) => x + 1;
            [CapsuleGen.ExportCapsule("duck.lower")] public static int quack(int x) => x + 2;
            [CapsuleGen.ExportCapsule("duck.underscore")] public static int _quack(int x) => x + 3;
        }

        [CapsuleGen.ExportCapsule("spam")]
        public static partial class Spam { [CapsuleGen.CapsuleSlot(0)] private static ulong Twice(ulong x) => 2 * x; }
        """,
        """
        [assembly: System.CLSCompliant(true)]
        #pragma warning disable CS3001, CS3002, CS3003 // the project's own declarations

        [CapsuleGen.ImportCapsule("duck.add")] public unsafe partial interface IAdd { uint Add(uint a, nuint b, int* c); }
        [CapsuleGen.ImportCapsule("spam")] public partial interface ISpam { [CapsuleGen.CapsuleSlot(0)] ulong Twice(ulong x); }
        [CapsuleGen.ImportCapsule("spam")] public partial interface ISpamData { [CapsuleGen.CapsuleSlot(0)] nuint Raw { get; } }

        public static unsafe class Driver
        {
            public static string Run(CapsuleGen.Capsule[] c)
            {
                int three = 3;
                return $"{new IAdd.Binding(c[0]).Add(1, 2, &three)} {new ISpam.Binding(c[1]).Twice(21)}";
            }
        }
        """,
        [("Duck", "AddCapsule"), ("Spam", "SpamCapsule")],
        "6 42");

    public static LegalScenario ClsCompliantTypes { get; } = new(
        "types marked CLS-compliant in assemblies that are not, whose every partial part C# checks",
        """
        #pragma warning disable CS3014, CS3001, CS3002, CS3003 // the project's own declarations

        [System.CLSCompliant(true)]
        public static partial class Duck { [CapsuleGen.ExportCapsule("duck.add")] public static uint Add(uint a) => a + 1; }
        """,
        """
        #pragma warning disable CS3014, CS3001, CS3002 // the project's own declarations

        [System.CLSCompliant(true)]
        public static partial class Outer { [CapsuleGen.ImportCapsule("duck.add")] public partial interface IAdd { uint Add(uint a); } }

        public static class Driver
        {
            public static string Run(CapsuleGen.Capsule[] c) => new Outer.IAdd.Binding(c[0]).Add(1).ToString(System.Globalization.CultureInfo.InvariantCulture);
        }
        """,
        [("Duck", "AddCapsule")],
        "2");

    public static LegalScenario TypesLessAccessibleThanTheBinding { get; } = new(
        "internal members of a public imported interface that name internal types",
        """
        internal struct Hidden { public int X; public static Hidden Of(int x) => new() { X = x }; }

        [CapsuleGen.ExportCapsule("hidden")]
        internal static unsafe partial class Hider
        {
            [CapsuleGen.CapsuleSlot(0)] private static int Get(Hidden h) => h.X + 1;
            [CapsuleGen.CapsuleSlot(1)] private static int Read(Hidden* h) => h->X + 2;
        }
        """,
        """
        internal struct Hidden { public int X; public static Hidden Of(int x) => new() { X = x }; }

        [CapsuleGen.ImportCapsule("hidden")]
        public unsafe partial interface IHidden
        {
            [CapsuleGen.CapsuleSlot(0)] internal int Get(Hidden h);
            [CapsuleGen.CapsuleSlot(1)] internal int Read(Hidden* h) => -1;
        }

        [CapsuleGen.ImportCapsule("hidden")]
        public unsafe partial interface IHiddenData { [CapsuleGen.CapsuleSlot(0)] internal Hidden* Raw { get; } }

        public static unsafe class Driver
        {
            public static string Run(CapsuleGen.Capsule[] c)
            {
                IHidden hidden = new IHidden.Binding(c[0]);
                Hidden h = Hidden.Of(10);
                IHidden unbound = new IHidden.Binding();
                IHiddenData data = new IHiddenData.Binding(c[0]);
                return $"{hidden.Get(h)} {hidden.Read(&h)} {unbound.Read(&h)} {data.Raw != null}";
            }
        }
        """,
        [("Hider", "HiderCapsule")],
        "11 12 -1 True");

    public static IReadOnlyList<LegalScenario> All { get; } =
    [
        CaseTwins, KeywordAndUnicodeNames, AwkwardNames, GeneratedLookalikes, ObsoleteAndExperimental, PartialMethods, DefaultValues,
        EveryImplementableAccessibility, StaticInterfaceMembers, LowerCaseTypeNames,
        NativeIntegerNamesTaken, OverloadedImports, OverloadedExports, GeneratedMembersOfEveryKindOfType,
        ClsCompliantAssemblies, ClsCompliantTypes, TypesLessAccessibleThanTheBinding,
    ];
}
