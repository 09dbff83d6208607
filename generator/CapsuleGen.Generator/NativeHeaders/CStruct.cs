using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.RegularExpressions;

namespace CapsuleGen.Generator.NativeHeaders;

/// <summary>A member of a struct as the header declares it.</summary>
/// <param name="Type">Its type as a C declaration spells it around the name: <c>double</c>, <c>void (*)(int)</c>.</param>
/// <param name="Name">Its C name.</param>
/// <param name="Declaration">The whole member declaration, without <c>;</c>: <c>uint16_t Text[32]</c>.</param>
/// <param name="Offset">Where .NET puts it.</param>
internal sealed record CStructMember(string Type, string Name, string Declaration, int Offset);

/// <summary>
/// A struct of a signature as the header declares it, read back from the layout text the capsule
/// signature carries (<c>struct Point (16 bytes, align 8) { double X at 0; double Y at 8; }</c>),
/// with the names made C identifiers. Bytes .NET leaves between members beyond C's own padding
/// become <c>unsigned char</c> arrays; a struct C cannot lay out the same (packed, overlapping, or
/// not described) is declared incomplete, so it can be passed behind a pointer but not by value.
/// </summary>
internal sealed class CStruct
{
    private static readonly Regex s_layout = new(@"^(?<tag>struct \S+) \((?<size>\d+) bytes?, align (?<align>\d+)\) \{ (?<fields>.*)\}$", RegexOptions.Singleline);
    private static readonly Regex s_field = new(@"(?<decl>.+?) at (?<offset>\d+); ", RegexOptions.Singleline);
    private static readonly Regex s_fieldName = new(@"(?<name>[\p{L}_][\p{L}\p{Nd}_]*)(?=(\[\d+\])*$|\))");
    private static readonly Regex s_structTag = new(@"struct (?<name>[^\s*()\[\],;]+)");

    private CStruct(string tag, int size, int alignment, IReadOnlyList<CStructMember>? members)
    {
        Tag = tag;
        Size = size;
        Alignment = alignment;
        Members = members;
    }

    /// <summary>The struct's C name: <c>struct Point</c>.</summary>
    public string Tag { get; }

    public int Size { get; }

    public int Alignment { get; }

    /// <summary>The members in order, padding included; null for a struct declared incomplete.</summary>
    public IReadOnlyList<CStructMember>? Members { get; private set; }

    /// <summary>The tags of the structs it holds by value, which must be declared before it.</summary>
    public IEnumerable<string> Holds => (Members ?? []).Select(member => s_structTag.Match(member.Type)).Where(match => match.Success && match.Index == 0).Select(match => match.Value);

    /// <summary>The C name a layout text declares, as the header spells it: <c>struct Point</c>.</summary>
    public static string TagOf(string layout)
    {
        int end = layout.IndexOf(" (", System.StringComparison.Ordinal);
        return Types(end < 0 ? layout : layout.Substring(0, end));
    }

    /// <summary>A type spelling with its struct names made C identifiers (as members are: a keyword gets <c>_</c>) and UTF-16 units spelled <c>uint16_t</c> (C99 has no <c>char16_t</c>).</summary>
    public static string Types(string spelling) =>
        Regex.Replace(s_structTag.Replace(spelling, match => "struct " + CNames.Member(match.Groups["name"].Value)), @"\bchar16_t\b", "uint16_t");

    /// <summary>Every struct of <paramref name="layouts"/>, each after the structs it holds by value.</summary>
    public static IReadOnlyList<CStruct> ReadAll(IEnumerable<string> layouts)
    {
        var read = new Dictionary<string, CStruct>(System.StringComparer.Ordinal);
        foreach (string text in layouts)
        {
            CStruct parsed = Parse(text);
            read[parsed.Tag] = parsed;
        }

        var ordered = new List<CStruct>();
        var placed = new HashSet<string>(System.StringComparer.Ordinal);
        foreach (CStruct structure in read.Values.OrderBy(s => s.Tag, System.StringComparer.Ordinal))
        {
            Place(structure, read, placed, ordered, depth: 0);
        }

        // Inner structs first, so that an outer one knows whether C can hold them.
        foreach (CStruct structure in ordered)
        {
            structure.PadOrGiveUp(read);
        }

        return ordered;
    }

    private static void Place(CStruct structure, Dictionary<string, CStruct> all, HashSet<string> placed, List<CStruct> ordered, int depth)
    {
        if (depth > 64 || !placed.Add(structure.Tag))
        {
            return;
        }

        foreach (string held in structure.Holds)
        {
            if (all.TryGetValue(held, out CStruct? inner))
            {
                Place(inner, all, placed, ordered, depth + 1);
            }
        }

        ordered.Add(structure);
    }

    private static CStruct Parse(string layout)
    {
        Match match = s_layout.Match(layout);
        if (!match.Success)
        {
            return new CStruct(TagOf(layout), 0, 1, null); // not described: only its name is known
        }

        var members = new List<CStructMember>();
        foreach (Match field in s_field.Matches(match.Groups["fields"].Value))
        {
            string declaration = field.Groups["decl"].Value;
            Match name = s_fieldName.Match(declaration);
            if (!name.Success)
            {
                return new CStruct(TagOf(layout), 0, 1, null);
            }

            string type = Types(declaration.Remove(name.Index, name.Length));
            string cName = CNames.Member(name.Value);
            members.Add(new CStructMember(type, cName, Types(declaration.Substring(0, name.Index)) + cName + declaration.Substring(name.Index + name.Length), Number(field.Groups["offset"].Value)));
        }

        return new CStruct(TagOf(layout), Number(match.Groups["size"].Value), Number(match.Groups["align"].Value), members);
    }

    /// <summary>
    /// Lays the members out as C would; where .NET leaves more room, an explicit padding array goes
    /// in; where C cannot match (a member earlier than C would place it, a size C would not give),
    /// the struct is declared incomplete.
    /// </summary>
    private void PadOrGiveUp(Dictionary<string, CStruct> all)
    {
        if (Members is null)
        {
            return;
        }

        var padded = new List<CStructMember>();
        int end = 0;
        int alignment = 1;
        foreach (CStructMember member in Members)
        {
            if (CTypes.SizeAndAlignment(member.Declaration, member.Type, all) is not (int size, int align))
            {
                Members = null;
                return;
            }

            int natural = Align(end, align);
            if (member.Offset < natural || member.Offset % align != 0)
            {
                Members = null;
                return;
            }

            if (member.Offset > end && member.Offset != natural)
            {
                padded.Add(Padding(padded.Count, end, member.Offset - end));
            }

            padded.Add(member);
            end = member.Offset + size;
            alignment = System.Math.Max(alignment, align);
        }

        if (alignment != Alignment || Size < end)
        {
            Members = null;
            return;
        }

        if (Align(end, alignment) != Size)
        {
            padded.Add(Padding(padded.Count, end, Size - end));
        }

        Members = padded;
    }

    private static CStructMember Padding(int index, int offset, int length)
    {
        string name = "capsulegen_padding" + index.ToString(CultureInfo.InvariantCulture);
        return new CStructMember("unsigned char", name, $"unsigned char {name}[{length.ToString(CultureInfo.InvariantCulture)}]", offset);
    }

    private static int Align(int offset, int alignment) => (offset + alignment - 1) / alignment * alignment;

    private static int Number(string digits) => int.Parse(digits, NumberStyles.None, CultureInfo.InvariantCulture);
}
