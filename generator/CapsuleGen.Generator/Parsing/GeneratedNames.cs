using System.Collections.Generic;
using System.Linq;
using CapsuleGen.Generator.Diagnostics;
using Microsoft.CodeAnalysis;

namespace CapsuleGen.Generator.Parsing;

/// <summary>
/// Keeps the members the generator adds to a user's type apart from the user's own. Names that are
/// public API (<c>QuackCapsule</c>) are fixed, so a clash is reported; private helpers (trampolines,
/// the table factory) are named against every name the type already uses, so they never clash.
/// </summary>
internal static class GeneratedNames
{
    /// <summary>Whether each public name is free in <paramref name="type"/>; reports every one that is taken.</summary>
    public static bool AreFree(INamedTypeSymbol type, ISymbol owner, string ownerDisplay, DiagnosticSink sink, params string[] names)
    {
        bool free = true;
        foreach (string name in names)
        {
            string? holder = name == type.Name
                ? $"'{type.Name}' is itself named '{name}', and a member cannot have its type's name"
                : FindHolder(type, name);
            if (holder is not null)
            {
                sink.Report(Descriptors.GeneratedNameTaken, SourceLocations.Of(owner), ownerDisplay, name, holder);
                free = false;
            }
        }

        return free;
    }

    /// <summary>
    /// Every name <paramref name="type"/> uses: its own, its members', its nested types' and those it
    /// inherits (a generated member with an inherited name would hide it, which C# warns about).
    /// </summary>
    public static HashSet<string> TakenIn(INamedTypeSymbol type)
    {
        var taken = new HashSet<string>(System.StringComparer.Ordinal) { type.Name };
        for (INamedTypeSymbol? current = type; current is not null; current = current.BaseType)
        {
            taken.UnionWith(current.GetMembers().Where(member => !IsOurs(member)).Select(member => member.Name));
        }

        return taken;
    }

    private static string? FindHolder(INamedTypeSymbol type, string name)
    {
        for (INamedTypeSymbol? current = type; current is not null; current = current.BaseType)
        {
            if (current.GetMembers(name).Any(member => !IsOurs(member)))
            {
                return SymbolEqualityComparer.Default.Equals(current, type)
                    ? $"'{type.Name}' already declares '{name}'"
                    : $"'{type.Name}' inherits '{name}' from '{current.Name}'";
            }
        }

        return null;
    }

    /// <summary>
    /// Whether a member comes from this generator's own output (the analyzer sees the compilation
    /// with generated files in it; the generator itself never does).
    /// </summary>
    public static bool IsOurs(ISymbol member) =>
        member.DeclaringSyntaxReferences.Length > 0 &&
        member.DeclaringSyntaxReferences.All(reference => reference.SyntaxTree.FilePath.Contains(typeof(CapsuleGenerator).FullName));
}
