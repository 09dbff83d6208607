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
}
