using System.Globalization;
using CapsuleGen.Generator.Emitting;
using CapsuleGen.Generator.Parsing;
using Microsoft.CodeAnalysis;

namespace CapsuleGen.Generator.PythonModules;

/// <summary>
/// Decides how a parameter or result of a module function converts between Python and C#, or
/// why it cannot. Only values with one obvious Python counterpart convert; anything else is a
/// <c>PyObject</c> the method converts itself.
/// </summary>
internal static class PythonTypeResolver
{
    private const string Supported = "use bool, an integer type, float, double, string, Capsule, or PyObject for any other object";

    /// <summary>How a value of <paramref name="type"/> converts; null with <paramref name="problem"/> set if it cannot.</summary>
    public static PythonValueKind? Resolve(ITypeSymbol type, bool isReturn, out string? problem)
    {
        problem = null;
        bool annotated = type.NullableAnnotation == NullableAnnotation.Annotated;
        switch (type.SpecialType)
        {
            case SpecialType.System_Void when isReturn: return PythonValueKind.Void;
            case SpecialType.System_Boolean: return PythonValueKind.Boolean;
            case SpecialType.System_SByte: return PythonValueKind.SByte;
            case SpecialType.System_Byte: return PythonValueKind.Byte;
            case SpecialType.System_Int16: return PythonValueKind.Int16;
            case SpecialType.System_UInt16: return PythonValueKind.UInt16;
            case SpecialType.System_Int32: return PythonValueKind.Int32;
            case SpecialType.System_UInt32: return PythonValueKind.UInt32;
            case SpecialType.System_Int64: return PythonValueKind.Int64;
            case SpecialType.System_UInt64: return PythonValueKind.UInt64;
            case SpecialType.System_IntPtr: return PythonValueKind.IntPtr;
            case SpecialType.System_UIntPtr: return PythonValueKind.UIntPtr;
            case SpecialType.System_Single: return PythonValueKind.Single;
            case SpecialType.System_Double: return PythonValueKind.Double;
            case SpecialType.System_String: return annotated ? PythonValueKind.StringOrNone : PythonValueKind.String;
        }

        switch (type.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat.WithGlobalNamespaceStyle(SymbolDisplayGlobalNamespaceStyle.Omitted)))
        {
            case KnownNames.Capsule: return annotated ? PythonValueKind.CapsuleOrNone : PythonValueKind.Capsule;
            case KnownNames.PyObject: return PythonValueKind.Object;
        }

        problem = type switch
        {
            { SpecialType: SpecialType.System_Char } => "a char has no Python type; take a string",
            { SpecialType: SpecialType.System_Decimal } => "Python has no decimal of C#'s kind; use double, or PyObject for a decimal.Decimal",
            IPointerTypeSymbol or IFunctionPointerTypeSymbol => "a pointer means nothing to Python; hand it over in a Capsule",
            IArrayTypeSymbol => "an array is not converted element by element; take a PyObject (a list, or a buffer such as a NumPy array)",
            { TypeKind: TypeKind.Enum } => "an enum converts only as its underlying integer type; declare that type and cast",
            INamedTypeSymbol { TypeKind: TypeKind.Delegate } => "a delegate cannot be made from a Python callable here; take a PyObject and call it",
            _ => "it has no Python counterpart",
        };
        problem += "; " + Supported;
        return null;
    }

    /// <summary>The type the generated wrapper declares for a converted argument.</summary>
    public static string ManagedType(PythonValueKind kind) => kind switch
    {
        PythonValueKind.Boolean => "bool",
        PythonValueKind.SByte => "sbyte",
        PythonValueKind.Byte => "byte",
        PythonValueKind.Int16 => "short",
        PythonValueKind.UInt16 => "ushort",
        PythonValueKind.Int32 => "int",
        PythonValueKind.UInt32 => "uint",
        PythonValueKind.Int64 => "long",
        PythonValueKind.UInt64 => "ulong",
        PythonValueKind.IntPtr => RuntimeNames.IntPtr,
        PythonValueKind.UIntPtr => RuntimeNames.UIntPtr,
        PythonValueKind.Single => "float",
        PythonValueKind.Double => "double",
        PythonValueKind.String => "string",
        PythonValueKind.StringOrNone => "string?",
        PythonValueKind.Capsule => RuntimeNames.Capsule,
        PythonValueKind.CapsuleOrNone => RuntimeNames.Capsule + "?",
        PythonValueKind.Object => RuntimeNames.PyObject,
        _ => "void",
    };

    /// <summary>
    /// A parameter's default value as C# and as Python write it, the Python one for the text signature,
    /// where <c>inspect.signature</c> reads it back; false if the parameter has none.
    /// </summary>
    public static bool TryDefault(IParameterSymbol parameter, PythonValueKind kind, out string? csharp, out string? python)
    {
        csharp = python = null;
        if (!parameter.HasExplicitDefaultValue)
        {
            return false;
        }

        object? value = parameter.ExplicitDefaultValue;
        switch (value)
        {
            case null:
                // A default of null for a type not declared nullable still passes null, as C# would.
                csharp = kind is PythonValueKind.StringOrNone or PythonValueKind.CapsuleOrNone ? "null" : "null!";
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
