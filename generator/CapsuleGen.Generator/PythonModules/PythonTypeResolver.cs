using System.Collections.Generic;
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
    private const string Supported = "use bool, an integer type, float, double, string, Capsule, a span of numbers for an array, or PyObject for any other object";

    /// <summary>The element types an array's memory can be read as (those with a DLPack data type).</summary>
    private static readonly HashSet<SpecialType> s_elements = new()
    {
        SpecialType.System_SByte, SpecialType.System_Byte, SpecialType.System_Int16, SpecialType.System_UInt16,
        SpecialType.System_Int32, SpecialType.System_UInt32, SpecialType.System_Int64, SpecialType.System_UInt64,
        SpecialType.System_IntPtr, SpecialType.System_UIntPtr, SpecialType.System_Single, SpecialType.System_Double,
        SpecialType.System_Boolean,
    };

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
            case KnownNames.DLPackTensor when isReturn: return PythonValueKind.Tensor;
            case KnownNames.DLPackTensor:
                problem = "a tensor parameter is not taken over from Python; take a span or strided span of its elements, lent for the call";
                return null;
        }

        if (type is INamedTypeSymbol { IsGenericType: true, TypeArguments.Length: 1 } generic &&
            ArrayKind(generic.OriginalDefinition.ToDisplayString()) is { } arrayKind)
        {
            ITypeSymbol element = generic.TypeArguments[0];
            if (isReturn)
            {
                problem = "a span cannot outlive the call; return a DLPackTensor (DLPackTensor.FromArray) to give Python memory without a copy";
                return null;
            }

            if (s_elements.Contains(element.SpecialType) || IsHalfOrComplex(element))
            {
                return arrayKind;
            }

            problem = $"an array's elements are read as numbers: the element type must be an integer type, float, double, bool, Half or Complex, not {element.ToDisplayString(SymbolDisplayFormat.MinimallyQualifiedFormat)}";
            return null;
        }

        problem = type switch
        {
            { SpecialType: SpecialType.System_Char } => "a char has no Python type; take a string",
            { SpecialType: SpecialType.System_Decimal } => "Python has no decimal of C#'s kind; use double, or PyObject for a decimal.Decimal",
            IPointerTypeSymbol or IFunctionPointerTypeSymbol => "a pointer means nothing to Python; hand it over in a Capsule",
            IArrayTypeSymbol array => $"an array is not converted element by element; take a ReadOnlySpan<{array.ElementType.ToDisplayString(SymbolDisplayFormat.MinimallyQualifiedFormat)}> to read a NumPy array or other buffer in place, or a PyObject for a list",
            { TypeKind: TypeKind.Enum } => "an enum converts only as its underlying integer type; declare that type and cast",
            INamedTypeSymbol { TypeKind: TypeKind.Delegate } => "a delegate cannot be made from a Python callable here; take a PyObject and call it",
            _ => "it has no Python counterpart",
        };
        problem += "; " + Supported;
        return null;
    }

    private static PythonValueKind? ArrayKind(string definition) => definition switch
    {
        KnownNames.ReadOnlySpan => PythonValueKind.ReadOnlySpan,
        KnownNames.Span => PythonValueKind.Span,
        KnownNames.ReadOnlyStridedSpan => PythonValueKind.ReadOnlyStridedSpan,
        KnownNames.StridedSpan => PythonValueKind.StridedSpan,
        _ => null,
    };

    private static bool IsHalfOrComplex(ITypeSymbol element) =>
        element.ToDisplayString() is "System.Half" or "System.Numerics.Complex";

    /// <summary>The type the generated wrapper declares for a converted argument: an array's span type as the method declares it.</summary>
    public static string ManagedType(PythonValueKind kind, ITypeSymbol declared) =>
        kind.IsArray() ? declared.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat) : ManagedType(kind);

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
        PythonValueKind.Tensor => RuntimeNames.DLPackTensor + "?",
        _ => "void",
    };
}
