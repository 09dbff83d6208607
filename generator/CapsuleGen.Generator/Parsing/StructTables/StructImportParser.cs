using System.Collections.Generic;
using System.Linq;
using CapsuleGen.Generator.Diagnostics;
using CapsuleGen.Generator.Model;
using CapsuleGen.Generator.Parsing.Layouts;
using Microsoft.CodeAnalysis;

namespace CapsuleGen.Generator.Parsing.StructTables;

/// <summary>
/// Lays out an interface imported with <c>Layout = CapsuleLayout.CStruct</c>: every instance method is a
/// function pointer field, every get-only property a value field of its type, in declaration order.
/// </summary>
internal static class StructImportParser
{
    /// <summary>Reports the members whose attribute belongs to the other layout than <paramref name="isStruct"/> says; returns whether none does.</summary>
    public static bool ReportMisplaced(INamedTypeSymbol type, IEnumerable<ISymbol> members, bool isStruct, DiagnosticSink sink) =>
        isStruct
            ? MisplacedAttributes.Report(type, members, SlotParser.HasSlot, "CapsuleSlot",
                "is laid out as a C struct, whose fields are its members in declaration order; remove the attribute and declare the members in the struct's order", sink)
            : MisplacedAttributes.Report(type, members, FieldAttribute.Has, "CapsuleField",
                "reads a table of slots; mark it [CapsuleSlot(n)], or import a C struct with [ImportCapsule(..., Layout = CapsuleLayout.CStruct)]", sink);

    /// <summary>The type of a value field, as a data member of the binding reads it; or null after reporting why it cannot be one.</summary>
    public static BoundaryType? ValueType(INamedTypeSymbol type, IPropertySymbol property, StructCatalog structs, DiagnosticSink sink)
    {
        if (StructFieldType.Read(property, property.Type, structs, sink) is not { } fieldType)
        {
            return null;
        }

        BoundaryTypeKind kind = property.Type switch
        {
            IPointerTypeSymbol => BoundaryTypeKind.Pointer,
            IFunctionPointerTypeSymbol => BoundaryTypeKind.FunctionPointer,
            { TypeKind: TypeKind.Enum } => BoundaryTypeKind.Enum,
            { TypeKind: TypeKind.Struct, SpecialType: SpecialType.None } => BoundaryTypeKind.Struct,
            { SpecialType: SpecialType.System_Single or SpecialType.System_Double } => BoundaryTypeKind.FloatingPoint,
            _ => BoundaryTypeKind.Integer, // bool and char too: read from memory as they are, with no conversion
        };
        return new BoundaryType(fieldType.ManagedName, fieldType.ManagedName, kind, fieldType.CType);
    }

    /// <summary>
    /// Places the members, given in declaration order with what each was parsed as, and checks the
    /// size field; null after reporting a problem.
    /// </summary>
    public static StructTable? Layout(INamedTypeSymbol type, IReadOnlyList<(ISymbol Member, string Name, FunctionSignature? Signature, BoundaryType? Value)> members, DiagnosticSink sink)
    {
        if (members.Count == 0)
        {
            sink.Report(Descriptors.NotAStructField, SourceLocations.Of(type), type.Name,
                "it declares no member; declare the struct's fields in order, methods for functions and get-only properties for values");
            return null;
        }

        var layout = new CStructLayout();
        var fields = new List<StructTableField>();
        ISymbol? sizeHolder = null;
        bool valid = true;
        foreach ((ISymbol member, string name, FunctionSignature? signature, BoundaryType? value) in members)
        {
            bool isStructSize = FieldAttribute.IsStructSize(member);
            StructFieldType fieldType;
            if (signature is not null)
            {
                var method = (IMethodSymbol)member;
                fieldType = StructFieldType.FunctionPointer(CSpelling.FunctionPointer(method.ReturnType, signature.ReturnType.CSpelling, signature.Parameters.Select(parameter => parameter.Type.CSpelling)));
            }
            else
            {
                fieldType = StructFieldType.Resolve(((IPropertySymbol)member).Type, type.ContainingAssembly, out _)!;
            }

            if (isStructSize)
            {
                string? problem = sizeHolder is not null ? $"'{type.Name}.{sizeHolder.Name}' already holds it; a struct has one size field"
                    : signature is not null ? "a function cannot; mark the integer property that holds it"
                    : !fieldType.CanHoldSize ? $"it is a '{value!.ManagedName}'; the size field is an 'int', 'uint', 'long', 'ulong', 'nint' or 'nuint'"
                    : null;
                if (problem is not null)
                {
                    sink.Report(Descriptors.InvalidStructSizeField, SourceLocations.Of(member), type.Name + "." + member.Name, problem);
                    valid = false;
                }

                sizeHolder ??= member;
            }

            int offset = layout.Add(fieldType.Size, fieldType.Alignment);
            StructFieldKind kind = signature is null ? StructFieldKind.Value : StructFieldKind.Function;
            fields.Add(new StructTableField(
                name, kind, offset, fieldType.Size, fieldType.CType, fieldType.ManagedName, signature?.CSignature, Function: null, Constant: null, isStructSize, DeprecationReader.Of(member)));
        }

        return valid ? new StructTable(layout.Size, layout.Alignment, fields.ToEquatableArray()) : null;
    }
}
