using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using CapsuleGen.Generator.Model;

namespace CapsuleGen.Generator.Emitting;

/// <summary>Small pieces of C# text that every emitter writes the same way.</summary>
internal static class CSharpText
{
    /// <summary>A C# string literal, or <c>null</c>: every character that is not plainly visible is escaped.</summary>
    public static string Literal(string? value)
    {
        if (value is null)
        {
            return "null";
        }

        return QuotedLiteral(value, '"', asciiOnly: false);
    }

    /// <summary>
    /// <paramref name="value"/> between <paramref name="quote"/>s with the escapes C# and Python share
    /// (<c>\\</c>, <c>\n</c>, <c>\uXXXX</c>...) for the quote and every character that is not plainly visible.
    /// </summary>
    /// <param name="value">The text.</param>
    /// <param name="quote">The quote character.</param>
    /// <param name="asciiOnly">
    /// Whether every character outside ASCII is escaped too. A character outside the BMP is written as itself
    /// or escaped as the one code point <c>\UXXXXXXXX</c>, never as two <c>\u</c> halves, which Python reads
    /// as two lone surrogates.
    /// </param>
    public static string QuotedLiteral(string value, char quote, bool asciiOnly)
    {
        var builder = new StringBuilder(value.Length + 2).Append(quote);
        for (int i = 0; i < value.Length; i++)
        {
            char c = value[i];
            if (char.IsSurrogatePair(value, i))
            {
                // One code point, escaped whole (C# and Python read \U as one; two \u halves are two lone surrogates to Python).
                if (asciiOnly || IsHidden(CharUnicodeInfo.GetUnicodeCategory(value, i)))
                {
                    builder.Append("\\U").Append(char.ConvertToUtf32(value, i).ToString("x8", CultureInfo.InvariantCulture));
                }
                else
                {
                    builder.Append(c).Append(value[i + 1]);
                }

                i++;
                continue;
            }

            switch (c)
            {
                case '\\': builder.Append("\\\\"); break;
                case '\n': builder.Append("\\n"); break;
                case '\r': builder.Append("\\r"); break;
                case '\t': builder.Append("\\t"); break;
                case var _ when c == quote: builder.Append('\\').Append(c); break;
                case > '\u007f' when asciiOnly: AppendEscape(builder, c); break;
                default: AppendVisible(builder, c); break;
            }
        }

        return builder.Append(quote).ToString();
    }

    /// <summary>
    /// Text safe inside an XML doc comment: markup characters as entities, and every character that
    /// would end the comment line (U+0085, U+2028, U+2029) or that XML refuses (control characters)
    /// as a <c>\uXXXX</c> escape.
    /// </summary>
    public static string Doc(string value)
    {
        var builder = new StringBuilder(value.Length);
        foreach (char c in value)
        {
            switch (c)
            {
                case '&': builder.Append("&amp;"); break;
                case '<': builder.Append("&lt;"); break;
                case '>': builder.Append("&gt;"); break;
                default: AppendVisible(builder, c); break;
            }
        }

        return builder.ToString();
    }

    /// <summary>A capsule name as docs show it: as a C# literal (escapes included), or NULL.</summary>
    public static string DocName(string? name) => name is null ? "NULL" : Doc(Literal(name));

    /// <summary><paramref name="preferred"/>, or a variant of it that no parameter already uses.</summary>
    public static string UniqueLocal(string preferred, EquatableArray<BoundaryParameter> parameters) =>
        Parsing.Identifiers.Unused(preferred, new HashSet<string>(parameters.Select(parameter => parameter.Name.TrimStart('@'))));

    /// <summary>Converts a managed value to what crosses the boundary (only bool and char change).</summary>
    public static string ToNative(BoundaryType type, string expression) => type.Kind switch
    {
        BoundaryTypeKind.Bool => $"{expression} ? ({type.NativeName})1 : ({type.NativeName})0",
        BoundaryTypeKind.Char => $"({type.NativeName}){expression}",
        _ => expression,
    };

    /// <summary>Converts a value that crossed the boundary back to its managed type.</summary>
    public static string ToManaged(BoundaryType type, string expression) => type.Kind switch
    {
        BoundaryTypeKind.Bool => $"{expression} != 0",
        BoundaryTypeKind.Char => $"(char){expression}",
        _ => expression,
    };

    /// <summary>The value a trampoline returns after catching an exception: NaN for floating point, default otherwise.</summary>
    public static string FailureValue(BoundaryType type) => type.Kind == BoundaryTypeKind.FloatingPoint
        ? type.NativeName + ".NaN"
        : "default";

    public static string ParameterList(EquatableArray<BoundaryParameter> parameters, bool native) =>
        string.Join(", ", parameters.Select(parameter => (native ? parameter.Type.NativeName : parameter.Type.ManagedName) + " " + parameter.Name));

    /// <summary>The parameters as the interface declares them, with their default values and <c>[CallerLineNumber]</c>.</summary>
    public static string DeclaredParameterList(EquatableArray<BoundaryParameter> parameters) =>
        string.Join(", ", parameters.Select(parameter =>
            (parameter.CallerLineNumber ? "[global::System.Runtime.CompilerServices.CallerLineNumber] " : string.Empty) +
            parameter.Type.ManagedName + " " + parameter.Name +
            (parameter.DefaultValue is null ? string.Empty : " = " + parameter.DefaultValue)));

    /// <summary>
    /// Whether characters of this category are not plainly visible in source text (controls, format
    /// characters, lone surrogate halves, unassigned code points, line breaks, spaces other than ' ')
    /// and so are written as escapes.
    /// </summary>
    private static bool IsHidden(UnicodeCategory category) => category is
        UnicodeCategory.Control or UnicodeCategory.Format or UnicodeCategory.Surrogate or UnicodeCategory.PrivateUse or
        UnicodeCategory.OtherNotAssigned or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator or UnicodeCategory.SpaceSeparator;

    private static void AppendVisible(StringBuilder builder, char c)
    {
        if (c != ' ' && IsHidden(char.GetUnicodeCategory(c)))
        {
            AppendEscape(builder, c);
        }
        else
        {
            builder.Append(c);
        }
    }

    private static void AppendEscape(StringBuilder builder, char c) =>
        builder.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));

    public static string ArgumentList(EquatableArray<BoundaryParameter> parameters) =>
        string.Join(", ", parameters.Select(parameter => parameter.Name));
}
