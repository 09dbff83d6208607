using System.Globalization;

namespace CapsuleGen.Generator.NativeHeaders;

/// <summary>How the header writes text and declarations in C.</summary>
internal static class CText
{
    /// <summary>A C string literal of <paramref name="text"/>'s UTF-8 bytes (escaped as exported string constants are), or <c>NULL</c>.</summary>
    public static string Literal(string? text) => text is null ? "NULL" : Parsing.StructTables.CLiterals.String(text);

    /// <summary>
    /// Declares <paramref name="declarator"/> with the type C spells as <paramref name="type"/> (an
    /// abstract declarator: <c>double *</c>, <c>void (*)(int)</c>): the name goes where C nests it,
    /// before the first <c>)</c> of a function pointer, or after the type.
    /// </summary>
    public static string Declare(string type, string declarator)
    {
        int close = type.IndexOf(')');
        if (type.Contains("(*") && close > 0)
        {
            return type.Insert(close, declarator);
        }

        return type.EndsWith("*", System.StringComparison.Ordinal) ? type + declarator : type + " " + declarator;
    }

    /// <summary>A parameter list as C declares it: <c>(double, int *)</c>, <c>(void)</c> for none.</summary>
    public static string Parameters(System.Collections.Generic.IEnumerable<string> types)
    {
        string list = string.Join(", ", types);
        return "(" + (list.Length == 0 ? "void" : list) + ")";
    }

    /// <summary>Text that can go inside a <c>/* */</c> comment: it cannot end it.</summary>
    public static string Comment(string text) => text.Replace("*/", "* /");

    public static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);
}
