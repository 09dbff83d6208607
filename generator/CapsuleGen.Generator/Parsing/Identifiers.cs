using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace CapsuleGen.Generator.Parsing;

internal static class Identifiers
{
    /// <summary>Prefixes <c>@</c> to names that are C# keywords, so generated code can use them.</summary>
    public static string Escape(string name) =>
        SyntaxFacts.GetKeywordKind(name) != SyntaxKind.None ? "@" + name : name;

    /// <summary>
    /// A type's name for a generated partial declaration of it. Contextual keywords and names of
    /// lower-case ASCII letters only are escaped too: C# warns about such type names (CS8860, CS8981),
    /// but not when they are written with <c>@</c>, and no <c>#pragma</c> of the user's reaches a generated file.
    /// </summary>
    public static string EscapeTypeName(string name) =>
        SyntaxFacts.GetContextualKeywordKind(name) != SyntaxKind.None || IsLowerCaseAscii(name) ? "@" + name : Escape(name);

    private static bool IsLowerCaseAscii(string name) => name.Length > 0 && name.All(c => c is >= 'a' and <= 'z');

    /// <summary>A namespace as C# writes it, each segment escaped (<c>@class.Api</c>), or null for the global namespace.</summary>
    public static string? Namespace(INamespaceSymbol? ns)
    {
        var segments = new List<string>();
        for (INamespaceSymbol? current = ns; current is { IsGlobalNamespace: false }; current = current.ContainingNamespace)
        {
            segments.Insert(0, Escape(current.Name));
        }

        return segments.Count == 0 ? null : string.Join(".", segments);
    }

    /// <summary>
    /// The name a field shows in a struct layout: its own, or for a compiler-made field (an
    /// auto-property's backing field <c>&lt;X&gt;k__BackingField</c>, a captured primary constructor
    /// parameter <c>&lt;x&gt;P</c>) the name the user wrote.
    /// </summary>
    public static string FieldName(IFieldSymbol field)
    {
        if (field.AssociatedSymbol is { } associated)
        {
            return associated.Name;
        }

        string name = field.Name;
        int close = name.IndexOf('>');
        return name.StartsWith("<", System.StringComparison.Ordinal) && close > 1 ? name.Substring(1, close - 1) : name;
    }

    /// <summary><see cref="Unused"/>, added to <paramref name="taken"/> so that the next name chosen differs.</summary>
    public static string Take(string preferred, ISet<string> taken)
    {
        string name = Unused(preferred, taken);
        taken.Add(name);
        return name;
    }

    /// <summary><paramref name="preferred"/>, or the first of <c>preferred1</c>, <c>preferred2</c>… that is not in <paramref name="taken"/>.</summary>
    public static string Unused(string preferred, ICollection<string> taken)
    {
        string name = preferred;
        for (int suffix = 1; taken.Contains(name); suffix++)
        {
            name = preferred + suffix.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        return name;
    }
}
