using System.Collections.Immutable;
using System.Linq;
using CapsuleGen.Generator.Emitting;
using CapsuleGen.Generator.Model;
using CapsuleGen.Generator.Parsing.Layouts;
using Microsoft.CodeAnalysis;

namespace CapsuleGen.Generator.Parsing;

/// <summary>
/// Decides whether a parameter or return type can cross a native boundary unchanged, and if so
/// how: only what has the same bits on both sides is accepted. Anything else comes back as a
/// problem that names the blittable alternative.
/// </summary>
internal static class BoundaryTypeResolver
{
    /// <summary>Resolves a parameter's or return value's type.</summary>
    /// <param name="type">The declared type.</param>
    /// <param name="refKind">How it is passed; anything but by value is refused.</param>
    /// <param name="isParams">Whether the parameter is a <c>params</c> array.</param>
    /// <param name="attributes">The parameter's (or return value's) attributes, for <c>MarshalAs</c>.</param>
    /// <param name="home">The assembly being compiled: only structs declared in it have a layout the compiler can see.</param>
    /// <param name="problem">Why the type cannot cross, when the result is null.</param>
    public static BoundaryType? Resolve(ITypeSymbol type, RefKind refKind, bool isParams, ImmutableArray<AttributeData> attributes, IAssemblySymbol home, out string? problem)
    {
        string shown = type.ToDisplayString(SymbolDisplayFormat.MinimallyQualifiedFormat);
        if (isParams)
        {
            problem = $"a 'params' array is a managed object; pass a pointer to the first element and a count ('{ElementOf(type)}*', 'int')";
            return null;
        }

        if (refKind != RefKind.None)
        {
            string keyword = refKind switch { RefKind.Out => "out", RefKind.In => "in", _ => "ref" };
            problem = $"'{keyword}' passes a managed reference, which native code cannot hold; pass a pointer ('{shown}*')";
            return null;
        }

        switch (type.SpecialType)
        {
            case SpecialType.System_Boolean:
                return ResolveBool(attributes, out problem);
            case SpecialType.System_Char:
                return ResolveChar(attributes, out problem);
            case SpecialType.System_String:
                problem = "a string is a managed object; pass UTF-8 text as 'byte*' (C 'const char *') or UTF-16 text as 'char*' with a length";
                return null;
            case SpecialType.System_Decimal:
                problem = "'decimal' has no C equivalent; use 'double'";
                return null;
            case SpecialType.System_Object:
                problem = "'object' is a managed reference; pass a pointer or a handle ('nint')";
                return null;
        }

        string? primitive = CSpelling.Primitive(type.SpecialType);
        if (primitive is not null)
        {
            BoundaryTypeKind kind = type.SpecialType switch
            {
                SpecialType.System_Void => BoundaryTypeKind.Void,
                SpecialType.System_Single or SpecialType.System_Double => BoundaryTypeKind.FloatingPoint,
                _ => BoundaryTypeKind.Integer,
            };
            string name = Keyword(type.SpecialType) ?? CSharpTypeNames.Of(type);
            problem = null;
            return new BoundaryType(name, name, kind, primitive);
        }

        problem = Problem(type, new LayoutReading(home));
        if (problem is not null)
        {
            return null;
        }

        string qualified = CSharpTypeNames.Of(type);
        BoundaryTypeKind typeKind = type switch
        {
            IPointerTypeSymbol => BoundaryTypeKind.Pointer,
            IFunctionPointerTypeSymbol => BoundaryTypeKind.FunctionPointer,
            { TypeKind: TypeKind.Enum } => BoundaryTypeKind.Enum,
            _ => BoundaryTypeKind.Struct,
        };
        return new BoundaryType(qualified, qualified, typeKind, CSpelling.Spell(type, string.Empty));
    }

    /// <summary>Why a non-primitive type cannot cross, or null if it can.</summary>
    private static string? Problem(ITypeSymbol type, LayoutReading reading)
    {
        string shown = type.ToDisplayString(SymbolDisplayFormat.MinimallyQualifiedFormat);
        switch (type)
        {
            case IPointerTypeSymbol pointer:
                // C# already limits pointers to unmanaged types; in memory every one of them has a C layout.
                return pointer.PointedAtType is ITypeParameterSymbol ? $"'{shown}' points to a type parameter; a native function cannot be generic" : null;

            case IFunctionPointerTypeSymbol functionPointer:
                return FunctionPointerProblem(functionPointer, reading);

            case IArrayTypeSymbol array:
                return $"an array is a managed object; pass a pointer to its first element and a length ('{array.ElementType.ToDisplayString(SymbolDisplayFormat.MinimallyQualifiedFormat)}*', 'int')";

            case ITypeParameterSymbol:
                return $"'{shown}' is a type parameter; a native function cannot be generic";

            case INamedTypeSymbol { TypeKind: TypeKind.Delegate }:
                return $"a delegate is a managed object; pass an unmanaged function pointer ('delegate* unmanaged[Cdecl]<...>')";

            case INamedTypeSymbol { TypeKind: TypeKind.Enum }:
                return null;

            case INamedTypeSymbol { TypeKind: TypeKind.Struct } named:
                StructLayoutReader.Read(named, reading, LayoutRules.ByValue, out string? structProblem);
                return structProblem;

            case INamedTypeSymbol { IsReferenceType: true }:
                return $"'{shown}' is a reference type, which native code cannot hold; pass a pointer or a handle ('nint')";

            default:
                return $"'{shown}' has no C equivalent";
        }
    }

