using System.Runtime.InteropServices;
using CapsuleGen;

namespace BoundaryKinds;

// One import per kind, bound in turn to the C function in native/kinds.c and to the C# export.
#pragma warning disable SA1201, SA1649 // small interfaces, one line each, read best together

[ImportCapsule("kinds.int8")] public partial interface IInt8 { sbyte Int8(sbyte x); }
[ImportCapsule("kinds.uint8")] public partial interface IUInt8 { byte UInt8(byte x); }
[ImportCapsule("kinds.int16")] public partial interface IInt16 { short Int16(short x); }
[ImportCapsule("kinds.uint16")] public partial interface IUInt16 { ushort UInt16(ushort x); }
[ImportCapsule("kinds.int32")] public partial interface IInt32 { int Int32(int x); }
[ImportCapsule("kinds.uint32")] public partial interface IUInt32 { uint UInt32(uint x); }
[ImportCapsule("kinds.int64")] public partial interface IInt64 { long Int64(long x); }
[ImportCapsule("kinds.uint64")] public partial interface IUInt64 { ulong UInt64(ulong x); }
[ImportCapsule("kinds.intptr")] public partial interface IIntPtr { nint IntPtr(nint x); }
[ImportCapsule("kinds.uintptr")] public partial interface IUIntPtr { nuint UIntPtr(nuint x); }
[ImportCapsule("kinds.float")] public partial interface IFloat { float Float(float x); }
[ImportCapsule("kinds.double")] public partial interface IDouble { double Double(double x); }
[ImportCapsule("kinds.pointer")] public unsafe partial interface IPointer { double* Pointer(double* x); }
[ImportCapsule("kinds.void_pointer")] public unsafe partial interface IVoidPointer { void* VoidPointer(void* x); }
[ImportCapsule("kinds.function_pointer")] public unsafe partial interface IFunctionPointer { delegate* unmanaged[Cdecl]<double, double> FunctionPointer(delegate* unmanaged[Cdecl]<double, double> f); }
[ImportCapsule("kinds.enum")] public partial interface IEnum { Shape Enum(Shape x); }
[ImportCapsule("kinds.flags")] public partial interface IFlags { Mask Flags(Mask x); }
[ImportCapsule("kinds.bool1")] public partial interface IBool1 { [return: MarshalAs(UnmanagedType.U1)] bool Bool1([MarshalAs(UnmanagedType.U1)] bool x); }
[ImportCapsule("kinds.bool4")] public partial interface IBool4 { [return: MarshalAs(UnmanagedType.I4)] bool Bool4([MarshalAs(UnmanagedType.I4)] bool x); }
[ImportCapsule("kinds.char")] public partial interface IChar { [return: MarshalAs(UnmanagedType.U2)] char Char([MarshalAs(UnmanagedType.U2)] char x); }
[ImportCapsule("kinds.point")] public partial interface IPoint { Point PointKind(Point p); }
[ImportCapsule("kinds.mixed")] public partial interface IMixed { Mixed MixedKind(Mixed m); }
[ImportCapsule("kinds.int_float")] public partial interface IIntFloat { IntFloat IntFloatKind(IntFloat v); }
[ImportCapsule("kinds.floats3")] public partial interface IFloats3 { Floats3 Floats3Kind(Floats3 v); }
[ImportCapsule("kinds.tiny")] public partial interface ITiny { Tiny TinyKind(Tiny v); }
[ImportCapsule("kinds.word")] public partial interface IWord { Word WordKind(Word w); }
[ImportCapsule("kinds.misaligned")] public partial interface IMisaligned { Misaligned MisalignedKind(Misaligned m); }
[ImportCapsule("kinds.gapped")] public partial interface IGapped { Gapped GappedKind(Gapped g); }
[ImportCapsule("kinds.pack_two")] public partial interface IPackTwo { PackTwo PackTwoKind(PackTwo p); }
[ImportCapsule("kinds.pack_one")] public partial interface IPackOne { PackOne PackOneKind(PackOne p); }
[ImportCapsule("kinds.sized")] public partial interface ISized { Sized SizedKind(Sized s); }
[ImportCapsule("kinds.named")] public partial interface INamed { Named NamedKind(Named n); }
[ImportCapsule("kinds.triple")] public partial interface ITriple { Triple TripleKind(Triple t); }
[ImportCapsule("kinds.linked")] public unsafe partial interface ILinked { Linked LinkedKind(Linked l); }
