using System.Collections.Generic;
using System.Linq;
using CapsuleGen.Generator.Diagnostics;
using CapsuleGen.Generator.Model;
using CapsuleGen.Generator.Parsing.Layouts;
using CapsuleGen.Generator.Parsing.StructTables;
using Microsoft.CodeAnalysis;

namespace CapsuleGen.Generator.Parsing;

/// <summary>
/// Turns an interface marked <c>[ImportCapsule]</c> into an <see cref="ImportedInterface"/>, or
/// reports why it cannot be bound. One method and no <c>[CapsuleSlot]</c>: the capsule's pointer is
/// the function. Several members, or any <c>[CapsuleSlot]</c>: the pointer is a table. With
/// <c>Layout = CapsuleLayout.CStruct</c>, a table laid out as a C struct of every member, in order.
/// </summary>
internal static class ImportParser
{
    /// <summary>What every class inherits from <c>object</c>: the binding and its target may declare none of these names.</summary>
    private static readonly string[] s_objectMembers = { "Equals", "GetHashCode", "GetType", "ToString", "MemberwiseClone", "Finalize" };

    /// <summary>
    /// Names the generated <c>Binding</c> class declares, and <c>object</c>'s members it inherits;
    /// an interface member with one of these names would clash with them.
    /// </summary>
    private static readonly HashSet<string> s_reservedNames = new(new[]
    {
        "Binding", "Bind", "Unbind", "IsBound", "ShareBoundCapsule", "CapsuleName", "CSignature", "CurrentTarget", "OpenTarget",
    }.Concat(s_objectMembers));

    public static ImportedInterface? Parse(INamedTypeSymbol type, AttributeData attribute, DiagnosticSink sink)
    {
        if (attribute.AttributeConstructor is null || BrokenDeclarations.HasAttributeTwice(type, KnownNames.ImportCapsuleAttribute))
        {
            return null; // the compiler already reports the malformed or repeated attribute
        }

        if (type.TypeKind != TypeKind.Interface || !SourceLocations.IsPartial(type))
        {
            sink.Report(Descriptors.ImportNotPartialInterface, SourceLocations.Of(type), type.Name);
            return null;
        }

        TypeLocation? location = TypeLocationParser.Parse(type, sink);
        bool valid = location is not null;

        if (type.Name == "Binding")
        {
            sink.Report(Descriptors.MemberNameReserved, SourceLocations.Of(type), type.Name, "the class it would contain, and a nested type cannot have the name of the type around it");
            valid = false;
        }

        foreach (INamedTypeSymbol baseInterface in type.Interfaces)
        {
            valid = false;
            if (baseInterface.TypeKind == TypeKind.Error)
            {
                continue; // the compiler reports it
            }

            sink.Report(Descriptors.MemberCannotBeBound, SourceLocations.Of(type), baseInterface.Name,
                $"'{type.Name}' inherits it, and members of base interfaces are not bound; declare the members in '{type.Name}' itself");
        }

        // Whether this is a table is decided by what is declared, valid or not, so that one bad
        // member is reported once rather than also making the interface look empty.
        // The analyzer sees the compilation with the generated Binding in it: that class is not the user's.
        ISymbol[] members = type.GetMembers().Where(member => !GeneratedNames.IsOurs(member)).ToArray();
        ISymbol[] declared = members
            .Where(member => !member.IsStatic && member is IMethodSymbol { MethodKind: MethodKind.Ordinary } or IPropertySymbol)
            .ToArray();
        TableLayout? layout = LayoutArgument.Read(attribute, type, sink);
        if (layout is null)
        {
            return null; // what the members mean depends on the layout: they are read once it is fixed
        }

        bool isStruct = layout == TableLayout.CStruct;
        valid &= StructImportParser.ReportMisplaced(type, members, isStruct, sink);
        bool isTable = isStruct || declared.Length > 1 || declared.Any(member => member is IPropertySymbol || SlotParser.HasSlot(member));
        IEnumerable<ISymbol> bindable = members.Where(member => IsBindable(type, member, sink, ref valid)).ToArray();
        if (isStruct)
        {
            // Declaration order is memory order, so the members are read in it.
            IReadOnlyList<ISymbol>? ordered = DeclarationOrder.Sort(type, bindable, sink);
            valid &= ordered is not null;

            // A property declared twice is the compiler's error (CS0102); the binding would repeat it.
            valid &= !bindable.Any(member => member is IPropertySymbol && type.GetMembers(member.Name).Length > 1);
            bindable = ordered ?? bindable;
        }

        if (!isTable && declared.Length == 0)
        {
            sink.Report(Descriptors.ImportNeedsOneFunction, SourceLocations.Of(type), type.Name, 0);
            valid = false;
        }

        var slotParser = new SlotParser(type.Name, sink);
        var structs = new StructCatalog(type.ContainingAssembly);
        var methods = new List<ImportedMethod>();
        var dataSlots = new List<ImportedDataSlot>();
        var fields = new List<(ISymbol Member, string Name, FunctionSignature? Signature, BoundaryType? Value)>();
        foreach (ISymbol member in bindable)
        {
            if (s_reservedNames.Contains(member.Name))
            {
                sink.Report(Descriptors.MemberNameReserved, SourceLocations.Of(member), type.Name + "." + member.Name, "a member of the generated Binding class");
                valid = false;
            }

            // A [CapsuleField] in a table of slots was reported above; it needs no second report for its missing slot.
            int? slot = isTable && !isStruct && !FieldAttribute.Has(member) ? slotParser.Read(member) : null;
            valid &= !isTable || isStruct || slot is not null;
            switch (member)
            {
                case IMethodSymbol method when SignatureParser.Parse(method, type.Name + "." + method.Name, structs, keepDefaults: true, sink) is { } signature:
                    methods.Add(new ImportedMethod(
                        Identifiers.Escape(method.Name), signature, HasDefaultBody: !method.IsAbstract, slot, DeprecationReader.AttributesToMirror(method),
                        !Accessibilities.AreVisibleWherever(SignatureTypes.Of(method), type)));
                    fields.Add((member, methods[methods.Count - 1].Name, signature, null));
                    break;
                case IPropertySymbol property when (isStruct ? StructImportParser.ValueType(type, property, structs, sink) : DataSlotType(type, property, structs, sink)) is { } dataType:
                    dataSlots.Add(new ImportedDataSlot(
                        Identifiers.Escape(property.Name), dataType, HasDefaultBody: !property.IsAbstract, slot ?? 0, DeprecationReader.AttributesToMirror(property), DeprecationReader.OfType(property.Type),
                        !Accessibilities.AreVisibleWherever(new[] { property.Type }, type)));
                    fields.Add((member, dataSlots[dataSlots.Count - 1].Name, null, dataType));
                    break;
                default:
                    valid = false;
                    break;
            }
        }

        string? name = null;
        if (CapsuleNameParser.UsesSignatureName(attribute))
        {
            if (isTable)
            {
                sink.Report(Descriptors.TableNeedsName, SourceLocations.Of(type), type.Name, "ImportCapsule");
                valid = false;
            }
        }
        else if (!CapsuleNameParser.TryRead(attribute, type, sink, out name))
        {
            valid = false;
        }

        StructTable? table = isStruct && valid ? StructImportParser.Layout(type, fields, sink) : null;
        if (!valid || location is null || isStruct && table is null)
        {
            return null;
        }

        if (table is not null)
        {
            (methods, dataSlots) = WithOffsets(table, fields, methods, dataSlots);
        }

        if (!isTable && CapsuleNameParser.UsesSignatureName(attribute))
        {
            name = methods[0].Signature.CSignature;
        }

        return new ImportedInterface(location, name, isTable, methods.ToEquatableArray(), dataSlots.ToEquatableArray(), ChooseNames(members, methods, dataSlots), structs.Texts, table);
    }

