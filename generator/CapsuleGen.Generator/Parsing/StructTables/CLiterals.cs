using System.Globalization;
using System.Text;
using Microsoft.CodeAnalysis;

namespace CapsuleGen.Generator.Parsing.StructTables;

/// <summary>
/// Writes an exported constant as a C literal with exactly its value, for a C header that declares
/// the table: integers with the suffix their C type needs, floating point numbers round-tripped,
/// strings escaped byte by byte in UTF-8.
/// </summary>
internal static class CLiterals
{
    /// <summary>The value of a numeric, <c>bool</c>, <c>char</c> or enum constant of type <paramref name="type"/> as C writes it.</summary>
    public static string Number(object value, SpecialType type) => (type, value) switch
    {
        (_, bool flag) => flag ? "1" : "0",
        (_, char unit) => ((int)unit).ToString(CultureInfo.InvariantCulture),
        (_, float number) => Floating(number, float.IsNaN(number), float.IsInfinity(number), number.ToString("R", CultureInfo.InvariantCulture), "f"),
        (_, double number) => Floating(number, double.IsNaN(number), double.IsInfinity(number), number.ToString("R", CultureInfo.InvariantCulture), string.Empty),

        // C has no negative literals: the most negative value is written as an expression.
        (_, int.MinValue) => "(-2147483647 - 1)",
        (_, long.MinValue) => "(-9223372036854775807LL - 1)",
        (SpecialType.System_UInt32, _) => Invariant(value) + "u",
        (SpecialType.System_Int64 or SpecialType.System_IntPtr, _) => Invariant(value) + "LL",
        (SpecialType.System_UInt64 or SpecialType.System_UIntPtr, _) => Invariant(value) + "uLL",
        _ => Invariant(value),
    };

    /// <summary>A C string literal with the text's UTF-8 bytes: printable ASCII as it is, the rest as three-digit octal escapes (which, unlike hex ones, never run into the next character).</summary>
    public static string String(string text)
    {
        var literal = new StringBuilder("\"");
        foreach (byte b in Encoding.UTF8.GetBytes(text))
        {
            switch (b)
            {
                case (byte)'"':
                case (byte)'\\':
                    literal.Append('\\').Append((char)b);
                    break;
                case (byte)'?':
                    literal.Append("\\?"); // never part of a trigraph
                    break;
                case >= 0x20 and < 0x7f:
                    literal.Append((char)b);
                    break;
                default:
                    literal.Append('\\').Append(System.Convert.ToString(b, 8).PadLeft(3, '0'));
                    break;
            }
        }

        return literal.Append('"').ToString();
    }

    private static string Floating(object value, bool isNaN, bool isInfinity, string roundTrip, string suffix)
    {
        if (isNaN)
        {
            return "NAN";
        }

        if (isInfinity)
        {
            return roundTrip.StartsWith("-", System.StringComparison.Ordinal) ? "-INFINITY" : "INFINITY";
        }

        // A C floating literal needs a '.' or an exponent: "2" would be an int.
        string number = roundTrip.IndexOfAny(new[] { '.', 'E', 'e' }) < 0 ? roundTrip + ".0" : roundTrip;
        return number + suffix;
    }

    private static string Invariant(object value) => System.Convert.ToString(value, CultureInfo.InvariantCulture)!;
}
