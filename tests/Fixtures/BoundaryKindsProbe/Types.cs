using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace BoundaryKinds;

// Each struct has a twin in native/kinds.c, declared as C lays it out; kinds.c checks the size and
// offsets CapsuleGen describes in the capsule's signature with static assertions.

public enum Shape : byte { Circle = 1, Square = 200 }

[System.Flags]
public enum Mask : ulong { Low = 1, High = 1UL << 63 }

public struct Point { public double X; public double Y; }

public struct Mixed { public byte Tag; public long Count; public Point Origin; }

public struct IntFloat { public int A; public float B; }

public struct Floats3 { public float X; public float Y; public float Z; }

public struct Tiny { public byte A; public byte B; public byte C; }

[StructLayout(LayoutKind.Explicit)]
public struct Word
{
    [FieldOffset(0)] public uint Whole;
    [FieldOffset(0)] public ushort Low;
    [FieldOffset(2)] public ushort High;
}

[StructLayout(LayoutKind.Explicit, Pack = 1)]
public struct Misaligned
{
    [FieldOffset(0)] public byte Tag;
    [FieldOffset(1)] public int Value;
}

// Over 16 bytes, a struct goes in memory, so bytes no field covers are no trouble for C.
[StructLayout(LayoutKind.Explicit)]
public struct Gapped
{
    [FieldOffset(0)] public double A;
    [FieldOffset(16)] public double B;
}

[StructLayout(LayoutKind.Sequential, Pack = 2)]
public struct PackTwo { public byte Tag; public long Value; public short Tail; }

[StructLayout(LayoutKind.Sequential, Pack = 1)]
public struct PackOne { public byte Tag; public int Value; }

[StructLayout(LayoutKind.Sequential, Size = 32)]
public record struct Sized(int Id, long Count);

public unsafe struct Named { public fixed ushort Name[5]; public int Length; }

[InlineArray(3)]
public struct Triple { private double _element; }

public unsafe struct Linked
{
    public Linked* Next;
    public delegate* unmanaged[Cdecl]<double, double> Transform;
    public int Id;
}
