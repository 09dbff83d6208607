using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Microsoft.CodeAnalysis;

namespace CapsuleGen.Generator.Parsing.Layouts;

/// <summary>Which rules a struct is read under.</summary>
internal enum LayoutRules
{
    /// <summary>
    /// Passed by value: the runtime's rule for <c>UnmanagedCallersOnly</c> methods and unmanaged
    /// function pointers (blittable all the way down: no <c>bool</c> or <c>char</c> anywhere, no
    /// automatic layout, nothing the runtime refuses), plus what a C declaration needs to match it.
    /// </summary>
    ByValue,

    /// <summary>Behind a pointer: only described, so <c>bool</c> (one byte) and <c>char</c> (UTF-16) are fine.</summary>
    InMemory,
}

/// <summary>
/// Computes a struct's layout the way CoreCLR lays out a blittable struct on 64-bit targets, or says
/// why it cannot cross, naming the offending field by its path (<c>NameBuf.Text</c>). Only structs
/// declared in the compilation at hand are read: for others the compiler sees a reference assembly,
/// which hides fields and layout.
/// </summary>
internal static class StructLayoutReader
{
    private const int MaxDepth = 32;

    private const int LayoutSequential = 0;
    private const int LayoutExplicit = 2;
    private const int LayoutAuto = 3;

    /// <summary>The layout of <paramref name="type"/>, declared in <paramref name="home"/>; or null and why not.</summary>
    public static StructLayoutInfo? Read(INamedTypeSymbol type, IAssemblySymbol home, LayoutRules rules, out string? problem) =>
        Read(type, new LayoutReading(home), rules, out problem);

    /// <summary>The layout of <paramref name="type"/> as part of a check that may reach it again (see <see cref="LayoutReading"/>); or null and why not.</summary>
    public static StructLayoutInfo? Read(INamedTypeSymbol type, LayoutReading reading, LayoutRules rules, out string? problem)
    {
        StructLayoutInfo? layout = Read(type, reading, rules, type.Name, depth: 0, out problem);

        // On x64 Linux, C passes a struct of up to 16 bytes in registers chosen by the types of its
        // members; bytes that belong to no member of the .NET struct have to be a member of its C
        // twin, so the two would pass it in different registers. Larger structs go in memory.
        if (rules == LayoutRules.ByValue && layout is { UnnamedBytes: { } unnamedBytes, Size: <= 16 })
        {
            problem = $"{unnamedBytes}; C has to declare the other bytes as a member, and since C passes a struct of up to 16 bytes in registers chosen by its members' types, C and .NET would pass it differently; declare those bytes as a field ('fixed byte Padding[n]') or pass a pointer";
            return null;
        }

        return layout;
    }

    private static StructLayoutInfo? Read(INamedTypeSymbol type, LayoutReading reading, LayoutRules rules, string path, int depth, out string? problem)
    {
        System.Runtime.CompilerServices.RuntimeHelpers.EnsureSufficientExecutionStack();
        problem = null;
        if (reading.Known(type, rules) is { } known)
        {
            return known;
        }

        string? typeProblem = TypeProblem(type, reading, rules);
        if (typeProblem is not null)
        {
            problem = depth == 0 ? typeProblem : $"its field '{path}' has type '{Shown(type)}': {typeProblem}";
            return null;
        }

        reading.Enter();
        try
        {
            StructLayoutInfo? layout = ReadFields(type, reading, rules, path, depth, out problem);
            if (layout is null)
            {
                return null;
            }

            // A function pointer is pointer-sized whatever its signature, so its signature is checked
            // once the layout is known: a signature that passes this struct, or one holding it, finds it known.
            reading.Remember(type, rules, layout);
            problem = rules == LayoutRules.ByValue ? FunctionPointerFieldProblem(type, reading, path) : null;
            if (problem is not null)
            {
                reading.Forget(type, rules);
                return null;
            }

            return layout;
        }
        finally
        {
            reading.Leave();
        }
    }

    /// <summary>Why a function pointer field of <paramref name="type"/> (not of a struct in it) cannot cross by value, or null.</summary>
    private static string? FunctionPointerFieldProblem(INamedTypeSymbol type, LayoutReading reading, string path)
    {
        foreach (IFieldSymbol field in InstanceFields(type))
        {
            if (field.Type is IFunctionPointerTypeSymbol functionPointer && BoundaryTypeResolver.FunctionPointerProblem(functionPointer, reading) is { } inner)
            {
                return $"its field '{path}.{Identifiers.FieldName(field)}' has type '{Shown(field.Type)}': {inner}";
            }
        }

        return null;
    }

    private static IFieldSymbol[] InstanceFields(INamedTypeSymbol type) =>
        type.GetMembers().OfType<IFieldSymbol>().Where(field => !field.IsStatic && !field.IsConst).ToArray();

