using Microsoft.CodeAnalysis;

namespace CapsuleGen.Generator.Parsing;

/// <summary>
/// Spells types the way C declares them, as SciPy and Cython write signature strings: a space
/// before each <c>*</c>, <c>intptr_t</c> for <c>nint</c>, <c>int64_t</c> for <c>long</c>, and
/// C declarator syntax for function pointers (<c>void (*)(int)</c>).
/// </summary>
internal static class CSpelling
{
    /// <summary>The C name of a primitive, or null if the type is not one.</summary>
    public static string? Primitive(SpecialType type) => type switch
    {
        SpecialType.System_Void => "void",
        SpecialType.System_SByte => "int8_t",
        SpecialType.System_Byte => "uint8_t",
        SpecialType.System_Int16 => "int16_t",
        SpecialType.System_UInt16 => "uint16_t",
        SpecialType.System_Int32 => "int",
        SpecialType.System_UInt32 => "unsigned int",
        SpecialType.System_Int64 => "int64_t",
        SpecialType.System_UInt64 => "uint64_t",
        SpecialType.System_IntPtr => "intptr_t",
        SpecialType.System_UIntPtr => "uintptr_t",
        SpecialType.System_Single => "float",
        SpecialType.System_Double => "double",

        // In memory (behind a pointer, or in a struct) .NET's bool is one byte and char is UTF-16.
        SpecialType.System_Boolean => "bool",
        SpecialType.System_Char => "char16_t",
        _ => null,
    };

    /// <summary>
    /// Spells <paramref name="type"/> around <paramref name="declarator"/>, the way C nests
    /// declarators: <c>Spell(double*, "")</c> is <c>double *</c>, and a pointer to a function
    /// pointer is <c>void (**)(int)</c>.
    /// </summary>
    public static string Spell(ITypeSymbol type, string declarator)
    {
        switch (type)
        {
            case IPointerTypeSymbol pointer:
                return Spell(pointer.PointedAtType, "*" + declarator);

            case IFunctionPointerTypeSymbol functionPointer:
                IMethodSymbol signature = functionPointer.Signature;
                return Spell(signature.ReturnType, "(*" + declarator + ")(" + ParameterList(signature) + ")");

            case INamedTypeSymbol { TypeKind: TypeKind.Enum, EnumUnderlyingType: { } underlying }:
                return Join(Primitive(underlying.SpecialType) ?? underlying.Name, declarator);

            default:
                return Join(Primitive(type.SpecialType) ?? "struct " + type.Name, declarator);
        }
    }

    /// <summary>The C signature of a function: <c>double (int, double *, void *)</c>.</summary>
    /// <param name="returnType">The return type's symbol, for pointer and function pointer returns that wrap the parameter list.</param>
    /// <param name="returnSpelling">The return type's own spelling (which for <c>bool</c> depends on its <c>MarshalAs</c>).</param>
    /// <param name="parameterSpellings">The parameters' spellings, in order.</param>
    public static string Signature(ITypeSymbol returnType, string returnSpelling, System.Collections.Generic.IEnumerable<string> parameterSpellings)
    {
        string parameters = "(" + ParameterList(parameterSpellings) + ")";
        return returnType is IPointerTypeSymbol or IFunctionPointerTypeSymbol
            ? Spell(returnType, parameters)
            : Join(returnSpelling, parameters);
    }

    /// <summary>
    /// The C type of a pointer to a function, as a struct field is declared without its name:
    /// <c>double (*)(double, double)</c>, <c>uint8_t *(*)(int)</c>.
    /// </summary>
    public static string FunctionPointer(ITypeSymbol returnType, string returnSpelling, System.Collections.Generic.IEnumerable<string> parameterSpellings)
    {
        string declarator = "(*)(" + ParameterList(parameterSpellings) + ")";
        return returnType is IPointerTypeSymbol or IFunctionPointerTypeSymbol
            ? Spell(returnType, declarator)
            : Join(returnSpelling, declarator);
    }

    private static string ParameterList(IMethodSymbol signature) =>
        ParameterList(System.Linq.Enumerable.Select(signature.Parameters, parameter => Spell(parameter.Type, string.Empty)));

    private static string ParameterList(System.Collections.Generic.IEnumerable<string> spellings)
    {
        string list = string.Join(", ", spellings);
        return list.Length == 0 ? "void" : list;
    }

    private static string Join(string baseType, string declarator) =>
        declarator.Length == 0 ? baseType : baseType + " " + declarator;
}
