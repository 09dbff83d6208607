using CapsuleGen.Generator.Diagnostics;
using CapsuleGen.Generator.Model;
using Microsoft.CodeAnalysis;

namespace CapsuleGen.Generator.Parsing.StructTables;

/// <summary>Reads <c>Layout = CapsuleLayout...</c> from <c>[ImportCapsule]</c> or <c>[ExportCapsule]</c>.</summary>
internal static class LayoutArgument
{
    /// <summary>The layout the attribute asks for (slots when it names none), or null after reporting a value that is no <c>CapsuleLayout</c>.</summary>
    public static TableLayout? Read(AttributeData attribute, ISymbol owner, DiagnosticSink sink)
    {
        foreach (var argument in attribute.NamedArguments)
        {
            if (argument.Key != KnownNames.LayoutProperty || argument.Value.Value is not int layout)
            {
                continue;
            }

            switch (layout)
            {
                case KnownNames.SlotsLayout:
                    return TableLayout.Slots;
                case KnownNames.CStructLayout:
                    return TableLayout.CStruct;
                default:
                    sink.Report(Descriptors.NotAStructField, SourceLocations.NamedArgument(attribute, argument.Key, owner), owner.Name,
                        $"Layout is {layout}, which is no CapsuleLayout; use CapsuleLayout.Slots or CapsuleLayout.CStruct");
                    return null;
            }
        }

        return TableLayout.Slots;
    }
}