    private static StructLayoutInfo? ReadFields(INamedTypeSymbol type, LayoutReading reading, LayoutRules rules, string path, int depth, out string? problem)
    {
        (int kind, int pack, int size) = ReadStructLayout(type);
        int? inlineLength = ReadInlineArrayLength(type);
        IFieldSymbol[] fields = InstanceFields(type);
        if (fields.Length == 0)
        {
            problem = rules == LayoutRules.ByValue
                ? $"'{Shown(type)}' has no fields, and C has no empty struct (GCC makes it 0 bytes, .NET 1 byte); give it a field"
                : null;
            return problem is null ? new StructLayoutInfo("struct " + type.Name, 1, 1, []) : null;
        }

        var shapes = new List<(IFieldSymbol Field, FieldShape Shape)>();
        foreach (IFieldSymbol field in fields)
        {
            FieldShape? shape = Shape(field, reading, rules, path + "." + Identifiers.FieldName(field), depth, inlineLength, out problem);
            if (shape is null)
            {
                return null;
            }

            shapes.Add((field, shape.Value));
        }

        int effectivePack = pack > 0 ? pack : NativeSizes.DefaultPack;
        var laidOut = new List<LaidOutField>();
        var placed = new List<(string Name, int Offset, int Size, int Alignment)>();
        int alignment = 1;
        int end = 0;
        int offset = 0;
        string? unnamedBytes = null;
        foreach ((IFieldSymbol field, FieldShape shape) in shapes)
        {
            int fieldAlignment = System.Math.Min(shape.Alignment, effectivePack);
            offset = kind == LayoutExplicit ? ReadFieldOffset(field) ?? 0 : NativeSizes.RoundUp(offset, fieldAlignment);
            unnamedBytes ??= shape.UnnamedBytes;
            laidOut.Add(new LaidOutField(shape.Declaration, offset, shape.Type));
            placed.Add((Identifiers.FieldName(field), offset, shape.Size, fieldAlignment));
            alignment = System.Math.Max(alignment, fieldAlignment);
            offset += shape.Size;
            end = System.Math.Max(end, offset);
        }

        unnamedBytes ??= FindGap(type, placed);
        // CoreCLR honours an explicit Size as a minimum and then stops: it does not round up to the alignment.
        int totalSize = size > 0 ? System.Math.Max(size, end) : NativeSizes.RoundUp(end, alignment);
        if (rules == LayoutRules.ByValue && totalSize % alignment != 0)
        {
            problem = $"'{Shown(type)}' is {Number(totalSize)} bytes with {Number(alignment)}-byte alignment, and no C struct can have a size that is not a multiple of its alignment; make [StructLayout(Size = ...)] a multiple of {Number(alignment)}";
            return null;
        }

        if (totalSize != NativeSizes.RoundUp(end, alignment))
        {
            unnamedBytes ??= $"'{Shown(type)}' is {Number(totalSize)} bytes, but its fields take {Number(NativeSizes.RoundUp(end, alignment))}";
        }

        problem = null;
        return new StructLayoutInfo("struct " + type.Name, totalSize, alignment, laidOut, unnamedBytes);
    }

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>
    /// Bytes between fields that no field covers and that C would not leave by itself for alignment
    /// (explicit offsets can leave them); overlapping fields, as in a union, leave none.
    /// </summary>
    private static string? FindGap(INamedTypeSymbol type, List<(string Name, int Offset, int Size, int Alignment)> placed)
    {
        int covered = 0;
        foreach ((string name, int offset, int size, int alignment) in placed.OrderBy(field => field.Offset))
        {
            if (offset > NativeSizes.RoundUp(covered, alignment))
            {
                return $"'{Shown(type)}' leaves bytes {Number(covered)} to {Number(offset - 1)}, before '{name}', to no field";
            }

            covered = System.Math.Max(covered, offset + size);
        }

        return null;
    }

    /// <summary>Why the struct itself (not one of its fields) cannot be laid out, or null.</summary>
    private static string? TypeProblem(INamedTypeSymbol type, LayoutReading reading, LayoutRules rules)
    {
        if (reading.Depth > MaxDepth)
        {
            return $"'{Shown(type)}' is reached through more than {Number(MaxDepth)} structs, each a field of the one before or passed by a function pointer field of it; CapsuleGen reads no deeper";
        }

        if (type.IsGenericType)
        {
            return $"'{Shown(type)}' is a generic struct, whose layout C cannot name; declare a non-generic struct with the same fields";
        }

        if (!SymbolEqualityComparer.Default.Equals(type.ContainingAssembly, reading.Home) || !type.Locations.Any(location => location.IsInSource))
        {
            return KnownStructs.Problem(type);
        }

        if (!type.IsUnmanagedType)
        {
            return $"'{Shown(type)}' contains managed references; only structs of unmanaged fields can cross";
        }

        return ReadStructLayout(type).Kind == LayoutAuto
            ? $"'{Shown(type)}' has LayoutKind.Auto, so its field order is not C's; use LayoutKind.Sequential or Explicit"
            : null;
    }

    /// <param name="UnnamedBytes">For a struct field, why its struct has bytes C would have to declare as a member, if it does.</param>
    private readonly record struct FieldShape(int Size, int Alignment, string Declaration, ITypeSymbol Type, string? UnnamedBytes);

