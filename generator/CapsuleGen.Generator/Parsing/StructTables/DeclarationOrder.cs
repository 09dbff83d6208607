using System.Collections.Generic;
using System.Linq;
using CapsuleGen.Generator.Diagnostics;
using Microsoft.CodeAnalysis;

namespace CapsuleGen.Generator.Parsing.StructTables;

/// <summary>
/// Orders a C struct table's members as they are declared, which is their order in memory. C# orders
/// members within one declaration but not across the parts of a partial type, so every field must be
/// in one part.
/// </summary>
internal static class DeclarationOrder
{
    /// <summary>The members in declaration order; reports each declared in another part than the first, and returns null if any is.</summary>
    public static IReadOnlyList<ISymbol>? Sort(INamedTypeSymbol type, IEnumerable<ISymbol> members, DiagnosticSink sink)
    {
        var placed = members.Select(member => (Member: member, Part: PartOf(type, member), Start: member.Locations.FirstOrDefault()?.SourceSpan.Start ?? 0))
            .OrderBy(entry => entry.Part)
            .ThenBy(entry => entry.Start)
            .ToList();
        if (placed.Count == 0)
        {
            return placed.Select(entry => entry.Member).ToList();
        }

        bool valid = true;
        foreach (var entry in placed.Where(entry => entry.Part != placed[0].Part))
        {
            sink.Report(Descriptors.StructTableSplitAcrossParts, SourceLocations.Of(entry.Member),
                type.Name + "." + entry.Member.Name, type.Name, type.Name + "." + placed[0].Member.Name);
            valid = false;
        }

        return valid ? placed.Select(entry => entry.Member).ToList() : null;
    }

    /// <summary>Which of the type's declarations holds the member, in the order the compiler gives them.</summary>
    private static int PartOf(INamedTypeSymbol type, ISymbol member)
    {
        Location? location = member.Locations.FirstOrDefault();
        for (int i = 0; i < type.DeclaringSyntaxReferences.Length; i++)
        {
            SyntaxReference part = type.DeclaringSyntaxReferences[i];
            if (location is not null && part.SyntaxTree == location.SourceTree && part.Span.Contains(location.SourceSpan))
            {
                return i;
            }
        }

        return type.DeclaringSyntaxReferences.Length;
    }
}