    /// <summary>Why a function pointer cannot cross (or be a field of a struct that does), or null if it can.</summary>
    /// <param name="functionPointer">The function pointer type.</param>
    /// <param name="reading">The structs read so far in this check, which the signature may reach again.</param>
    internal static string? FunctionPointerProblem(IFunctionPointerTypeSymbol functionPointer, LayoutReading reading)
    {
        IMethodSymbol signature = functionPointer.Signature;
        string shown = functionPointer.ToDisplayString(SymbolDisplayFormat.MinimallyQualifiedFormat);
        if (signature.CallingConvention != System.Reflection.Metadata.SignatureCallingConvention.Unmanaged &&
            signature.CallingConvention != System.Reflection.Metadata.SignatureCallingConvention.CDecl)
        {
            return $"'{shown}' is not an unmanaged Cdecl function pointer; native code can only call 'delegate* unmanaged[Cdecl]<...>'";
        }

        if (signature.UnmanagedCallingConventionTypes.Any(convention => convention.Name != "CallConvCdecl"))
        {
            return $"'{shown}' uses a calling convention other than Cdecl; use 'delegate* unmanaged[Cdecl]<...>'";
        }

        foreach (ITypeSymbol part in SignatureTypes.Of(signature))
        {
            if (part.SpecialType is SpecialType.System_Boolean or SpecialType.System_Char)
            {
                return $"'{shown}' passes a '{part.ToDisplayString()}', whose width is not defined at a native boundary; use 'byte' for a bool and 'ushort' for a char";
            }

            if (CSpelling.Primitive(part.SpecialType) is null && Problem(part, reading) is { } inner)
            {
                return $"'{shown}' cannot cross: {inner}";
            }
        }

        return signature.Parameters.Any(parameter => parameter.RefKind != RefKind.None)
            ? $"'{shown}' passes a parameter by reference; use a pointer"
            : null;
    }

    private static BoundaryType? ResolveBool(ImmutableArray<AttributeData> attributes, out string? problem)
    {
        switch (MarshalAsValue(attributes))
        {
            case KnownNames.UnmanagedTypeU1:
                problem = null;
                return new BoundaryType("bool", "byte", BoundaryTypeKind.Bool, "bool");
            case KnownNames.UnmanagedTypeI4:
            case KnownNames.UnmanagedTypeBool:
                problem = null;
                return new BoundaryType("bool", "int", BoundaryTypeKind.Bool, "int");
            default:
                problem = "'bool' has no defined width at a native boundary; add [MarshalAs(UnmanagedType.U1)] for a one-byte C 'bool', [MarshalAs(UnmanagedType.I4)] for a four-byte 'int', or use 'byte'";
                return null;
        }
    }

    private static BoundaryType? ResolveChar(ImmutableArray<AttributeData> attributes, out string? problem)
    {
        if (MarshalAsValue(attributes) == KnownNames.UnmanagedTypeU2)
        {
            problem = null;
            return new BoundaryType("char", "ushort", BoundaryTypeKind.Char, "char16_t");
        }

        problem = "'char' has no defined width at a native boundary; add [MarshalAs(UnmanagedType.U2)] for a UTF-16 code unit ('char16_t'), or use 'ushort' or 'byte'";
        return null;
    }

    private static int? MarshalAsValue(ImmutableArray<AttributeData> attributes)
    {
        foreach (AttributeData attribute in attributes)
        {
            if (attribute.AttributeClass?.ToDisplayString() == KnownNames.MarshalAsAttribute &&
                attribute.ConstructorArguments.Length == 1 &&
                attribute.ConstructorArguments[0].Value is { } value)
            {
                return System.Convert.ToInt32(value, System.Globalization.CultureInfo.InvariantCulture);
            }
        }

        return null;
    }

    private static string ElementOf(ITypeSymbol type) =>
        type is IArrayTypeSymbol array ? array.ElementType.ToDisplayString(SymbolDisplayFormat.MinimallyQualifiedFormat) : "T";

    private static string? Keyword(SpecialType type) => type switch
    {
        SpecialType.System_Void => "void",
        SpecialType.System_SByte => "sbyte",
        SpecialType.System_Byte => "byte",
        SpecialType.System_Int16 => "short",
        SpecialType.System_UInt16 => "ushort",
        SpecialType.System_Int32 => "int",
        SpecialType.System_UInt32 => "uint",
        SpecialType.System_Int64 => "long",
        SpecialType.System_UInt64 => "ulong",
        SpecialType.System_IntPtr => RuntimeNames.IntPtr,
        SpecialType.System_UIntPtr => RuntimeNames.UIntPtr,
        SpecialType.System_Single => "float",
        SpecialType.System_Double => "double",
        _ => null,
    };
}
