using System.Collections.Generic;
using System.Linq;
using CapsuleGen.Generator.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace CapsuleGen.Generator.Parsing;

/// <summary>
/// Finds what in the user's code is <c>[Obsolete]</c> or <c>[Experimental]</c> among the symbols
/// generated code names, so that using them there never raises a warning or an error in a
/// generated file, where no <c>#pragma</c> of the user's can reach it.
/// </summary>
internal static class DeprecationReader
{
    /// <summary>The symbol's own <c>[Obsolete]</c> or <c>[Experimental]</c>.</summary>
    public static Deprecation Of(ISymbol symbol)
    {
        bool obsolete = false;
        bool asError = false;
        var ids = new List<string>();
        foreach (AttributeData attribute in symbol.GetAttributes())
        {
            switch (attribute.AttributeClass?.ToDisplayString())
            {
                case KnownNames.ObsoleteAttribute:
                    obsolete = true;
                    asError |= attribute.ConstructorArguments.Length == 2 && attribute.ConstructorArguments[1].Value is true;
                    ids.AddRange(attribute.NamedArguments.Where(argument => argument.Key == "DiagnosticId").Select(argument => argument.Value.Value).OfType<string>().Where(IsPragmaId));
                    break;
                case KnownNames.ExperimentalAttribute when attribute.ConstructorArguments.Length == 1 && attribute.ConstructorArguments[0].Value is string id && IsPragmaId(id):
                    ids.Add(id);
                    break;
            }
        }

        return obsolete || ids.Count > 0 ? new Deprecation(obsolete, asError, ids.ToEquatableArray()) : Deprecation.None;
    }

    /// <summary>Whether the symbol or a type around it is <c>[Obsolete]</c>, where C# reports nothing about naming obsolete code.</summary>
    public static bool IsInObsoleteContext(ISymbol symbol)
    {
        for (ISymbol? current = symbol; current is not null and not INamespaceSymbol; current = current.ContainingSymbol)
        {
            if (Attributes.Has(current, KnownNames.ObsoleteAttribute))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>What naming <paramref name="type"/> names: the type, the types around it, what it points to.</summary>
    public static Deprecation OfType(ITypeSymbol type) => OfType(type, depth: 0);

    /// <summary>
    /// The symbol's <c>[Obsolete]</c> and <c>[Experimental]</c> attributes as C# text, for a generated
    /// member that stands for it (the binding's implementation of an interface member).
    /// </summary>
    public static EquatableArray<string> AttributesToMirror(ISymbol symbol) =>
        symbol.GetAttributes()
            .Where(attribute => attribute.AttributeClass?.ToDisplayString() is KnownNames.ObsoleteAttribute or KnownNames.ExperimentalAttribute)
            .Select(attribute => "[global::" + WithoutSuffix(attribute.AttributeClass!.ToDisplayString()) + "(" + string.Join(", ",
                attribute.ConstructorArguments.Select(argument => argument.ToCSharpString())
                    .Concat(attribute.NamedArguments.Select(argument => argument.Key + " = " + argument.Value.ToCSharpString()))) + ")]")
            .ToEquatableArray();

    /// <summary>Whether a user-chosen ID can follow <c>#pragma warning disable</c> (C# itself refuses other experimental IDs).</summary>
    private static bool IsPragmaId(string id) => id.Length > 0 && id.All(c => char.IsLetterOrDigit(c) || c == '_');

    private static string WithoutSuffix(string name) =>
        name.EndsWith("Attribute", System.StringComparison.Ordinal) ? name.Substring(0, name.Length - "Attribute".Length) : name;

    private static Deprecation OfType(ITypeSymbol type, int depth)
    {
        if (depth > 32)
        {
            return Deprecation.None;
        }

        switch (type)
        {
            case IPointerTypeSymbol pointer:
                return OfType(pointer.PointedAtType, depth + 1);
            case IFunctionPointerTypeSymbol functionPointer:
                return SignatureTypes.Of(functionPointer.Signature).Aggregate(Deprecation.None, (all, part) => all.Union(OfType(part, depth + 1)));
            case INamedTypeSymbol named:
                Deprecation found = Deprecation.None;
                for (INamedTypeSymbol? current = named; current is not null; current = current.ContainingType)
                {
                    found = found.Union(Of(current));
                }

                return found;
            default:
                return Deprecation.None;
        }
    }
}
