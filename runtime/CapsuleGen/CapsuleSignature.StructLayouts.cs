namespace CapsuleGen;

public sealed partial class CapsuleSignature
{
    private string[] _structLayouts = [];

    /// <summary>
    /// The layout of every struct the signature reaches (passed by value, behind a pointer, or as a
    /// field of another), one per C name, ordered by name:
    /// <c>struct Point (16 bytes, align 8) { double X at 0; double Y at 8; }</c>. A struct whose
    /// layout cannot be described is named by its .NET type instead:
    /// <c>struct Guid (System.Guid, layout not described)</c>. Two structs that C spells alike but
    /// .NET lays out differently make binding fail. Empty for a signature that names no struct, or
    /// that was written by hand and describes none (then the C signature alone is checked).
    /// </summary>
    public IReadOnlyList<string> StructLayouts => _structLayouts;

    /// <summary>A copy of this signature that also describes the layouts of the structs it reaches; see <see cref="StructLayouts"/>.</summary>
    /// <param name="layouts">One layout per struct, each starting with its C name (<c>struct Point (</c>).</param>
    /// <exception cref="ArgumentException">A layout does not start with <c>struct Name (</c>, or two describe the same struct.</exception>
    public CapsuleSignature WithStructLayouts(params string[] layouts)
    {
        ArgumentNullException.ThrowIfNull(layouts);
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (string layout in layouts)
        {
            ArgumentNullException.ThrowIfNull(layout, nameof(layouts));
            string name = StructName(layout);
            if (!name.StartsWith("struct ", StringComparison.Ordinal) || name.Length == layout.Length)
            {
                throw new ArgumentException($"A struct layout starts with the struct's C name and its size: \"struct Point (16 bytes, ...\", not \"{layout}\".", nameof(layouts));
            }

            if (!names.Add(name))
            {
                throw new ArgumentException($"{name} is described twice; a signature describes each struct once.", nameof(layouts));
            }
        }

        var copy = (CapsuleSignature)MemberwiseClone();
        copy._structLayouts = layouts.OrderBy(StructName, StringComparer.Ordinal).ToArray();
        return copy;
    }

    /// <summary>The layout this signature gives the struct C calls <paramref name="structName"/> (<c>struct Point</c>), or <see langword="null"/>.</summary>
    public string? FindStructLayout(string structName)
    {
        ArgumentNullException.ThrowIfNull(structName);
        return Array.Find(_structLayouts, layout => StructName(layout) == structName);
    }

    /// <summary>The C name a layout starts with: <c>struct Point</c> of <c>struct Point (16 bytes, ...</c>.</summary>
    internal static string StructName(string layout)
    {
        int end = layout.IndexOf(" (", StringComparison.Ordinal);
        return end < 0 ? layout : layout[..end];
    }

    private bool StructLayoutsEqual(CapsuleSignature other) => _structLayouts.AsSpan().SequenceEqual(other._structLayouts);

    private void AddStructLayouts(ref HashCode hash)
    {
        foreach (string layout in _structLayouts)
        {
            hash.Add(layout, StringComparer.Ordinal);
        }
    }
}
