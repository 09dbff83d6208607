using System.Collections.Generic;
using System.Linq;
using CapsuleGen.Generator.Diagnostics;
using CapsuleGen.Generator.Model;
using CapsuleGen.Generator.Parsing.Layouts;
using Microsoft.CodeAnalysis;

namespace CapsuleGen.Generator.Parsing.StructTables;

/// <summary>
/// Reads the fields of a class exported with <c>Layout = CapsuleLayout.CStruct</c>: its members marked
/// <c>[CapsuleField]</c>, in declaration order, laid out as C lays out a struct of them.
/// </summary>
internal static class StructExportParser
{
    /// <summary>The table's fields, size and alignment; or null after reporting why it cannot be laid out.</summary>
    /// <param name="type">The exported class.</param>
    /// <param name="location">Where it is declared.</param>
    /// <param name="capsuleName">The capsule's name, which the trampolines report exceptions under.</param>
    /// <param name="policy">The exception policy of every function field.</param>
    /// <param name="structs">Collects the layout of every struct the fields reach.</param>
    /// <param name="sink">Where problems go.</param>
    public static StructTable? Parse(INamedTypeSymbol type, TypeLocation location, string? capsuleName, ExceptionPolicy policy, StructCatalog structs, DiagnosticSink sink)
    {
        bool valid = MisplacedAttributes.Report(type, type.GetMembers(), SlotParser.HasSlot, "CapsuleSlot",
            "is laid out as a C struct, whose fields are placed in declaration order; mark it [CapsuleField] instead", sink);

        IReadOnlyList<ISymbol>? members = DeclarationOrder.Sort(type, type.GetMembers().Where(FieldAttribute.Has), sink);
        if (members is null)
        {
            return null;
        }

        if (members.Count == 0)
        {
            sink.Report(Descriptors.NotAStructField, SourceLocations.Of(type), type.Name,
                "it has no [CapsuleField] member; mark each static method, constant and static readonly field that is a field of the struct");
            return null;
        }

        var layout = new CStructLayout();
        var fields = new List<StructTableField>();
        ISymbol? sizeHolder = null;
        foreach (ISymbol member in members)
        {
            bool isStructSize = FieldAttribute.IsStructSize(member);
            if (isStructSize && !CanHoldSize(member, sizeHolder, sink))
            {
                valid = false;
                continue;
            }

            sizeHolder = isStructSize ? member : sizeHolder;
            (StructFieldKind Kind, StructFieldType Type, ExportedFunction? Function, string? Constant)? parsed = ParseMember(type, location, member, capsuleName, policy, structs, sink);
            if (parsed is not { } field)
            {
                valid = false;
                continue;
            }

            int offset = layout.Add(field.Type.Size, field.Type.Alignment);
            fields.Add(new StructTableField(
                Identifiers.Escape(member.Name), field.Kind, offset, field.Type.Size, field.Type.CType, field.Type.ManagedName,
                field.Function?.Signature.CSignature, field.Function, field.Constant, isStructSize, DeprecationReader.Of(member)));
        }

        if (sizeHolder is IFieldSymbol { ConstantValue: int declared } && valid && declared != layout.Size)
        {
            sink.Report(Descriptors.WrongStructSize, SourceLocations.Of(sizeHolder), Display(sizeHolder), layout.Size, sizeHolder.Name);
            valid = false;
        }

        return valid ? new StructTable(layout.Size, layout.Alignment, fields.ToEquatableArray()) : null;
    }

    private static (StructFieldKind, StructFieldType, ExportedFunction?, string?)? ParseMember(
        INamedTypeSymbol type, TypeLocation location, ISymbol member, string? capsuleName, ExceptionPolicy policy, StructCatalog structs, DiagnosticSink sink)
    {
        if (member is IFieldSymbol declared && (type.GetMembers(declared.Name).Length > 1 || BrokenDeclarations.HasErrorType(declared.Type)))
        {
            return null; // the compiler reports a name declared twice, or a type that does not exist
        }

        string? problem = null;
        switch (member)
        {
            case IMethodSymbol { IsStatic: true } method:
                if (ExportParser.ParseMethod(method, structs, sink) is not { } signature)
                {
                    return null;
                }

                string cType = CSpelling.FunctionPointer(method.ReturnType, signature.ReturnType.CSpelling, signature.Parameters.Select(parameter => parameter.Type.CSpelling));
                return (StructFieldKind.Function, StructFieldType.FunctionPointer(cType), TableExportParser.TableFunction(location, method, capsuleName, signature, policy), null);

            case IMethodSymbol:
                problem = "an instance method needs an object, which a native pointer cannot carry; make it static";
                break;

            case IFieldSymbol { IsConst: true, ConstantValue: string text } constant:
                int nul = text.IndexOf('\0');
                if (nul >= 0)
                {
                    sink.Report(Descriptors.StringConstantHasNul, SourceLocations.Of(constant), Display(constant), nul);
                    return null;
                }

                return (StructFieldKind.StringConstant, StructFieldType.String, null, CLiterals.String(text));

            case IFieldSymbol { IsConst: true } constant:
                if (StructFieldType.Read(constant, constant.Type, structs, sink) is not { } constantType)
                {
                    return null;
                }

                ITypeSymbol underlying = constant.Type is INamedTypeSymbol { EnumUnderlyingType: { } enumBase } ? enumBase : constant.Type;
                return constant.ConstantValue is { } value
                    ? (StructFieldKind.Constant, constantType, null, CLiterals.Number(value, underlying.SpecialType))
                    : null; // the compiler reports a constant without a value

            case IFieldSymbol { IsStatic: true, IsReadOnly: true, Type.SpecialType: SpecialType.System_String }:
                problem = "a string field would have to be copied to C when the table is built; make it a 'const string', which the table holds as a 'const char *'";
                break;

            case IFieldSymbol { IsStatic: true, IsReadOnly: true } readOnly:
                return StructFieldType.Read(readOnly, readOnly.Type, structs, sink) is { } readOnlyType ? (StructFieldKind.Value, readOnlyType, null, null) : null;

            case IFieldSymbol { IsStatic: true }:
                problem = "the table holds a copy made when it is built, so later changes to a mutable field would not reach it; make it 'const' or 'static readonly'";
                break;

            case IFieldSymbol:
                problem = "an instance field belongs to an object, not to the table; make it 'const' or 'static readonly'";
                break;

            default:
                problem = "the fields of an exported C struct table are static methods, constants and static readonly fields";
                break;
        }

        sink.Report(Descriptors.NotAStructField, SourceLocations.Of(member), Display(member), problem);
        return null;
    }

    /// <summary>The size field of an export is one 'const int': its value is checked against the computed size.</summary>
    private static bool CanHoldSize(ISymbol member, ISymbol? earlier, DiagnosticSink sink)
    {
        string? problem = member switch
        {
            _ when earlier is not null => $"'{Display(earlier)}' already holds it; a struct has one size field",
            IFieldSymbol { IsConst: true, Type.SpecialType: SpecialType.System_Int32 } => null,
            IFieldSymbol { IsConst: true } field => $"it is a '{field.Type.ToDisplayString(SymbolDisplayFormat.MinimallyQualifiedFormat)}' constant; an exported table's size field is a 'const int'",
            _ => "an exported table's size field is a 'const int', whose value the generator checks against the computed size",
        };
        if (problem is not null)
        {
            sink.Report(Descriptors.InvalidStructSizeField, SourceLocations.Of(member), Display(member), problem);
        }

        return problem is null;
    }

    private static string Display(ISymbol member) => member.ContainingType.Name + "." + member.Name;
}
