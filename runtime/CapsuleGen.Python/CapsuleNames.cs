using System.Buffers;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;

namespace CapsuleGen.Python;

/// <summary>
/// Capsule names as C holds them (NUL-terminated bytes) and as .NET does. A name that is valid UTF-8
/// is its text. One that is not keeps its bytes: each byte of an invalid sequence becomes a lone
/// surrogate U+DC80–U+DCFF (Python's <c>surrogateescape</c>), which no name given in .NET can hold,
/// so it matches no .NET name and goes back to C byte for byte.
/// </summary>
internal static unsafe class CapsuleNames
{
    private const char EscapeBase = '\uDC00';

    /// <summary>The .NET form of a C name; null for a null pointer.</summary>
    public static string? FromNative(byte* name)
    {
        if (name == null)
        {
            return null;
        }

        ReadOnlySpan<byte> bytes = MemoryMarshal.CreateReadOnlySpanFromNullTerminated(name);
        var text = new StringBuilder(bytes.Length);
        while (!bytes.IsEmpty)
        {
            if (Rune.DecodeFromUtf8(bytes, out Rune rune, out int consumed) == OperationStatus.Done)
            {
                text.Append(rune.ToString());
            }
            else
            {
                for (int i = 0; i < consumed; i++)
                {
                    text.Append((char)(EscapeBase + bytes[i]));
                }
            }

            bytes = bytes[consumed..];
        }

        return text.ToString();
    }

    /// <summary>The NUL-terminated bytes C holds for a name <see cref="FromNative"/> read, or any valid .NET name.</summary>
    public static byte[] ToNative(string name)
    {
        var bytes = new List<byte>(name.Length + 1);
        Span<byte> utf8 = stackalloc byte[4];
        for (int i = 0; i < name.Length;)
        {
            if (IsEscapedByte(name[i])) // never the low half of a pair: a pair is read whole below
            {
                bytes.Add((byte)(name[i] - EscapeBase));
                i++;
                continue;
            }

            Rune rune = Rune.GetRuneAt(name, i);
            bytes.AddRange(utf8[..rune.EncodeToUtf8(utf8)]);
            i += rune.Utf16SequenceLength;
        }

        bytes.Add(0);
        return bytes.ToArray();
    }

    /// <summary>Whether the name holds bytes that are not UTF-8.</summary>
    public static bool HasEscapedBytes(string? name) => name is not null && name.Any(IsEscapedByte);

    /// <summary>A name for a message, as CPython prints one: quoted text, NULL, or for bytes that are not UTF-8 a bytes literal (<c>b'\xffquacker'</c>).</summary>
    public static string Describe(string? name)
    {
        if (!HasEscapedBytes(name))
        {
            return name is null ? "NULL" : "\"" + name + "\"";
        }

        byte[] bytes = ToNative(name!);
        var text = new StringBuilder("b'");
        foreach (byte value in bytes.AsSpan(0, bytes.Length - 1))
        {
            text.Append(value is >= 0x20 and < 0x7f and not (byte)'\'' and not (byte)'\\'
                ? ((char)value).ToString()
                : "\\x" + value.ToString("x2", CultureInfo.InvariantCulture));
        }

        return text.Append("' (not UTF-8)").ToString();
    }

    private static bool IsEscapedByte(char c) => c is >= '\uDC80' and <= '\uDCFF';
}