    /// <summary>The members with the offsets of their fields; <paramref name="fields"/> lists them in the order of the table's fields.</summary>
    private static (List<ImportedMethod>, List<ImportedDataSlot>) WithOffsets(
        StructTable table, List<(ISymbol Member, string Name, FunctionSignature? Signature, BoundaryType? Value)> fields, List<ImportedMethod> methods, List<ImportedDataSlot> dataSlots)
    {
        var placedMethods = new List<ImportedMethod>();
        var placedData = new List<ImportedDataSlot>();
        for (int i = 0; i < fields.Count; i++)
        {
            int offset = table.Fields[i].Offset;
            if (fields[i].Signature is not null)
            {
                placedMethods.Add(methods[placedMethods.Count] with { Offset = offset });
            }
            else
            {
                placedData.Add(dataSlots[placedData.Count] with { Offset = offset });
            }
        }

        return (placedMethods, placedData);
    }

    /// <summary>Whether the member is one the binding implements; reports members that can never be bound.</summary>
    private static bool IsBindable(INamedTypeSymbol type, ISymbol member, DiagnosticSink sink, ref bool valid)
    {
        if (member is IMethodSymbol { MethodKind: MethodKind.Ordinary } method && BrokenDeclarations.IsBroken(method) ||
            member is IPropertySymbol property && BrokenDeclarations.IsBroken(property))
        {
            valid = false;
            return false; // the compiler reports it
        }

        string? problem = member switch
        {
            INamedTypeSymbol { Name: "Binding" } => null, // reported below: the generated class has that name
            INamedTypeSymbol => null, // other nested types are the user's own business
            IMethodSymbol { MethodKind: not MethodKind.Ordinary } => null, // accessors are reported with their property or event
            IFieldSymbol { IsConst: true } => null, // a constant is harmless, and handy as [CapsuleSlot(First)]
            { IsStatic: true } => "static members belong to the interface, not to the capsule; move it to a class",
            IEventSymbol => "events have no native equivalent; import a function that registers a callback ('delegate* unmanaged[Cdecl]<...>') instead",
            IPropertySymbol { IsIndexer: true } => "an indexer has no table slot; declare a method instead",
            IPropertySymbol { SetMethod: not null } => "a table slot is read-only; remove the setter",
            IMethodSymbol { IsGenericMethod: true } => "a native function has one fixed signature, so it cannot be generic",
            { IsAbstract: false, IsVirtual: false, DeclaredAccessibility: Accessibility.Private } =>
                "a private member cannot be implemented by the binding, so calls would never reach the capsule; make it public (its body stays the fallback)",
            { IsAbstract: false, IsVirtual: false } =>
                "a sealed member cannot be implemented by the binding, so calls would never reach the capsule; remove 'sealed' (its body stays the fallback)",
            IMethodSymbol or IPropertySymbol => null,
            _ => "only methods and get-only properties can be bound to a capsule",
        };

        if (member is INamedTypeSymbol { Name: "Binding" })
        {
            sink.Report(Descriptors.MemberNameReserved, SourceLocations.Of(member), type.Name + ".Binding", "the generated Binding class");
            valid = false;
            return false;
        }

        if (problem is not null)
        {
            sink.Report(Descriptors.MemberCannotBeBound, SourceLocations.Of(member), type.Name + "." + member.Name, problem);
            valid = false;
            return false;
        }

        return member is IMethodSymbol { MethodKind: MethodKind.Ordinary } or IPropertySymbol;
    }

