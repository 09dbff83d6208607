using System.Collections.Generic;
using CapsuleGen.Generator.Diagnostics;
using CapsuleGen.Generator.Model;
using Microsoft.CodeAnalysis;

namespace CapsuleGen.Generator.Parsing;

/// <summary>
/// Reads where generated members go: the namespace and the chain of types around them, each of
/// which must be partial, non-generic and not file-local for a generated partial declaration to join it.
/// </summary>
internal static class TypeLocationParser
{
    public static TypeLocation? Parse(INamedTypeSymbol type, DiagnosticSink sink)
    {
        var chain = new List<ContainingType>();
        bool valid = true;
        bool clsCompliant = false;
        for (INamedTypeSymbol? current = type; current is not null; current = current.ContainingType)
        {
            if (current.Name.Length == 0)
            {
                return null; // a type not yet named, which the compiler reports
            }

            clsCompliant |= CompilationFacts.IsMarkedClsCompliant(current);

            if (!SourceLocations.IsPartial(current))
            {
                sink.Report(Descriptors.TypeNotPartial, SourceLocations.Of(current), current.Name);
                valid = false;
            }

            if (current.IsFileLocal)
            {
                sink.Report(Descriptors.FileLocalType, SourceLocations.Of(current), current.Name);
                valid = false;
            }

            if (current.IsGenericType)
            {
                sink.Report(Descriptors.GenericNotSupported, SourceLocations.Of(current), current.Name);
                valid = false;
            }

            chain.Insert(0, new ContainingType(Keyword(current), Identifiers.EscapeTypeName(current.Name), current.IsRefLikeType));
        }

        if (!valid || BrokenDeclarations.HasUnnamedNamespace(type))
        {
            return null;
        }

        return new TypeLocation(Identifiers.Namespace(type.ContainingNamespace), chain.ToEquatableArray(), clsCompliant);
    }

    private static string Keyword(INamedTypeSymbol type) => type switch
    {
        { TypeKind: TypeKind.Interface } => "interface",
        { IsRecord: true, TypeKind: TypeKind.Struct } => "record struct",
        { IsRecord: true } => "record",
        { TypeKind: TypeKind.Struct } => "struct",
        _ => "class",
    };
}
