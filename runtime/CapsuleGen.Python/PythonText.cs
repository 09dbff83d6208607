using System.Text;
using CapsuleGen.Python.Native;

namespace CapsuleGen.Python;

/// <summary>
/// Text between .NET and CPython, never changed on the way: a .NET string and a Python <c>str</c>
/// both hold NUL and lone surrogates, so they convert exactly (UTF-16 with <c>surrogatepass</c>);
/// where CPython takes a C string instead, what it could not read as given is refused.
/// </summary>
internal static unsafe class PythonText
{
    /// <summary>A new <c>str</c> reference holding exactly <paramref name="text"/>; null, with Python's error pending, on failure. Call with the GIL held.</summary>
    public static nint ToPython(CPythonApi api, string text)
    {
        int littleEndian = -1;
        fixed (char* utf16 = text)
        fixed (byte* surrogatePass = "surrogatepass\0"u8)
        {
            return api.PyUnicode_DecodeUTF16((byte*)utf16, (nint)text.Length * sizeof(char), surrogatePass, &littleEndian);
        }
    }

    /// <summary>
    /// The text of a <c>str</c>, exactly, lone surrogates included; null, with a Python error pending,
    /// when it has none: a str whose lone surrogates stand side by side as a pair (<c>'\ud83d\ude00'</c>,
    /// two characters to Python) would read as one character in .NET. Call with the GIL held.
    /// </summary>
    public static string? FromPython(CPythonApi api, nint unicode)
    {
        nint length;
        byte* utf8 = api.PyUnicode_AsUTF8AndSize(unicode, &length);
        if (utf8 != null)
        {
            return Decode(new ReadOnlySpan<byte>(utf8, checked((int)length)), unicode);
        }

        // No UTF-8 form: a lone surrogate (or not a str at all, which fails again below with Python's error).
        api.PyErr_Clear();
        nint encoded;
        fixed (byte* codec = "utf-16-le\0"u8)
        fixed (byte* surrogatePass = "surrogatepass\0"u8)
        {
            encoded = api.PyUnicode_AsEncodedString(unicode, codec, surrogatePass);
        }

        if (encoded == 0)
        {
            return null;
        }

        try
        {
            byte* utf16;
            nint bytes;
            if (api.PyBytes_AsStringAndSize(encoded, &utf16, &bytes) != 0)
            {
                return null;
            }

            string text = new((char*)utf16, 0, checked((int)(bytes / sizeof(char))));
            if (CodePoints(text) == api.PyUnicode_GetLength(unicode))
            {
                return text;
            }

            SetValueError(api, "a str whose lone surrogates stand side by side as a pair has no exact .NET form: .NET would read the two as one character");
            return null;
        }
        finally
        {
            api.Py_DecRef(encoded);
        }
    }

    /// <summary>
    /// Short ASCII strings decoded lately, one per slot chosen by the <c>str</c>'s address: the same
    /// argument passed again (a constant, a key, a mode) comes back without a new .NET string. A slot is
    /// only ever used when its text equals the bytes in hand, so a reused address or a race between
    /// threads costs a decode, never a wrong string.
    /// </summary>
    private static readonly string?[] s_recent = new string?[64];

    private const int RecentLength = 64;

    private static string Decode(ReadOnlySpan<byte> utf8, nint unicode)
    {
        if (utf8.Length > RecentLength)
        {
            return Encoding.UTF8.GetString(utf8);
        }

        ref string? slot = ref s_recent[(int)((nuint)unicode >> 4) & (s_recent.Length - 1)];
        string? recent = slot;
        if (recent is not null && recent.Length == utf8.Length && System.Text.Ascii.Equals(utf8, recent))
        {
            return recent;
        }

        string text = Encoding.UTF8.GetString(utf8);
        if (text.Length == utf8.Length)
        {
            slot = text; // ASCII: one char per byte, which the comparison above can check
        }

        return text;
    }

    /// <summary>
    /// The NUL-terminated UTF-8 bytes of text CPython reads as a C string (source code, a module
    /// name). A NUL would end it early and a lone surrogate has no UTF-8 form, so CPython would read
    /// something else than was given: both are refused.
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="text"/> holds a NUL character or a lone surrogate.</exception>
    public static byte[] CString(string text, string what, string parameter)
    {
        int nul = text.IndexOf('\0');
        if (nul >= 0)
        {
            throw new ArgumentException($"{what} cannot contain a NUL character (at index {nul}): CPython reads it as a C string and would stop there.", parameter);
        }

        int surrogate = LoneSurrogateIndex(text);
        if (surrogate >= 0)
        {
            throw new ArgumentException($"{what} cannot contain a lone surrogate (U+{(int)text[surrogate]:X4} at index {surrogate}): CPython reads it as UTF-8, which has no form for it.", parameter);
        }

        var bytes = new byte[Encoding.UTF8.GetByteCount(text) + 1];
        Encoding.UTF8.GetBytes(text, bytes);
        return bytes;
    }

    /// <summary>Sets a <c>ValueError</c> with <paramref name="message"/>, kept whole. Call with the GIL held.</summary>
    public static void SetValueError(CPythonApi api, string message) => SetError(api, api.ValueError, message);

    /// <summary>Sets a Python exception of <paramref name="type"/> whose message is exactly <paramref name="message"/>. Call with the GIL held.</summary>
    public static void SetError(CPythonApi api, nint type, string message)
    {
        nint text = ToPython(api, message);
        if (text == 0)
        {
            return; // the decoding's own error (a MemoryError) is set instead
        }

        api.PyErr_SetObject(type, text);
        api.Py_DecRef(text);
    }

    private static int LoneSurrogateIndex(string text)
    {
        for (int i = 0; i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(text[i]))
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>Characters as Python counts them: a surrogate pair is one.</summary>
    private static long CodePoints(string text)
    {
        long count = text.Length;
        for (int i = 0; i + 1 < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]) && char.IsLowSurrogate(text[i + 1]))
            {
                count--;
                i++;
            }
        }

        return count;
    }
}
