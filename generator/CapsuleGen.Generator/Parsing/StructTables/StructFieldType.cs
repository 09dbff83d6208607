using System.Collections.Immutable;
using CapsuleGen.Generator.Diagnostics;
using CapsuleGen.Generator.Emitting;
using CapsuleGen.Generator.Parsing.Layouts;
using Microsoft.CodeAnalysis;

namespace CapsuleGen.Generator.Parsing.StructTables;

/// <summary>The type of a value field of a C struct table: as C# and C spell it, and its size and alignment on LP64.</summary>
internal sealed record StructFieldType(string ManagedName, string CType, int Size, int Alignment)
{
    /// <summary>What a function field is stored as: a pointer-sized integer holding the function's address.</summary>
    public static StructFieldType FunctionPointer(string cType) => new(RuntimeNames.IntPtr, cType, 8, 8);

    /// <summary>A C string constant's field: a pointer to its UTF-8 bytes.</summary>
    public static StructFieldType String { get; } = new("byte*", "const char *", 8, 8);

    /// <summary>What the types a field may have are, for messages.</summary>
    public const string Allowed =
        "a field's type is a number ('int', 'double', 'nint'...), 'bool' (C 'bool'), 'char' (C 'char16_t'), an enum, a pointer, a 'delegate* unmanaged[Cdecl]<...>' or an unmanaged struct";

    /// <summary>The field type of <paramref name="type"/>, or null and why it cannot be a field.</summary>
    public static StructFieldType? Resolve(ITypeSymbol type, IAssemblySymbol home, out string? problem)
    {
        problem = null;
        switch (type.SpecialType)
        {
            // In memory .NET's bool is one byte, as C's 'bool', and char a UTF-16 code unit.
            case SpecialType.System_Boolean:
                return new StructFieldType("bool", "bool", 1, 1);
            case SpecialType.System_Char:
                return new StructFieldType("char", "char16_t", 2, 2);
        }

        if (PrimitiveSize(type.SpecialType) is { } primitiveSize)
        {
            return FromBoundary(type, home, primitiveSize, out problem);
        }

        switch (type)
        {
            case IPointerTypeSymbol or IFunctionPointerTypeSymbol:
                return FromBoundary(type, home, 8, out problem);

            case INamedTypeSymbol { TypeKind: TypeKind.Enum, EnumUnderlyingType: { } underlying }:
                return FromBoundary(type, home, PrimitiveSize(underlying.SpecialType) ?? 4, out problem);

            case INamedTypeSymbol { TypeKind: TypeKind.Struct, SpecialType: SpecialType.None } structure when structure.IsUnmanagedType:
                StructLayoutInfo? layout = StructLayoutReader.Read(structure, home, LayoutRules.InMemory, out problem);
                return layout is null ? null : new StructFieldType(CSharpTypeNames.Of(structure), layout.CName, layout.Size, layout.Alignment);

            case { SpecialType: SpecialType.System_String }:
                problem = "a string is a managed object; read a C string as 'byte*' ('const char *'), or export a 'const string'";
                return null;

            default:
                problem = $"its type is '{type.ToDisplayString(SymbolDisplayFormat.MinimallyQualifiedFormat)}', but {Allowed}";
                return null;
        }
    }

    /// <summary>
    /// The field type of a member of type <paramref name="type"/>, with the layouts of the structs it
    /// reaches added to <paramref name="structs"/>; or null after reporting why it cannot be a field.
    /// </summary>
    public static StructFieldType? Read(ISymbol member, ITypeSymbol type, StructCatalog structs, DiagnosticSink sink)
    {
        string display = member.ContainingType.Name + "." + member.Name;
        StructFieldType? fieldType = Resolve(type, member.ContainingAssembly, out string? problem);
        if (fieldType is null)
        {
            sink.Report(Descriptors.NotAStructField, SourceLocations.Of(member), display, problem);
            return null;
        }

        if (structs.Add(type) is { } conflict)
        {
            SignatureParser.ReportConflict(conflict, member, display, sink);
            return null;
        }

        return fieldType;
    }

    /// <summary>Numbers, pointers, function pointers and enums cross as a boundary type does; the resolver checks function pointers' signatures.</summary>
    private static StructFieldType? FromBoundary(ITypeSymbol type, IAssemblySymbol home, int size, out string? problem)
    {
        var boundary = BoundaryTypeResolver.Resolve(type, RefKind.None, isParams: false, ImmutableArray<AttributeData>.Empty, home, out problem);
        return boundary is null ? null : new StructFieldType(boundary.ManagedName, boundary.CSpelling, size, size);
    }

    /// <summary>The size (which is also the alignment) of a primitive on LP64, or null for anything else.</summary>
    private static int? PrimitiveSize(SpecialType type) => type switch
    {
        SpecialType.System_SByte or SpecialType.System_Byte => 1,
        SpecialType.System_Int16 or SpecialType.System_UInt16 => 2,
        SpecialType.System_Int32 or SpecialType.System_UInt32 or SpecialType.System_Single => 4,
        SpecialType.System_Int64 or SpecialType.System_UInt64 or SpecialType.System_IntPtr or SpecialType.System_UIntPtr or SpecialType.System_Double => 8,
        _ => null,
    };

    /// <summary>Whether a field of this type can hold the struct's size: an integer of 4 or 8 bytes, which the runtime reads as its C type says.</summary>
    public bool CanHoldSize => CType is "int" or "unsigned int" or "int64_t" or "uint64_t" or "intptr_t" or "uintptr_t";
}