    /// <summary>The type of a data slot: a pointer-sized value, read as it is.</summary>
    private static BoundaryType? DataSlotType(INamedTypeSymbol type, IPropertySymbol property, StructCatalog structs, DiagnosticSink sink)
    {
        BoundaryType? boundaryType = property.Type.SpecialType is SpecialType.System_IntPtr or SpecialType.System_UIntPtr || property.Type is IPointerTypeSymbol
            ? BoundaryTypeResolver.Resolve(property.Type, RefKind.None, isParams: false, property.GetAttributes(), property.ContainingAssembly, out _)
            : null;
        if (boundaryType is null)
        {
            sink.Report(Descriptors.MemberCannotBeBound, SourceLocations.Of(property), type.Name + "." + property.Name,
                $"a data slot holds one pointer-sized value, so the property must be 'nint', 'nuint' or a pointer, not '{property.Type.ToDisplayString(SymbolDisplayFormat.MinimallyQualifiedFormat)}'");
            return null;
        }

        if (structs.Add(property.Type) is { } conflict)
        {
            SignatureParser.ReportConflict(conflict, property, type.Name + "." + property.Name, sink);
            return null;
        }

        return boundaryType;
    }

    /// <summary>
    /// Names for the binding's private parts. The binding implements every member of the interface
    /// under the member's own name, and its methods take the members' parameter names, so each
    /// private name the binding's scope sees is chosen against all of them. The target's fields keep
    /// the members' names where they can.
    /// </summary>
    private static BindingNames ChooseNames(IEnumerable<ISymbol> members, List<ImportedMethod> methods, List<ImportedDataSlot> dataSlots)
    {
        var taken = new HashSet<string>(s_reservedNames, System.StringComparer.Ordinal);
        foreach (ISymbol member in members)
        {
            taken.Add(member.Name);
            if (member is IMethodSymbol method)
            {
                taken.UnionWith(method.Parameters.Select(parameter => parameter.Name));
            }
        }

        string targetClass = Identifiers.Take("Target", taken);
        var fields = new HashSet<string>(s_objectMembers, System.StringComparer.Ordinal) { targetClass };
        EquatableArray<string> pointerFields = methods.Select(method => ChooseField(method.Name, string.Empty, fields)).ToEquatableArray();
        EquatableArray<string> dataFields = dataSlots.Select(data => ChooseField(data.Name, string.Empty, fields)).ToEquatableArray();
        EquatableArray<string> entryFields = pointerFields.Select(pointer => ChooseField(pointer, "Entry", fields)).ToEquatableArray();

        return new BindingNames(
            targetClass,
            Identifiers.Take("Fallback", taken),
            Identifiers.Take("s_fallback", taken),
            Identifiers.Take("s_slots", taken),
            Identifiers.Take("s_structLayouts", taken),
            pointerFields,
            entryFields,
            dataFields);
    }

    /// <summary>A target field named after a member or its pointer field (<c>Add</c>, <c>AddEntry</c>; <c>F1</c>, <c>F1Entry</c>), escaped if it is a keyword.</summary>
    private static string ChooseField(string memberName, string suffix, HashSet<string> fields) =>
        Identifiers.Escape(Identifiers.Take(memberName.TrimStart('@') + suffix, fields));
}
