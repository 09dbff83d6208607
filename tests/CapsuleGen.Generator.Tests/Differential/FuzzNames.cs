using System.Text;

namespace CapsuleGen.Generator.Tests.Differential;

/// <summary>
/// Names a new user might write: plain, C# keywords (reserved and contextual), non-ASCII, and the
/// names generated code itself uses; and capsule names with every character that breaks text.
/// </summary>
internal static class FuzzNames
{
    private static readonly string[] s_identifiers =
    [
        "Point", "Api", "API", "Duck", "Scale", "Value", "Data", "Vec", "Node", "Sample",
        "class", "event", "struct", "in", "return", "object", "params", "fixed",
        "record", "var", "async", "await", "nameof", "args", "global", "dynamic", "unmanaged", "managed", "when", "from",
        "Ünïcödé", "Ωmega", "Δ", "λ", "名前", "Ĳssel", "résumé",
        "Target", "Fallback", "s_fallback", "_target", "s_slots", "s_structLayouts", "table", "capsule", "pointer", "exception",
        "Trampoline", "Create", "Table", "Exports", "Manifest",
    ];

    /// <summary>Names a parameter may have on top of the others: those of the binding's own members.</summary>
    private static readonly string[] s_parameterOnly = ["CapsuleName", "CSignature", "Bind", "IsBound", "BoundCapsule", "Binding", "target1", "exception1"];

    private static readonly string[] s_capsulePieces =
    [
        "a", "Z", "0", ".", "_", " ", "\"", "\\", "'", "\n", "\r", "\t", "\u0085", "\u2028", "\u2029", "\u0001", "\u001f", "\u007f",
        "é", "漢", "\ud83e\udd86", "\u200b", "\u00a0", "{", "}", "<", ">", "&", "*/", "/*", "<!--", "\u00ad", "\ufeff",
    ];

    /// <summary>A random identifier (unescaped: the renderers escape keywords), unique in <paramref name="taken"/>.</summary>
    public static string Identifier(Random random, HashSet<string> taken, bool parameter = false)
    {
        string[] pool = parameter && random.Next(4) == 0 ? s_parameterOnly : s_identifiers;
        string name = pool[random.Next(pool.Length)];
        string unique = name;
        for (int i = 2; !taken.Add(unique); i++)
        {
            unique = name + i.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        return unique;
    }

    /// <summary>A capsule name no other case uses: the case's prefix, then random awkward pieces.</summary>
    public static string CapsuleName(Random random, int index)
    {
        var builder = new StringBuilder("c").Append(index).Append(':');
        int pieces = random.Next(1, 6);
        for (int i = 0; i < pieces; i++)
        {
            builder.Append(s_capsulePieces[random.Next(s_capsulePieces.Length)]);
        }

        return builder.ToString();
    }
}
