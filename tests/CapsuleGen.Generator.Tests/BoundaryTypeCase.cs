namespace CapsuleGen.Generator.Tests;

/// <summary>
/// One supported type, exercised through an exported function <c>Echo</c> that transforms its
/// argument, and an importing module that calls it through a capsule and checks the result.
/// </summary>
/// <param name="Name">A short label for the test list.</param>
/// <param name="Type">The C# type of the parameter and the return value.</param>
/// <param name="Transform">The exported body, an expression of <c>value</c>.</param>
/// <param name="Input">The argument the importer passes.</param>
/// <param name="Check">A condition on <c>result</c> that holds only if every bit crossed correctly.</param>
/// <param name="Declarations">Types both modules declare for themselves (as separately built modules do).</param>
/// <param name="ParameterAttribute">Attributes on the parameter, such as <c>MarshalAs</c>.</param>
/// <param name="ReturnAttribute">Attributes on the return value.</param>
/// <param name="CSignature">The C signature the type must produce.</param>
/// <param name="StructLayouts">The struct layouts the capsule's signature must carry, if any.</param>
/// <param name="MinimumVersion">The oldest C# the declarations need.</param>
public sealed record BoundaryTypeCase(
    string Name,
    string Type,
    string Transform,
    string Input,
    string Check,
    string CSignature,
    string Declarations = "",
    string ParameterAttribute = "",
    string ReturnAttribute = "",
    string[]? StructLayouts = null,
    Microsoft.CodeAnalysis.CSharp.LanguageVersion MinimumVersion = Microsoft.CodeAnalysis.CSharp.LanguageVersion.CSharp10)
{
    public override string ToString() => Name;

    public string ExportSource => $$"""
        using System.Runtime.InteropServices;
        using CapsuleGen;

        {{Declarations}}

        public static unsafe partial class Exports
        {
            [ExportCapsule("echo")]
            {{ReturnAttribute}}
            public static {{Type}} Echo({{ParameterAttribute}} {{Type}} value) => {{Transform}};
        }
        """;

    public string ImportSource => $$"""
        using System.Runtime.InteropServices;
        using CapsuleGen;

        {{Declarations}}

        [ImportCapsule("echo")]
        public unsafe partial interface IEcho
        {
            {{ReturnAttribute}}
            {{Type}} Echo({{ParameterAttribute}} {{Type}} value);
        }

        public static unsafe class Driver
        {
            public static string Run(Capsule capsule)
            {
                var binding = new IEcho.Binding(capsule);
                {{Type}} result = binding.Echo({{Input}});
                return ({{Check}}) ? "ok" : "wrong result";
            }
        }
        """;

    public static TheoryData<BoundaryTypeCase> All => new(s_cases);

    public static IReadOnlyList<BoundaryTypeCase> Cases => s_cases;

    private static readonly BoundaryTypeCase[] s_cases =
    [
        new("sbyte", "sbyte", "(sbyte)(value - 1)", "-127", "result == -128", "int8_t (int8_t)"),
        new("byte", "byte", "(byte)(value + 5)", "250", "result == 255", "uint8_t (uint8_t)"),
        new("short", "short", "(short)(value * 2)", "-16000", "result == -32000", "int16_t (int16_t)"),
        new("ushort", "ushort", "(ushort)(value + 1)", "65534", "result == 65535", "uint16_t (uint16_t)"),
        new("int", "int", "value - 1", "-2147483647", "result == int.MinValue", "int (int)"),
        new("uint", "uint", "value + 1u", "4294967294u", "result == uint.MaxValue", "unsigned int (unsigned int)"),
        new("long", "long", "value * 3", "-3074457345618258602L", "result == -9223372036854775806L", "int64_t (int64_t)"),
        new("ulong", "ulong", "value | 1UL", "0xFFFF_FFFF_0000_0000UL", "result == 0xFFFF_FFFF_0000_0001UL", "uint64_t (uint64_t)"),
        new("nint", "nint", "value - 1", "(nint)(-41)", "result == -42", "intptr_t (intptr_t)"),
        new("nuint", "nuint", "value - 1", "nuint.MaxValue", "result == nuint.MaxValue - 1", "uintptr_t (uintptr_t)"),
        new("float", "float", "value * 2f", "1.25f", "result == 2.5f", "float (float)"),
        new("double", "double", "value / 3.0", "1.0", "result == 1.0 / 3.0", "double (double)"),
        new("pointer", "double*", "value + 2", "(double*)0x1000", "result == (double*)0x1010", "double *(double *)"),
        new("void pointer", "void*", "(byte*)value + 1", "(void*)0x7fff0000", "result == (void*)0x7fff0001", "void *(void *)"),
        new(
            "function pointer",
            "delegate* unmanaged[Cdecl]<double, double>",
            "value",
            "&Callbacks.Triple",
            "result(2.5) == 7.5",
            "double (*(double (*)(double)))(double)",
            Declarations: """
                public static class Callbacks
                {
                    [UnmanagedCallersOnly(CallConvs = new[] { typeof(System.Runtime.CompilerServices.CallConvCdecl) })]
                    public static double Triple(double x) => 3 * x;
                }
                """),
        new(
            "enum",
            "Shape",
            "value == Shape.Square ? Shape.Circle : Shape.Square",
            "Shape.Square",
            "result == Shape.Circle",
            "uint8_t (uint8_t)",
            Declarations: "public enum Shape : byte { Circle = 1, Square = 200 }"),
        new(
            "long enum",
            "Mask",
            "value | Mask.High",
            "Mask.Low",
            "result == (Mask.Low | Mask.High)",
            "uint64_t (uint64_t)",
            Declarations: "[System.Flags] public enum Mask : ulong { Low = 1, High = 1UL << 63 }"),
        new(
            "struct",
            "Point",
            "new Point { X = value.Y, Y = value.X }",
            "new Point { X = 1.5, Y = -2.5 }",
            "result.X == -2.5 && result.Y == 1.5",
            "struct Point (struct Point)",
            Declarations: "public struct Point { public double X; public double Y; }"),
        new(
            "struct with padding and nesting",
            "Mixed",
            "new Mixed { Tag = (byte)(value.Tag + 1), Count = value.Count * 2, Origin = new Point { X = value.Origin.Y, Y = value.Origin.X } }",
            "new Mixed { Tag = 7, Count = long.MaxValue / 4, Origin = new Point { X = 1, Y = 2 } }",
            "result.Tag == 8 && result.Count == long.MaxValue / 4 * 2 && result.Origin.X == 2 && result.Origin.Y == 1",
            "struct Mixed (struct Mixed)",
            Declarations: """
                public struct Point { public double X; public double Y; }
                public struct Mixed { public byte Tag; public long Count; public Point Origin; }
                """),
        new(
            "explicit layout with overlapping fields",
            "Word",
            "new Word { Low = (ushort)(value.Low + 1), High = (ushort)(value.High + 2) }",
            "new Word { Whole = 0x0003_0001 }",
            "result.Whole == 0x0005_0002 && result.Bytes0 == 2",
            "struct Word (struct Word)",
            Declarations: """
                [StructLayout(LayoutKind.Explicit)]
                public struct Word
                {
                    [FieldOffset(0)] public uint Whole;
                    [FieldOffset(0)] public ushort Low;
                    [FieldOffset(2)] public ushort High;
                    [FieldOffset(0)] public byte Bytes0;
                }
                """,
            StructLayouts: ["struct Word (4 bytes, align 4) { unsigned int Whole at 0; uint16_t Low at 0; uint16_t High at 2; uint8_t Bytes0 at 0; }"]),
        new(
            "packed struct",
            "Packed",
            "new Packed { Tag = (byte)(value.Tag + 1), Value = value.Value * 2, Tail = (short)(value.Tail - 1) }",
            "new Packed { Tag = 1, Value = long.MaxValue / 4, Tail = -5 }",
            "result.Tag == 2 && result.Value == long.MaxValue / 4 * 2 && result.Tail == -6",
            "struct Packed (struct Packed)",
            Declarations: "[StructLayout(LayoutKind.Sequential, Pack = 2)] public struct Packed { public byte Tag; public long Value; public short Tail; }",
            StructLayouts: ["struct Packed (12 bytes, align 2) { uint8_t Tag at 0; int64_t Value at 2; int16_t Tail at 10; }"]),
        new(
            "fixed buffer, nested struct, enum and pointers",
            "Record",
            "RecordMaker.Make(value)",
            "Record.Sample()",
            "result.Check()",
            "struct Record (struct Record)",
            Declarations: """
                public enum Level : sbyte { Low = -1, High = 1 }
                public struct Inner { public float Weight; public Level Level; }
                public unsafe struct Record
                {
                    public fixed ushort Name[5];
                    public Inner Inner;
                    public Record* Next;
                    public delegate* unmanaged[Cdecl]<double, double> Transform;

                    public static Record Sample()
                    {
                        var record = new Record { Inner = new Inner { Weight = 2.5f, Level = Level.Low }, Next = (Record*)0x1000, Transform = (delegate* unmanaged[Cdecl]<double, double>)0x2000 };
                        for (int i = 0; i < 5; i++) record.Name[i] = (ushort)('a' + i);
                        return record;
                    }

                    public bool Check() =>
                        Name[0] == 'b' && Name[4] == 'f' && Inner.Weight == 5f && Inner.Level == Level.High && Next == (Record*)0x1000 + 1 && (nint)Transform == 0x2000;
                }

                public static unsafe class RecordMaker
                {
                    public static Record Make(Record value)
                    {
                        for (int i = 0; i < 5; i++) value.Name[i]++;
                        value.Inner = new Inner { Weight = value.Inner.Weight * 2, Level = (Level)(-(int)value.Inner.Level) };
                        value.Next++;
                        return value;
                    }
                }
                """,
            StructLayouts:
            [
                "struct Inner (8 bytes, align 4) { float Weight at 0; int8_t Level at 4; }",
                "struct Record (40 bytes, align 8) { uint16_t Name[5] at 0; struct Inner Inner at 12; struct Record *Next at 24; double (*Transform)(double) at 32; }",
            ]),
        new(
            "record struct with a declared size",
            "Sized",
            "value with { Id = value.Id + 1 }",
            "new Sized(41, 7)",
            "result.Id == 42 && result.Count == 7",
            "struct Sized (struct Sized)",
            Declarations: "[StructLayout(LayoutKind.Sequential, Size = 32)] public record struct Sized(int Id, long Count);",
            StructLayouts: ["struct Sized (32 bytes, align 8) { int Id at 0; int64_t Count at 8; }"]),
        new(
            "inline array",
            "Triple",
            "TripleMaker.Twice(value)",
            "Triple.Of(1.5, -2, 4)",
            "result[0] == 3 && result[1] == -4 && result[2] == 8",
            "struct Triple (struct Triple)",
            Declarations: """
                [System.Runtime.CompilerServices.InlineArray(3)]
                public struct Triple
                {
                    private double _element;

                    public static Triple Of(double a, double b, double c) { var triple = new Triple(); triple[0] = a; triple[1] = b; triple[2] = c; return triple; }
                }

                public static class TripleMaker
                {
                    public static Triple Twice(Triple value) { for (int i = 0; i < 3; i++) value[i] *= 2; return value; }
                }
                """,
            StructLayouts: ["struct Triple (24 bytes, align 8) { double _element[3] at 0; }"],
            MinimumVersion: Microsoft.CodeAnalysis.CSharp.LanguageVersion.CSharp12),
        new(
            "one-byte bool",
            "bool",
            "!value",
            "false",
            "result",
            "bool (bool)",
            ParameterAttribute: "[MarshalAs(UnmanagedType.U1)]",
            ReturnAttribute: "[return: MarshalAs(UnmanagedType.U1)]"),
        new(
            "four-byte bool",
            "bool",
            "!value",
            "true",
            "!result",
            "int (int)",
            ParameterAttribute: "[MarshalAs(UnmanagedType.I4)]",
            ReturnAttribute: "[return: MarshalAs(UnmanagedType.I4)]"),
        new(
            "UTF-16 char",
            "char",
            "(char)(value + 1)",
            "'\\u00e9'",
            "result == '\\u00ea'",
            "char16_t (char16_t)",
            ParameterAttribute: "[MarshalAs(UnmanagedType.U2)]",
            ReturnAttribute: "[return: MarshalAs(UnmanagedType.U2)]"),
    ];
}
