using System.Runtime.InteropServices;
using CapsuleGen.DLPack;

namespace CapsuleGen.Python.Arrays;

/// <summary>
/// Reads a buffer's <c>struct</c>-module format (<c>d</c>, <c>&lt;f</c>, <c>?</c>, <c>Zd</c>) as the DLPack data type
/// it describes, so that a buffer and a DLPack tensor are checked against <c>T</c> by the same rule. Parsing
/// reads the bytes in place and allocates nothing: it runs on every call that takes an array.
/// </summary>
internal static unsafe class BufferFormat
{
    /// <summary>The data type of a one-element format in this machine's byte order with items of <paramref name="itemSize"/> bytes, or null.</summary>
    public static DLDataType? Parse(byte* format, nint itemSize)
    {
        if (format == null)
        {
            return itemSize == 1 ? new DLDataType(DLDataTypeCode.UInt, 8) : null; // no format: unsigned bytes
        }

        byte* next = format;
        bool native = true;
        if (*next is (byte)'@' or (byte)'=' or (byte)'<' or (byte)'>' or (byte)'!')
        {
            bool little = *next == '<' || (*next is (byte)'@' or (byte)'=' && BitConverter.IsLittleEndian);
            if (little != BitConverter.IsLittleEndian)
            {
                return null;
            }

            native = *next == '@';
            next++;
        }

        if (*next == '1' && next[1] != 0)
        {
            next++; // an explicit count of one
        }

        bool complex = *next == 'Z';
        if (complex)
        {
            next++;
        }

        if (*next == 0 || next[1] != 0)
        {
            return null;
        }

        DLDataType? type = Single((char)*next, native);
        if (type is { } simple && complex)
        {
            type = simple.Code == DLDataTypeCode.Float ? new DLDataType(DLDataTypeCode.Complex, (byte)(simple.Bits * 2)) : null;
        }

        return type is { } parsed && parsed.ByteSize == itemSize ? parsed : null;
    }

    /// <summary>What a buffer holds, for a message: <c>an array of float64</c>, or its format when that names no data type.</summary>
    public static string Describe(byte* format, nint itemSize)
    {
        if (Parse(format, itemSize) is { } type)
        {
            return $"an array of {type}";
        }

        string text = format == null ? "B" : Marshal.PtrToStringUTF8((nint)format) ?? "B";
        bool foreignOrder = text.Length > 0 && (text[0] == '>' || text[0] == '!') == BitConverter.IsLittleEndian && text[0] is '<' or '>' or '!';
        return foreignOrder ? $"an array of format '{text}' (byte order not this machine's)" : $"an array of format '{text}' with {itemSize}-byte items";
    }

    /// <summary>One format character; <paramref name="native"/> sizes follow C on this platform (a <c>long</c> is 4 bytes on Windows).</summary>
    private static DLDataType? Single(char code, bool native)
    {
        byte longBits = (byte)(native ? (OperatingSystem.IsWindows() ? 32 : nint.Size * 8) : 32);
        return code switch
        {
            'b' => new(DLDataTypeCode.Int, 8),
            'B' or 'c' => new(DLDataTypeCode.UInt, 8),
            'h' => new(DLDataTypeCode.Int, 16),
            'H' => new(DLDataTypeCode.UInt, 16),
            'i' => new(DLDataTypeCode.Int, 32),
            'I' => new(DLDataTypeCode.UInt, 32),
            'l' => new(DLDataTypeCode.Int, longBits),
            'L' => new(DLDataTypeCode.UInt, longBits),
            'q' => new(DLDataTypeCode.Int, 64),
            'Q' => new(DLDataTypeCode.UInt, 64),
            'n' when native => new(DLDataTypeCode.Int, (byte)(nint.Size * 8)),
            'N' when native => new(DLDataTypeCode.UInt, (byte)(nint.Size * 8)),
            'e' => new(DLDataTypeCode.Float, 16),
            'f' => new(DLDataTypeCode.Float, 32),
            'd' => new(DLDataTypeCode.Float, 64),
            '?' => new(DLDataTypeCode.Bool, 8),
            _ => null,
        };
    }
}
