using System.Collections.Generic;
using System.Globalization;
using System.Text.RegularExpressions;

namespace CapsuleGen.Generator.NativeHeaders;

/// <summary>Sizes and alignments of the C types the header spells, on the LP64 targets CapsuleGen builds for.</summary>
internal static class CTypes
{
    private static readonly Regex s_arrayLengths = new(@"\[(?<length>\d+)\]");

    private static readonly Dictionary<string, int> s_primitives = new(System.StringComparer.Ordinal)
    {
        ["bool"] = 1, ["int8_t"] = 1, ["uint8_t"] = 1, ["unsigned char"] = 1, ["char"] = 1,
        ["int16_t"] = 2, ["uint16_t"] = 2,
        ["int"] = 4, ["unsigned int"] = 4, ["float"] = 4,
        ["int64_t"] = 8, ["uint64_t"] = 8, ["intptr_t"] = 8, ["uintptr_t"] = 8, ["double"] = 8,
    };

    /// <summary>
    /// The size and alignment of a member declared as <paramref name="declaration"/> whose type, without
    /// its name, is <paramref name="type"/>; null for one this cannot tell (a struct declared incomplete).
    /// </summary>
    public static (int Size, int Alignment)? SizeAndAlignment(string declaration, string type, IReadOnlyDictionary<string, CStruct> structs)
    {
        int count = 1;
        foreach (Match length in s_arrayLengths.Matches(declaration))
        {
            count *= int.Parse(length.Groups["length"].Value, NumberStyles.None, CultureInfo.InvariantCulture);
        }

        string element = s_arrayLengths.Replace(type, string.Empty).Trim();
        if (element.Contains("(*"))
        {
            return count == 1 ? (8, 8) : null; // a function pointer; an array of them is not spelled here
        }

        if (element.EndsWith("*", System.StringComparison.Ordinal))
        {
            return (8 * count, 8);
        }

        if (s_primitives.TryGetValue(element, out int size))
        {
            return (size * count, size);
        }

        return structs.TryGetValue(element, out CStruct? inner) && inner.Members is not null ? (inner.Size * count, inner.Alignment) : null;
    }
}
