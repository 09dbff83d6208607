using System;
using System.Collections.Generic;
using System.Linq;
using CapsuleGen.Generator.Diagnostics;
using Microsoft.CodeAnalysis;

namespace CapsuleGen.Generator.Parsing.StructTables;

/// <summary>
/// Reports members whose attribute belongs to the other layout (CAPS0061): <c>[CapsuleSlot]</c> in a C
/// struct table, <c>[CapsuleField]</c> in a table of slots. Each is reported on its member.
/// </summary>
internal static class MisplacedAttributes
{
    /// <summary>Reports each member <paramref name="carries"/> the attribute; returns whether none does.</summary>
    /// <param name="type">The table.</param>
    /// <param name="members">Its members.</param>
    /// <param name="carries">Whether a member carries the misplaced attribute.</param>
    /// <param name="attribute">The attribute as the message names it: <c>CapsuleSlot</c>.</param>
    /// <param name="explanation">What the table is and what to do, after the table's name.</param>
    /// <param name="sink">Where problems go.</param>
    public static bool Report(INamedTypeSymbol type, IEnumerable<ISymbol> members, Func<ISymbol, bool> carries, string attribute, string explanation, DiagnosticSink sink)
    {
        bool valid = true;
        foreach (ISymbol member in members.Where(carries))
        {
            sink.Report(Descriptors.AttributeDoesNotFitLayout, SourceLocations.Of(member), type.Name + "." + member.Name, attribute, type.Name, explanation);
            valid = false;
        }

        return valid;
    }
}