    private static FieldShape? Shape(IFieldSymbol field, LayoutReading reading, LayoutRules rules, string path, int depth, int? inlineLength, out string? problem)
    {
        ITypeSymbol type = field.Type;
        int count = 1;
        string declarator = Identifiers.FieldName(field);
        if (field.IsFixedSizeBuffer && type is IPointerTypeSymbol buffer)
        {
            type = buffer.PointedAtType;
            count = field.FixedSize;
        }
        else if (inlineLength is { } length)
        {
            count = length;
        }

        bool isArray = field.IsFixedSizeBuffer || inlineLength is not null;
        if (isArray)
        {
            declarator += "[" + count.ToString(CultureInfo.InvariantCulture) + "]";
        }

        (int size, int alignment, string? unnamedBytes)? element = Element(type, reading, rules, path, depth, field.IsFixedSizeBuffer, out problem);
        if (element is null)
        {
            return null;
        }

        return new FieldShape(element.Value.size * count, element.Value.alignment, CSpelling.Spell(type, declarator), type, element.Value.unnamedBytes);
    }

    private static (int Size, int Alignment, string? UnnamedBytes)? Element(ITypeSymbol type, LayoutReading reading, LayoutRules rules, string path, int depth, bool fixedBuffer, out string? problem)
    {
        problem = null;
        if (type.SpecialType is SpecialType.System_Boolean or SpecialType.System_Char && rules == LayoutRules.ByValue)
        {
            bool isBool = type.SpecialType == SpecialType.System_Boolean;
            problem = fixedBuffer
                ? $"its field '{path}' is a 'fixed {(isBool ? "bool" : "char")}' buffer, which the runtime refuses in a struct passed by value; use {(isBool ? "'fixed byte'" : "'fixed ushort' for UTF-16 code units or 'fixed byte' for UTF-8")}"
                : $"its field '{path}' is a '{(isBool ? "bool" : "char")}', which the runtime refuses in a struct passed by value; use {(isBool ? "'byte' (0 or 1)" : "'ushort' (a UTF-16 code unit, C 'char16_t')")}";
            return null;
        }

        int primitive = NativeSizes.Primitive(type.SpecialType);
        if (primitive > 0)
        {
            return (primitive, primitive, null);
        }

        switch (type)
        {
            case IPointerTypeSymbol:
                return (NativeSizes.Pointer, NativeSizes.Pointer, null);

            case IFunctionPointerTypeSymbol:
                return (NativeSizes.Pointer, NativeSizes.Pointer, null); // its signature is checked with the struct's layout known (see Read)

            case INamedTypeSymbol { TypeKind: TypeKind.Enum, EnumUnderlyingType: { } underlying } when NativeSizes.Primitive(underlying.SpecialType) is > 0 and var enumSize:
                return (enumSize, enumSize, null);

            case INamedTypeSymbol { TypeKind: TypeKind.Struct } nested:
                StructLayoutInfo? layout = Read(nested, reading, rules, path, depth + 1, out problem);
                return layout is null ? null : (layout.Size, layout.Alignment, layout.UnnamedBytes);

            default:
                problem = $"its field '{path}' has type '{Shown(type)}', which has no C equivalent";
                return null;
        }
    }

    private static (int Kind, int Pack, int Size) ReadStructLayout(INamedTypeSymbol type)
    {
        foreach (AttributeData attribute in type.GetAttributes())
        {
            if (attribute.AttributeClass?.ToDisplayString() == KnownNames.StructLayoutAttribute && attribute.ConstructorArguments.Length == 1 && attribute.ConstructorArguments[0].Value is { } kind)
            {
                int pack = 0;
                int size = 0;
                foreach (KeyValuePair<string, TypedConstant> argument in attribute.NamedArguments)
                {
                    if (argument.Key == "Pack" && argument.Value.Value is int packValue)
                    {
                        pack = packValue;
                    }
                    else if (argument.Key == "Size" && argument.Value.Value is int sizeValue)
                    {
                        size = sizeValue;
                    }
                }

                return (System.Convert.ToInt32(kind, CultureInfo.InvariantCulture), pack, size);
            }
        }

        return (LayoutSequential, 0, 0);
    }

    private static int? ReadInlineArrayLength(INamedTypeSymbol type) =>
        type.GetAttributes()
            .Where(attribute => attribute.AttributeClass?.ToDisplayString() == KnownNames.InlineArrayAttribute && attribute.ConstructorArguments.Length == 1)
            .Select(attribute => attribute.ConstructorArguments[0].Value as int?)
            .FirstOrDefault(length => length > 0);

    private static int? ReadFieldOffset(IFieldSymbol field) =>
        field.GetAttributes()
            .Where(attribute => attribute.AttributeClass?.ToDisplayString() == KnownNames.FieldOffsetAttribute && attribute.ConstructorArguments.Length == 1)
            .Select(attribute => attribute.ConstructorArguments[0].Value as int?)
            .FirstOrDefault();

    private static string Shown(ITypeSymbol type) => type.ToDisplayString(SymbolDisplayFormat.MinimallyQualifiedFormat);
}
