using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;

namespace CapsuleGen.Generator.Parsing;

internal static class SignatureTypes
{
    /// <summary>Every type a method's signature names: its parameters' types, then its return type.</summary>
    public static IEnumerable<ITypeSymbol> Of(IMethodSymbol method) =>
        method.Parameters.Select(parameter => parameter.Type).Append(method.ReturnType);
}
