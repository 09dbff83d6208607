using System.Globalization;
using System.Numerics;
using System.Runtime.InteropServices;

namespace CapsuleGen.DLPack;

/// <summary>DLPack's <c>DLDataTypeCode</c>: the kind of number an element is.</summary>
public enum DLDataTypeCode : byte
{
    /// <summary>A signed integer.</summary>
    Int = 0,
    /// <summary>An unsigned integer.</summary>
    UInt = 1,
    /// <summary>An IEEE floating-point number.</summary>
    Float = 2,
    /// <summary>An opaque handle.</summary>
    OpaqueHandle = 3,
    /// <summary>A brain floating-point number (bfloat16).</summary>
    Bfloat = 4,
    /// <summary>A complex number: two floats of half the width.</summary>
    Complex = 5,
    /// <summary>A truth value.</summary>
    Bool = 6,
}

/// <summary>
/// DLPack's <c>DLDataType</c>: an element's kind, its width in bits and its vector lanes (one for
/// everything NumPy and torch exchange). Printed as NumPy names dtypes: <c>float64</c>, <c>uint8</c>, <c>bool</c>.
/// </summary>
/// <param name="Code">The kind of number.</param>
/// <param name="Bits">The width of one lane in bits.</param>
/// <param name="Lanes">How many numbers one element holds side by side.</param>
[StructLayout(LayoutKind.Sequential)]
public readonly record struct DLDataType(DLDataTypeCode Code, byte Bits, ushort Lanes = 1)
{
    /// <summary>Whether both name the same kind, width and lanes (compared field by field: this runs on every array argument).</summary>
    public bool Equals(DLDataType other) => Code == other.Code && Bits == other.Bits && Lanes == other.Lanes;

    /// <inheritdoc/>
    public override int GetHashCode() => (int)Code | (Bits << 8) | (Lanes << 16);

    /// <summary>The size of one element in bytes, rounded up (a sub-byte type has no whole-byte size of its own).</summary>
    public int ByteSize => ((Bits * Lanes) + 7) / 8;

    /// <summary>
    /// The data type of a .NET element type: the integer types, <see cref="Half"/>, <see cref="float"/>,
    /// <see cref="double"/>, <see cref="bool"/> (one byte, 0 or 1, as NumPy's <c>bool</c>) and
    /// <see cref="Complex"/> (<c>complex128</c>); null for any other type.
    /// </summary>
    public static DLDataType? Of<T>() where T : unmanaged
    {
        if (typeof(T) == typeof(double)) return new(DLDataTypeCode.Float, 64);
        if (typeof(T) == typeof(float)) return new(DLDataTypeCode.Float, 32);
        if (typeof(T) == typeof(Half)) return new(DLDataTypeCode.Float, 16);
        if (typeof(T) == typeof(long)) return new(DLDataTypeCode.Int, 64);
        if (typeof(T) == typeof(int)) return new(DLDataTypeCode.Int, 32);
        if (typeof(T) == typeof(short)) return new(DLDataTypeCode.Int, 16);
        if (typeof(T) == typeof(sbyte)) return new(DLDataTypeCode.Int, 8);
        if (typeof(T) == typeof(ulong)) return new(DLDataTypeCode.UInt, 64);
        if (typeof(T) == typeof(uint)) return new(DLDataTypeCode.UInt, 32);
        if (typeof(T) == typeof(ushort)) return new(DLDataTypeCode.UInt, 16);
        if (typeof(T) == typeof(byte)) return new(DLDataTypeCode.UInt, 8);
        if (typeof(T) == typeof(nint)) return new(DLDataTypeCode.Int, (byte)(nint.Size * 8));
        if (typeof(T) == typeof(nuint)) return new(DLDataTypeCode.UInt, (byte)(nint.Size * 8));
        if (typeof(T) == typeof(bool)) return new(DLDataTypeCode.Bool, 8);
        if (typeof(T) == typeof(Complex)) return new(DLDataTypeCode.Complex, 128);
        return null;
    }

    /// <summary>The data type of <typeparamref name="T"/>, or an exception saying which types have one.</summary>
    internal static DLDataType Require<T>() where T : unmanaged =>
        ElementType<T>.DataType ?? throw new NotSupportedException(
            $"{typeof(T).Name} is not a DLPack element type; use an integer type, Half, float, double, bool or System.Numerics.Complex.");

    /// <inheritdoc/>
    public override string ToString()
    {
        string kind = Code switch
        {
            DLDataTypeCode.Int => "int",
            DLDataTypeCode.UInt => "uint",
            DLDataTypeCode.Float => "float",
            DLDataTypeCode.Bfloat => "bfloat",
            DLDataTypeCode.Complex => "complex",
            DLDataTypeCode.Bool => "bool",
            DLDataTypeCode.OpaqueHandle => "handle",
            _ => "code " + ((byte)Code).ToString(CultureInfo.InvariantCulture) + "/",
        };
        string name = Code == DLDataTypeCode.Bool && Bits == 8 ? kind : kind + Bits.ToString(CultureInfo.InvariantCulture);
        return Lanes == 1 ? name : name + "x" + Lanes.ToString(CultureInfo.InvariantCulture);
    }
}

/// <summary>
/// An element type's data type and the <c>struct</c>-module letter a buffer of it most often has, worked
/// out once per type: checking an array argument against <c>T</c> runs on every call.
/// </summary>
internal static class ElementType<T> where T : unmanaged
{
    public static readonly DLDataType? DataType = DLDataType.Of<T>();

    /// <summary>The one-letter native format NumPy and <c>array</c> give a buffer of <c>T</c> (<c>d</c>, <c>l</c>, <c>?</c>), or 0.</summary>
    public static readonly byte Format = DataType is { Lanes: 1 } type ? (type.Code, type.Bits) switch
    {
        (DLDataTypeCode.Float, 64) => (byte)'d',
        (DLDataTypeCode.Float, 32) => (byte)'f',
        (DLDataTypeCode.Float, 16) => (byte)'e',
        (DLDataTypeCode.Int, 8) => (byte)'b',
        (DLDataTypeCode.UInt, 8) => (byte)'B',
        (DLDataTypeCode.Int, 16) => (byte)'h',
        (DLDataTypeCode.UInt, 16) => (byte)'H',
        (DLDataTypeCode.Int, 32) => (byte)'i',
        (DLDataTypeCode.UInt, 32) => (byte)'I',
        (DLDataTypeCode.Int, 64) => OperatingSystem.IsWindows() ? (byte)'q' : (byte)'l',
        (DLDataTypeCode.UInt, 64) => OperatingSystem.IsWindows() ? (byte)'Q' : (byte)'L',
        (DLDataTypeCode.Bool, 8) => (byte)'?',
        _ => (byte)0,
    } : (byte)0;
}
