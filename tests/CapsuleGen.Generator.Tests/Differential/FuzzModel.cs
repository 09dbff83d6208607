namespace CapsuleGen.Generator.Tests.Differential;

/// <summary>The primitives that cross unchanged, with their C names and sizes.</summary>
internal enum Primitive
{
    SByte, Byte, Short, UShort, Int, UInt, Long, ULong, NInt, NUInt, Float, Double,
}

/// <summary>A type in a random case: what C# declares and what C receives.</summary>
internal abstract record FuzzType;

internal sealed record VoidType : FuzzType;

internal sealed record PrimitiveType(Primitive Primitive) : FuzzType;

/// <summary>A <c>bool</c> given a width with <c>MarshalAs</c>: one byte, or four.</summary>
internal sealed record BoolType(bool FourBytes) : FuzzType;

/// <summary>A <c>char</c> passed as a UTF-16 code unit.</summary>
internal sealed record CharType : FuzzType;

/// <summary>A pointer; a null pointee is <c>void*</c>.</summary>
internal sealed record PointerType(FuzzType? Pointee) : FuzzType;

/// <summary>An unmanaged Cdecl function pointer over primitives.</summary>
internal sealed record FunctionPointerType(FuzzType Return, IReadOnlyList<FuzzType> Parameters) : FuzzType;

internal sealed record EnumType(FuzzEnum Enum) : FuzzType;

internal sealed record StructType(FuzzStruct Struct) : FuzzType;

internal sealed record FuzzEnum(string Name, Primitive Underlying);

/// <summary>How a random struct is declared.</summary>
internal enum StructKind
{
    /// <summary>Plain sequential fields.</summary>
    Sequential,

    /// <summary>Sequential with <c>Pack</c>.</summary>
    Packed,

    /// <summary>Sequential with a <c>Size</c> larger than the fields need, a multiple of the alignment.</summary>
    Sized,

    /// <summary><c>LayoutKind.Explicit</c> with each field where sequential layout would put it.</summary>
    ExplicitInOrder,

    /// <summary><c>LayoutKind.Explicit</c> with every field at offset 0: a C union.</summary>
    Union,

    /// <summary>A positional <c>record struct</c>, whose fields are compiler-made.</summary>
    Record,

    /// <summary><c>[InlineArray(n)]</c> of one element field (C# 12).</summary>
    InlineArray,
}

/// <summary>A field; <paramref name="Count"/> above 0 makes it a <c>fixed</c> buffer.</summary>
internal sealed record FuzzField(string Name, FuzzType Type, int Count = 0);

internal sealed record FuzzStruct(string Name, StructKind Kind, IReadOnlyList<FuzzField> Fields, int Pack = 0, int ExtraSize = 0, int InlineLength = 0);

internal sealed record FuzzParameter(string Name, FuzzType Type, FuzzValue Value, bool DefaultToo);

/// <summary>One exported function: a method of a single export, or one slot of a table.</summary>
internal sealed record FuzzFunction(string Name, FuzzType Return, IReadOnlyList<FuzzParameter> Parameters, int Slot);

/// <summary>
/// One random case: an export (a single function, or a table) in its module, an import of it in
/// another module with its own copies of the types, and the arguments every call uses.
/// </summary>
internal sealed record FuzzCase(
    int Index,
    ulong Seed,
    IReadOnlyList<string> Namespace,
    IReadOnlyList<string> Containers,
    IReadOnlyList<string> ImportNamespace,
    string CapsuleName,
    bool IsTable,
    string TableName,
    string InterfaceName,
    IReadOnlyList<FuzzFunction> Functions,
    IReadOnlyList<FuzzStruct> Structs,
    IReadOnlyList<FuzzEnum> Enums,
    bool CaseTwin)
{
    /// <summary>Whether the case needs C# 12 (inline arrays).</summary>
    public bool NeedsLatest => Structs.Any(structure => structure.Kind == StructKind.InlineArray);
}

/// <summary>A value: bits of a primitive, a struct's field values, a fixed buffer's elements.</summary>
internal abstract record FuzzValue;

internal sealed record ScalarValue(ulong Bits) : FuzzValue;

internal sealed record StructValue(IReadOnlyList<FuzzValue> Fields) : FuzzValue;

internal sealed record ArrayValue(IReadOnlyList<FuzzValue> Elements) : FuzzValue;
