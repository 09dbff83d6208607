using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.Linq;
using System.Text;

namespace CapsuleGen.Generator.Emitting;

/// <summary>
/// Gives every generated file a hint name Roslyn accepts: readable (<c>Samples.Quack.CppDuck.Exports.g.cs</c>),
/// made of characters Roslyn allows in a hint name, and unique ignoring case, as Roslyn requires
/// (<c>Api</c> and <c>API</c> may both be types, but not both file names). Files whose readable
/// names would collide get a stable hash of their exact name.
/// </summary>
internal static class HintNames
{
    private const int MaxReadableLength = 120;

    public static IEnumerable<GeneratedSource> Assign(ImmutableArray<GeneratedSource> sources)
    {
        var readable = sources
            .OrderBy(source => source.FullName, System.StringComparer.Ordinal)
            .ThenBy(source => source.Kind, System.StringComparer.Ordinal)
            .Select(source => (Source: source, Name: Readable(source)))
            .ToList();
        var used = new HashSet<string>(System.StringComparer.OrdinalIgnoreCase);
        foreach (var group in readable.GroupBy(entry => entry.Name, System.StringComparer.OrdinalIgnoreCase))
        {
            bool collides = group.Skip(1).Any();
            foreach ((GeneratedSource source, string name) in group)
            {
                string unique = collides ? name + "." + Hash(source.FullName + "\n" + source.Kind) : name;
                for (int attempt = 2; !used.Add(unique); attempt++)
                {
                    unique = name + "." + Hash(source.FullName + "\n" + source.Kind) + "." + attempt.ToString(CultureInfo.InvariantCulture);
                }

                yield return source with { HintName = unique + ".g.cs" };
            }
        }
    }

    /// <summary><c>Ns.Duck.Exports</c>, with every character Roslyn might refuse replaced by '_'.</summary>
    private static string Readable(GeneratedSource source)
    {
        var builder = new StringBuilder(source.FullName.Length + source.Kind.Length + 1);
        foreach (char c in source.FullName)
        {
            builder.Append(IsSafe(c) ? c : '_');
        }

        string name = builder.ToString();
        if (name.Length > MaxReadableLength)
        {
            name = name.Substring(0, MaxReadableLength) + "." + Hash(source.FullName);
        }

        return name + "." + source.Kind;
    }

    private static bool IsSafe(char c) =>
        c is '.' or '_' or (>= 'a' and <= 'z') or (>= 'A' and <= 'Z') or (>= '0' and <= '9') ||
        (c > 127 && char.GetUnicodeCategory(c) is UnicodeCategory.UppercaseLetter or UnicodeCategory.LowercaseLetter or
            UnicodeCategory.TitlecaseLetter or UnicodeCategory.OtherLetter or UnicodeCategory.DecimalDigitNumber);

    /// <summary>FNV-1a over the UTF-16 text: stable across runs and machines, unlike string.GetHashCode.</summary>
    private static string Hash(string text)
    {
        uint hash = 2166136261;
        foreach (char c in text)
        {
            hash = (hash ^ c) * 16777619;
        }

        return hash.ToString("x8", CultureInfo.InvariantCulture);
    }
}
