using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using CapsuleGen;

namespace BoundaryKinds;

/// <summary>Every kind CapsuleGen accepts at the boundary, with the same values native/kinds.c uses.</summary>
internal static unsafe class Kinds
{
    public static Kind[] All { get; } =
    [
        new("int8", Exports.Int8Capsule, c => new IInt8.Binding(c).Int8(-127) == -128),
        new("uint8", Exports.UInt8Capsule, c => new IUInt8.Binding(c).UInt8(250) == 255),
        new("int16", Exports.Int16Capsule, c => new IInt16.Binding(c).Int16(-16000) == -32000),
        new("uint16", Exports.UInt16Capsule, c => new IUInt16.Binding(c).UInt16(65534) == 65535),
        new("int32", Exports.Int32Capsule, c => new IInt32.Binding(c).Int32(-2147483647) == int.MinValue),
        new("uint32", Exports.UInt32Capsule, c => new IUInt32.Binding(c).UInt32(4294967294u) == uint.MaxValue),
        new("int64", Exports.Int64Capsule, c => new IInt64.Binding(c).Int64(-3074457345618258602L) == -9223372036854775806L),
        new("uint64", Exports.UInt64Capsule, c => new IUInt64.Binding(c).UInt64(0xFFFF_FFFF_0000_0000UL) == 0xFFFF_FFFF_0000_0001UL),
        new("intptr", Exports.IntPtrCapsule, c => new IIntPtr.Binding(c).IntPtr(-41) == -42),
        new("uintptr", Exports.UIntPtrCapsule, c => new IUIntPtr.Binding(c).UIntPtr(nuint.MaxValue) == nuint.MaxValue - 1),
        new("float", Exports.FloatCapsule, c => new IFloat.Binding(c).Float(1.25f) == 2.5f),
        new("double", Exports.DoubleCapsule, c => new IDouble.Binding(c).Double(1.0) == 1.0 / 3.0),
        new("pointer", Exports.PointerCapsule, c => new IPointer.Binding(c).Pointer((double*)0x1000) == (double*)0x1010),
        new("void-pointer", Exports.VoidPointerCapsule, c => new IVoidPointer.Binding(c).VoidPointer((void*)0x7fff0000) == (void*)0x7fff0001),
        new("function-pointer", Exports.FunctionPointerCapsule, c => new IFunctionPointer.Binding(c).FunctionPointer(&Triple)(2.5) == 7.5),
        new("enum", Exports.EnumCapsule, c => new IEnum.Binding(c).Enum(Shape.Square) == Shape.Circle),
        new("flags", Exports.FlagsCapsule, c => new IFlags.Binding(c).Flags(Mask.Low) == (Mask.Low | Mask.High)),
        new("bool1", Exports.Bool1Capsule, c => new IBool1.Binding(c).Bool1(false)),
        new("bool4", Exports.Bool4Capsule, c => !new IBool4.Binding(c).Bool4(true)),
        new("char", Exports.CharCapsule, c => new IChar.Binding(c).Char('\u00e9') == '\u00ea'),
        new("point", Exports.PointKindCapsule, c => new IPoint.Binding(c).PointKind(new Point { X = 1.5, Y = -2.5 }) is { X: -2.5, Y: 1.5 }),
        new("mixed", Exports.MixedKindCapsule, c =>
            new IMixed.Binding(c).MixedKind(new Mixed { Tag = 7, Count = 0x1122334455667788, Origin = new Point { X = 1, Y = 2 } }) is { Tag: 8, Count: 0x1122334455667788 ^ 0xFF, Origin: { X: 2, Y: 1 } }),
        new("int-float", Exports.IntFloatKindCapsule, c => new IIntFloat.Binding(c).IntFloatKind(new IntFloat { A = -7, B = 0.5f }) is { A: -14, B: 2 }),
        new("floats3", Exports.Floats3KindCapsule, c => new IFloats3.Binding(c).Floats3Kind(new Floats3 { X = 1, Y = 2, Z = 3 }) is { X: 3, Y: 2, Z: 1 }),
        new("tiny", Exports.TinyKindCapsule, c => new ITiny.Binding(c).TinyKind(new Tiny { A = 1, B = 2, C = 3 }) is { A: 3, B: 2, C: 1 }),
        new("word", Exports.WordKindCapsule, c => new IWord.Binding(c).WordKind(new Word { Whole = 0x0003_0001 }).Whole == 0x0005_0002),
        new("misaligned", Exports.MisalignedKindCapsule, c => new IMisaligned.Binding(c).MisalignedKind(new Misaligned { Tag = 9, Value = 0x01020304 }) is { Tag: 10, Value: 0x02040608 }),
        new("gapped", Exports.GappedKindCapsule, c => new IGapped.Binding(c).GappedKind(new Gapped { A = 1.5, B = -4 }) is { A: -4, B: 1.5 }),
        new("pack-two", Exports.PackTwoKindCapsule, c =>
            new IPackTwo.Binding(c).PackTwoKind(new PackTwo { Tag = 1, Value = 0x0102030405060708, Tail = -5 }) is { Tag: 2, Value: 0x0102030405060709, Tail: -6 }),
        new("pack-one", Exports.PackOneKindCapsule, c => new IPackOne.Binding(c).PackOneKind(new PackOne { Tag = 3, Value = -100000 }) is { Tag: 4, Value: -200000 }),
        new("sized", Exports.SizedKindCapsule, c => new ISized.Binding(c).SizedKind(new Sized(41, 1L << 40)) == new Sized(42, (1L << 40) + 1)),
        new("named", Exports.NamedKindCapsule, c => CheckNamed(new INamed.Binding(c))),
        new("triple", Exports.TripleKindCapsule, c => CheckTriple(new ITriple.Binding(c))),
        new("linked", Exports.LinkedKindCapsule, c => CheckLinked(new ILinked.Binding(c))),
    ];

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static double Triple(double x) => 3 * x;

    private static bool CheckNamed(INamed named)
    {
        var value = new Named { Length = 5 };
        for (int i = 0; i < 5; i++)
        {
            value.Name[i] = (ushort)('a' + i);
        }

        Named result = named.NamedKind(value);
        bool right = result.Length == 6;
        for (int i = 0; i < 5; i++)
        {
            right &= result.Name[i] == 'b' + i;
        }

        return right;
    }

    private static bool CheckTriple(ITriple triple)
    {
        var value = new Triple();
        value[0] = 1.5;
        value[1] = -2;
        value[2] = 4;
        Triple result = triple.TripleKind(value);
        return result[0] == 3 && result[1] == -4 && result[2] == 8;
    }

    private static bool CheckLinked(ILinked linked)
    {
        Linked result = linked.LinkedKind(new Linked { Next = (Linked*)0x1000, Transform = &Triple, Id = 7 });
        return result.Next == (Linked*)0x1000 + 1 && (nint)result.Transform == (nint)(delegate* unmanaged[Cdecl]<double, double>)&Triple && result.Id == 8;
    }
}
