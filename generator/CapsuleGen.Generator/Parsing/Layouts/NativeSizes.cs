using Microsoft.CodeAnalysis;

namespace CapsuleGen.Generator.Parsing.Layouts;

/// <summary>Sizes and alignments in memory on the 64-bit targets CapsuleGen supports (Linux x64, LP64).</summary>
internal static class NativeSizes
{
    public const int Pointer = 8;

    /// <summary>.NET's default packing for sequential and explicit layouts, which no field of ours exceeds.</summary>
    public const int DefaultPack = 8;

    /// <summary>The size of a primitive, which is also its alignment; 0 if the type is not one.</summary>
    public static int Primitive(SpecialType type) => type switch
    {
        SpecialType.System_Boolean or SpecialType.System_SByte or SpecialType.System_Byte => 1,
        SpecialType.System_Char or SpecialType.System_Int16 or SpecialType.System_UInt16 => 2,
        SpecialType.System_Int32 or SpecialType.System_UInt32 or SpecialType.System_Single => 4,
        SpecialType.System_Int64 or SpecialType.System_UInt64 or SpecialType.System_Double => 8,
        SpecialType.System_IntPtr or SpecialType.System_UIntPtr => Pointer,
        _ => 0,
    };

    public static int RoundUp(int value, int alignment) => (value + alignment - 1) / alignment * alignment;
}
