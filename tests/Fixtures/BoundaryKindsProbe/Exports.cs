using System.Runtime.InteropServices;
using CapsuleGen;

namespace BoundaryKinds;

/// <summary>
/// One export per kind. Each transforms its argument the way native/kinds.c expects; a struct
/// export first checks every field it received and answers with zeros if one is wrong, so a value
/// garbled on the way in fails as surely as one garbled on the way out.
/// </summary>
public static unsafe partial class Exports
{
    [ExportCapsule("kinds.int8")] public static sbyte Int8(sbyte x) => (sbyte)(x - 1);
    [ExportCapsule("kinds.uint8")] public static byte UInt8(byte x) => (byte)(x + 5);
    [ExportCapsule("kinds.int16")] public static short Int16(short x) => (short)(x * 2);
    [ExportCapsule("kinds.uint16")] public static ushort UInt16(ushort x) => (ushort)(x + 1);
    [ExportCapsule("kinds.int32")] public static int Int32(int x) => x - 1;
    [ExportCapsule("kinds.uint32")] public static uint UInt32(uint x) => x + 1;
    [ExportCapsule("kinds.int64")] public static long Int64(long x) => x * 3;
    [ExportCapsule("kinds.uint64")] public static ulong UInt64(ulong x) => x | 1;
    [ExportCapsule("kinds.intptr")] public static nint IntPtr(nint x) => x - 1;
    [ExportCapsule("kinds.uintptr")] public static nuint UIntPtr(nuint x) => x - 1;
    [ExportCapsule("kinds.float")] public static float Float(float x) => x * 2;
    [ExportCapsule("kinds.double")] public static double Double(double x) => x / 3.0;
    [ExportCapsule("kinds.pointer")] public static double* Pointer(double* x) => x + 2;
    [ExportCapsule("kinds.void_pointer")] public static void* VoidPointer(void* x) => (byte*)x + 1;
    [ExportCapsule("kinds.function_pointer")] public static delegate* unmanaged[Cdecl]<double, double> FunctionPointer(delegate* unmanaged[Cdecl]<double, double> f) => f;
    [ExportCapsule("kinds.enum")] public static Shape Enum(Shape x) => x == Shape.Square ? Shape.Circle : Shape.Square;
    [ExportCapsule("kinds.flags")] public static Mask Flags(Mask x) => x | Mask.High;

    [ExportCapsule("kinds.bool1")]
    [return: MarshalAs(UnmanagedType.U1)]
    public static bool Bool1([MarshalAs(UnmanagedType.U1)] bool x) => !x;

    [ExportCapsule("kinds.bool4")]
    [return: MarshalAs(UnmanagedType.I4)]
    public static bool Bool4([MarshalAs(UnmanagedType.I4)] bool x) => !x;

    [ExportCapsule("kinds.char")]
    [return: MarshalAs(UnmanagedType.U2)]
    public static char Char([MarshalAs(UnmanagedType.U2)] char x) => (char)(x + 1);

    [ExportCapsule("kinds.point")]
    public static Point PointKind(Point p) => p is { X: 1.5, Y: -2.5 } ? new Point { X = p.Y, Y = p.X } : default;

    [ExportCapsule("kinds.mixed")]
    public static Mixed MixedKind(Mixed m) =>
        m is { Tag: 7, Count: 0x1122334455667788, Origin: { X: 1, Y: 2 } } ? new Mixed { Tag = 8, Count = m.Count ^ 0xFF, Origin = new Point { X = 2, Y = 1 } } : default;

    [ExportCapsule("kinds.int_float")]
    public static IntFloat IntFloatKind(IntFloat v) => v is { A: -7, B: 0.5f } ? new IntFloat { A = -14, B = 2 } : default;

    [ExportCapsule("kinds.floats3")]
    public static Floats3 Floats3Kind(Floats3 v) => v is { X: 1, Y: 2, Z: 3 } ? new Floats3 { X = 3, Y = 2, Z = 1 } : default;

    [ExportCapsule("kinds.tiny")]
    public static Tiny TinyKind(Tiny v) => v is { A: 1, B: 2, C: 3 } ? new Tiny { A = 3, B = 2, C = 1 } : default;

    [ExportCapsule("kinds.word")]
    public static Word WordKind(Word w) => w is { Low: 1, High: 3 } ? new Word { Whole = 0x0005_0002 } : default;

    [ExportCapsule("kinds.misaligned")]
    public static Misaligned MisalignedKind(Misaligned m) => m is { Tag: 9, Value: 0x01020304 } ? new Misaligned { Tag = 10, Value = 0x02040608 } : default;

    [ExportCapsule("kinds.gapped")]
    public static Gapped GappedKind(Gapped g) => g is { A: 1.5, B: -4 } ? new Gapped { A = -4, B = 1.5 } : default;

    [ExportCapsule("kinds.pack_two")]
    public static PackTwo PackTwoKind(PackTwo p) => p is { Tag: 1, Value: 0x0102030405060708, Tail: -5 } ? new PackTwo { Tag = 2, Value = p.Value + 1, Tail = -6 } : default;

    [ExportCapsule("kinds.pack_one")]
    public static PackOne PackOneKind(PackOne p) => p is { Tag: 3, Value: -100000 } ? new PackOne { Tag = 4, Value = -200000 } : default;

    [ExportCapsule("kinds.sized")]
    public static Sized SizedKind(Sized s) => s is { Id: 41, Count: 1L << 40 } ? new Sized(42, s.Count + 1) : default;

    [ExportCapsule("kinds.named")]
    public static Named NamedKind(Named n)
    {
        for (int i = 0; i < 5; i++)
        {
            if (n.Name[i] != 'a' + i)
            {
                return default;
            }

            n.Name[i]++;
        }

        return n.Length == 5 ? n with { Length = 6 } : default;
    }

    [ExportCapsule("kinds.triple")]
    public static Triple TripleKind(Triple t)
    {
        if (t[0] != 1.5 || t[1] != -2 || t[2] != 4)
        {
            return default;
        }

        for (int i = 0; i < 3; i++)
        {
            t[i] *= 2;
        }

        return t;
    }

    [ExportCapsule("kinds.linked")]
    public static Linked LinkedKind(Linked l) =>
        l.Next == (Linked*)0x1000 && l.Transform(1) == 3 && l.Id == 7 ? new Linked { Next = l.Next + 1, Transform = l.Transform, Id = 8 } : default;
}
