using System.Collections.Generic;
using System.Linq;
using CapsuleGen.Generator.Diagnostics;
using CapsuleGen.Generator.Model;
using CapsuleGen.Generator.Parsing.Layouts;
using CapsuleGen.Generator.Parsing.StructTables;
using Microsoft.CodeAnalysis;

namespace CapsuleGen.Generator.Parsing;

/// <summary>
/// Turns a class marked <c>[ExportCapsule]</c> into an <see cref="ExportedTable"/>, or reports why it
/// cannot be exported. A C struct table's fields are read by <see cref="StructExportParser"/>.
/// </summary>
internal static class TableExportParser
{
    public static ExportedTable? Parse(INamedTypeSymbol type, AttributeData attribute, DiagnosticSink sink)
    {
        if (attribute.AttributeConstructor is null || BrokenDeclarations.HasAttributeTwice(type, KnownNames.ExportCapsuleAttribute))
        {
            return null; // the compiler already reports the malformed or repeated attribute
        }

        if (type.TypeKind != TypeKind.Class)
        {
            sink.Report(Descriptors.UnsupportedTarget, SourceLocations.Of(type), type.Name, Descriptors.Exported,
                "a table is exported from a 'partial class' whose static methods fill its slots; declare it as a class");
            return null;
        }

        TypeLocation? location = TypeLocationParser.Parse(type, sink);
        bool valid = location is not null;

        string? name = null;
        if (CapsuleNameParser.UsesSignatureName(attribute))
        {
            sink.Report(Descriptors.TableNeedsName, SourceLocations.Of(type), type.Name, "ExportCapsule");
            valid = false;
        }
        else if (!CapsuleNameParser.TryRead(attribute, type, sink, out name))
        {
            valid = false;
        }

        valid &= ExportParser.TryReadPolicy(attribute, type, type.Name, sink, out ExceptionPolicy policy);
        TableLayout? layout = LayoutArgument.Read(attribute, type, sink);
        if (layout is null)
        {
            return null; // what the members mean depends on the layout: they are read once it is fixed
        }

        if (layout == TableLayout.CStruct)
        {
            return ParseStruct(type, location, name, policy, valid, sink);
        }

        valid &= FieldsOutOfPlace(type, sink);
        var slotParser = new SlotParser(type.Name, sink);
        var structs = new StructCatalog(type.ContainingAssembly);
        var slots = new List<(int Index, IMethodSymbol Method, FunctionSignature Signature)>();
        bool anySlot = false;
        foreach (ISymbol member in type.GetMembers().Where(SlotParser.HasSlot))
        {
            anySlot = true;
            if (member is not IMethodSymbol method)
            {
                sink.Report(Descriptors.MemberCannotBeBound, SourceLocations.Of(member), type.Name + "." + member.Name, "only static methods fill the slots of an exported table");
                valid = false;
                continue;
            }

            FunctionSignature? signature = ExportParser.ParseMethod(method, structs, sink);
            int? index = slotParser.Read(method);
            if (signature is null || index is null)
            {
                valid = false;
                continue;
            }

            slots.Add((index.Value, method, signature));
        }

        valid &= GeneratedNames.AreFree(type, type, type.Name, sink, GeneratedNames.CapsuleProperty(type.Name));

        if (!anySlot)
        {
            sink.Report(Descriptors.TableHasNoSlots, SourceLocations.Of(type), type.Name);
            valid = false;
        }

        if (!valid || location is null)
        {
            return null;
        }

        EquatableArray<ExportedSlot> exportedSlots = slots
            .OrderBy(slot => slot.Index)
            .Select(slot => new ExportedSlot(slot.Index, TableFunction(location, slot.Method, name, slot.Signature, policy)))
            .ToEquatableArray();

        return new ExportedTable(
            location,
            name,
            slots.Max(slot => slot.Index) + 1,
            exportedSlots,
            GeneratedNames.TableFactory(type),
            structs.Texts,
            GeneratedNames.HidesGenerated(type, GeneratedNames.CapsuleProperty(type.Name)),
            DeprecationReader.Of(type));
    }

    private static ExportedTable? ParseStruct(INamedTypeSymbol type, TypeLocation? location, string? name, ExceptionPolicy policy, bool valid, DiagnosticSink sink)
    {
        var structs = new StructCatalog(type.ContainingAssembly);
        StructTable? table = location is null ? null : StructExportParser.Parse(type, location, name, policy, structs, sink);
        valid &= GeneratedNames.AreFree(type, type, type.Name, sink, GeneratedNames.CapsuleProperty(type.Name));
        if (!valid || location is null || table is null)
        {
            return null;
        }

        return new ExportedTable(
            location,
            name,
            SlotCount: 0,
            EquatableArray<ExportedSlot>.Empty,
            GeneratedNames.TableFactory(type),
            structs.Texts,
            GeneratedNames.HidesGenerated(type, GeneratedNames.CapsuleProperty(type.Name)),
            DeprecationReader.Of(type),
            table);
    }

    /// <summary>Reports every <c>[CapsuleField]</c> in a table of slots, where it places nothing.</summary>
    private static bool FieldsOutOfPlace(INamedTypeSymbol type, DiagnosticSink sink) =>
        MisplacedAttributes.Report(type, type.GetMembers(), FieldAttribute.Has, "CapsuleField",
            "is a table of slots; mark it [CapsuleSlot(n)], or export a C struct with [ExportCapsule(..., Layout = CapsuleLayout.CStruct)]", sink);

    /// <summary>A function of a table, in a slot or a C struct's field: private, reached only through the table.</summary>
    internal static ExportedFunction TableFunction(TypeLocation location, IMethodSymbol method, string? capsuleName, FunctionSignature signature, ExceptionPolicy policy)
    {
        (string trampoline, string entry) = GeneratedNames.EntryPoints(method);
        return new ExportedFunction(
            location, Identifiers.Escape(method.Name), "private", capsuleName, signature, policy, trampoline, entry, EquatableArray<string>.Empty, DeprecationReader.Of(method));
    }
}
