using System.Globalization;
using CapsuleGen.Generator.Emitting;
using Microsoft.CodeAnalysis;

namespace CapsuleGen.Generator.PythonModules;

/// <summary>A parameter's default value, written once for the wrapper (C#) and once for the text signature (Python).</summary>
internal static class DefaultValues
{
    /// <summary>
    /// A parameter's default value as C# and as Python write it, the Python one for the text signature,
    /// where <c>inspect.signature</c> reads it back; false if the parameter has none.
    /// </summary>
    public static bool TryWrite(IParameterSymbol parameter, PythonValueKind kind, out string? csharp, out string? python)
    {
        csharp = python = null;
        if (!parameter.HasExplicitDefaultValue)
        {
            return false;
        }

        object? value = parameter.ExplicitDefaultValue;
        switch (value)
        {
            case null when kind.IsArray():
                // 'ReadOnlySpan<double> weights = default': an empty span, which None (or leaving it out) gives.
                csharp = "default";
                python = "None";
                return true;
            case null:
                // A default of null for a type not declared nullable still passes null, as C# would.
                csharp = kind.TakesNone() ? "null" : "null!";
                python = "None";
                return true;
            case bool flag:
                csharp = flag ? "true" : "false";
                python = flag ? "True" : "False";
                return true;
            case string text:
                csharp = CSharpText.Literal(text);
                python = PythonLiteral(text);
                return true;
            case double number:
                csharp = FloatingLiteral(number, "double", "d");
                python = FloatingPython(number);
                return true;
            case float number:
                csharp = FloatingLiteral(number, "float", "f");
                python = FloatingPython(number);
                return true;
            default:
                csharp = System.Convert.ToString(value, CultureInfo.InvariantCulture);
                python = csharp;
                return true;
        }
    }

    private static string FloatingLiteral(double value, string type, string suffix) =>
        double.IsNaN(value) ? type + ".NaN"
        : double.IsPositiveInfinity(value) ? type + ".PositiveInfinity"
        : double.IsNegativeInfinity(value) ? type + ".NegativeInfinity"
        : RoundTrip(value) + suffix;

    /// <summary>
    /// A float as a text signature can hold it. <c>inspect</c> evaluates only literals there (and
    /// <c>+</c>, <c>-</c> and <c>|</c> of them), so infinity is the literal <c>1e999</c>, which
    /// overflows to it, and NaN is <c>1e999-1e999</c>, which <c>inspect</c> folds to NaN; both show as
    /// <c>inf</c> and <c>nan</c>, on CPython 3.10 to 3.13 alike, with nothing imported.
    /// </summary>
    private static string FloatingPython(double value)
    {
        if (double.IsNaN(value))
        {
            return "1e999-1e999";
        }

        if (double.IsInfinity(value))
        {
            return value > 0 ? "1e999" : "-1e999";
        }

        string text = RoundTrip(value);
        return text.IndexOfAny(new[] { '.', 'E', 'e' }) >= 0 ? text : text + ".0";
    }

    /// <summary>
    /// The shortest text that reads back as <paramref name="value"/>: "R" where it round-trips, as it
    /// always does on .NET Core, and all 17 digits where it does not (.NET Framework's "R" misses some
    /// values, and the generator may run there, in Visual Studio).
    /// </summary>
    private static string RoundTrip(double value)
    {
        string text = value.ToString("R", CultureInfo.InvariantCulture);
        return double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture).Equals(value) ? text : value.ToString("G17", CultureInfo.InvariantCulture);
    }

    /// <summary>
    /// A Python string literal in single quotes, in ASCII: <c>inspect.signature</c> reads a text
    /// signature as ASCII and raises on anything else.
    /// </summary>
    private static string PythonLiteral(string text) => CSharpText.QuotedLiteral(text, '\'', asciiOnly: true);
}
