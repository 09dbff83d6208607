using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;

namespace CapsuleGen.Generator.Parsing;

/// <summary>
/// Declarations the compiler already reports as errors: half-typed code in an IDE (a name not yet
/// written, a type that does not exist yet) and mistakes that generated code would only repeat
/// (a parameter name used twice, a method defined twice). The parsers generate nothing for them
/// and report nothing either: the compiler's error, in the user's file, is the one to fix.
/// </summary>
internal static class BrokenDeclarations
{
    /// <summary>Whether the compiler reports an error on the method's own declaration that CapsuleGen would trip over.</summary>
    public static bool IsBroken(IMethodSymbol method) =>
        method.Name.Length == 0 ||
        method.Parameters.Any(parameter => parameter.Name.Length == 0 || HasErrorType(parameter.Type) || parameter.Type.SpecialType == SpecialType.System_Void) ||
        method.Parameters.Select(parameter => parameter.Name).Distinct().Count() != method.Parameters.Length ||
        HasDefaultBeforeRequired(method) ||
        HasErrorType(method.ReturnType) ||
        NamesErrorObsoleteType(method, SignatureTypes.Of(method)) ||
        IsDeclaredTwice(method);

    /// <summary>
    /// Whether a parameter written with <c>= value</c> comes before one without a default (CS1737). One made
    /// optional by attributes (<c>[Optional, DefaultParameterValue(5)]</c>) draws no error and is not broken.
    /// </summary>
    private static bool HasDefaultBeforeRequired(IMethodSymbol method) =>
        method.Parameters
            .SkipWhile(parameter => !parameter.DeclaringSyntaxReferences.Any(reference => reference.GetSyntax() is Microsoft.CodeAnalysis.CSharp.Syntax.ParameterSyntax { Default: not null }))
            .Any(parameter => !parameter.IsOptional && !parameter.IsParams);

    /// <inheritdoc cref="IsBroken(IMethodSymbol)"/>
    public static bool IsBroken(IPropertySymbol property) =>
        property.Name.Length == 0 || property.GetMethod is null && property.SetMethod is null ||
        HasErrorType(property.Type) || property.Type.SpecialType == SpecialType.System_Void || NamesErrorObsoleteType(property, new[] { property.Type }) ||
        IsDeclaredTwice(property);

    /// <summary>
    /// Whether the attribute is applied more than once (CS0579), as when two partial declarations of a
    /// type each carry it: each would generate the same members again.
    /// </summary>
    public static bool HasAttributeTwice(ISymbol symbol, string metadataName) =>
        symbol.GetAttributes().Count(attribute => attribute.AttributeClass?.ToDisplayString() == metadataName) > 1;

    /// <summary>Whether the type sits in a namespace with a segment not yet named (<c>namespace Samples.;</c>).</summary>
    public static bool HasUnnamedNamespace(INamedTypeSymbol type)
    {
        for (INamespaceSymbol? ns = type.ContainingNamespace; ns is { IsGlobalNamespace: false }; ns = ns.ContainingNamespace)
        {
            if (ns.Name.Length == 0)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Whether the type, or a type it is made of (what a pointer points to, a function pointer's parts,
    /// an array's elements, type arguments, the fields of a struct of the project), does not exist.
    /// </summary>
    public static bool HasErrorType(ITypeSymbol type) => HasErrorType(type, new HashSet<ITypeSymbol>(SymbolEqualityComparer.Default));

    private static bool HasErrorType(ITypeSymbol type, HashSet<ITypeSymbol> seen) => seen.Add(type) && type switch
    {
        { TypeKind: TypeKind.Error } => true,
        IPointerTypeSymbol pointer => HasErrorType(pointer.PointedAtType, seen),
        IArrayTypeSymbol array => HasErrorType(array.ElementType, seen),
        IFunctionPointerTypeSymbol functionPointer => SignatureTypes.Of(functionPointer.Signature).Any(part => HasErrorType(part, seen)),
        INamedTypeSymbol named =>
            named.TypeArguments.Any(argument => HasErrorType(argument, seen)) ||
            (named.TypeKind == TypeKind.Struct && named.Locations.Any(location => location.IsInSource) &&
                named.GetMembers().OfType<IFieldSymbol>().Any(field => !field.IsStatic && HasErrorType(field.Type, seen))),
        _ => false,
    };

    /// <summary>
    /// Whether a member names a type that is obsolete as an error outside an obsolete context (CS0619):
    /// code generated for it would repeat the error.
    /// </summary>
    private static bool NamesErrorObsoleteType(ISymbol member, IEnumerable<ITypeSymbol> types) =>
        types.Any(type => DeprecationReader.OfType(type).ObsoleteAsError) && !DeprecationReader.IsInObsoleteContext(member);

    /// <summary>
    /// Whether the type declares another member of the member's name that is no overload of it: a method or a
    /// constructor with the same parameters (CS0111), or a property, field, event or type beside a method or
    /// property of that name (CS0102). A generated call or access could not tell them apart (CS0121, CS0229).
    /// </summary>
    private static bool IsDeclaredTwice(ISymbol member) =>
        member.ContainingType is { } type &&
        type.GetMembers(member.Name).Any(other => !SymbolEqualityComparer.Default.Equals(other, member) && !Overloads(other, member));

    /// <summary>Methods overload methods, and indexers indexers, when their parameters differ; a generic type's name includes its arity.</summary>
    private static bool Overloads(ISymbol first, ISymbol second) => (first, second) switch
    {
        (INamedTypeSymbol { Arity: > 0 }, _) => true,
        (IMethodSymbol a, IMethodSymbol b) => !SameParameters(a.Parameters, b.Parameters),
        (IPropertySymbol { IsIndexer: true } a, IPropertySymbol { IsIndexer: true } b) => !SameParameters(a.Parameters, b.Parameters),
        _ => false,
    };

    private static bool SameParameters(ImmutableArray<IParameterSymbol> first, ImmutableArray<IParameterSymbol> second) =>
        first.Length == second.Length &&
        first.Zip(second, (a, b) => a.RefKind == b.RefKind && SymbolEqualityComparer.Default.Equals(a.Type, b.Type)).All(same => same);
}
