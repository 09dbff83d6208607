using System.Collections.Generic;
using System.Linq;
using CapsuleGen.Generator.Diagnostics;
using Microsoft.CodeAnalysis;

namespace CapsuleGen.Generator.Parsing;

/// <summary>Reads <c>[CapsuleSlot(n)]</c> and checks that the slots of one table are valid and distinct.</summary>
internal sealed class SlotParser
{
    /// <summary>The highest slot index accepted; NumPy's C API, among the largest, has about 300 slots.</summary>
    public const int MaxSlot = 4095;

    private readonly string _tableName;
    private readonly DiagnosticSink _sink;
    private readonly Dictionary<int, string> _claimed = new();

    public SlotParser(string tableName, DiagnosticSink sink)
    {
        _tableName = tableName;
        _sink = sink;
    }

    /// <summary>Whether the member carries <c>[CapsuleSlot]</c> at all.</summary>
    public static bool HasSlot(ISymbol member) => Find(member) is not null;

    /// <summary>The member's slot if it has a valid one not yet claimed; otherwise reports why and returns null.</summary>
    public int? Read(ISymbol member)
    {
        AttributeData? attribute = Find(member);
        if (attribute is null)
        {
            _sink.Report(Descriptors.MemberNeedsSlot, SourceLocations.Of(member), Display(member), _tableName);
            return null;
        }

        if (attribute.ConstructorArguments.Length != 1 || attribute.ConstructorArguments[0].Value is not int index)
        {
            return null; // the compiler already reports the malformed attribute
        }

        if (index is < 0 or > MaxSlot)
        {
            _sink.Report(Descriptors.InvalidSlotIndex, SourceLocations.AttributeArgument(attribute, member), index, Display(member), MaxSlot);
            return null;
        }

        if (_claimed.TryGetValue(index, out string? holder))
        {
            _sink.Report(Descriptors.DuplicateSlot, SourceLocations.AttributeArgument(attribute, member), Display(member), index, holder);
            return null;
        }

        _claimed.Add(index, Display(member));
        return index;
    }

    private static AttributeData? Find(ISymbol member) => Attributes.Find(member, KnownNames.CapsuleSlotAttribute);

    private static string Display(ISymbol member) => member.ContainingType.Name + "." + member.Name;
}
