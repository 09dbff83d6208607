/* C twins of the C# kinds in Types.cs and Exports.cs. For each kind, kinds_call_<kind> calls the
 * C# export it is given with known values and checks what comes back (1: right, 0: wrong), and
 * kinds_impl_<kind> is the same function in C, which the C# bindings call. The static assertions
 * hold the sizes and offsets CapsuleGen describes in the capsules' signatures. */
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <uchar.h>

#define EXPORT __attribute__((visibility("default")))

struct Point { double X; double Y; };
struct Mixed { uint8_t Tag; int64_t Count; struct Point Origin; };
struct IntFloat { int A; float B; };
struct Floats3 { float X; float Y; float Z; };
struct Tiny { uint8_t A; uint8_t B; uint8_t C; };
struct Word { union { unsigned int Whole; struct { uint16_t Low; uint16_t High; }; }; };
struct __attribute__((packed)) Misaligned { uint8_t Tag; int Value; };
struct Gapped { double A; unsigned char gap[8]; double B; };
#pragma pack(push, 2)
struct PackTwo { uint8_t Tag; int64_t Value; int16_t Tail; };
#pragma pack(pop)
#pragma pack(push, 1)
struct PackOne { uint8_t Tag; int Value; };
#pragma pack(pop)
struct Sized { int Id; int64_t Count; uint8_t _tail[16]; };
struct Named { uint16_t Name[5]; int Length; };
struct Triple { double _element[3]; };
struct Linked { struct Linked *Next; double (*Transform)(double); int Id; };

_Static_assert(sizeof(struct Mixed) == 32 && offsetof(struct Mixed, Count) == 8 && offsetof(struct Mixed, Origin) == 16, "Mixed");
_Static_assert(sizeof(struct Word) == 4 && offsetof(struct Word, High) == 2, "Word");
_Static_assert(sizeof(struct Misaligned) == 5 && _Alignof(struct Misaligned) == 1 && offsetof(struct Misaligned, Value) == 1, "Misaligned");
_Static_assert(sizeof(struct Gapped) == 24 && offsetof(struct Gapped, B) == 16, "Gapped");
_Static_assert(sizeof(struct PackTwo) == 12 && _Alignof(struct PackTwo) == 2 && offsetof(struct PackTwo, Value) == 2 && offsetof(struct PackTwo, Tail) == 10, "PackTwo");
_Static_assert(sizeof(struct PackOne) == 5 && _Alignof(struct PackOne) == 1 && offsetof(struct PackOne, Value) == 1, "PackOne");
_Static_assert(sizeof(struct Sized) == 32 && offsetof(struct Sized, Count) == 8, "Sized");
_Static_assert(sizeof(struct Named) == 16 && offsetof(struct Named, Length) == 12, "Named");
_Static_assert(sizeof(struct Linked) == 24 && offsetof(struct Linked, Id) == 16, "Linked");

enum { CIRCLE = 1, SQUARE = 200 };
static const uint64_t LOW = 1, HIGH = (uint64_t)1 << 63;

static double c_triple(double x) { return 3 * x; }

/* Functions in C: what the bindings call. */
EXPORT int8_t kinds_impl_int8(int8_t x) { return (int8_t)(x - 1); }
EXPORT uint8_t kinds_impl_uint8(uint8_t x) { return (uint8_t)(x + 5); }
EXPORT int16_t kinds_impl_int16(int16_t x) { return (int16_t)(x * 2); }
EXPORT uint16_t kinds_impl_uint16(uint16_t x) { return (uint16_t)(x + 1); }
EXPORT int kinds_impl_int32(int x) { return x - 1; }
EXPORT unsigned int kinds_impl_uint32(unsigned int x) { return x + 1; }
EXPORT int64_t kinds_impl_int64(int64_t x) { return x * 3; }
EXPORT uint64_t kinds_impl_uint64(uint64_t x) { return x | 1; }
EXPORT intptr_t kinds_impl_intptr(intptr_t x) { return x - 1; }
EXPORT uintptr_t kinds_impl_uintptr(uintptr_t x) { return x - 1; }
EXPORT float kinds_impl_float(float x) { return x * 2; }
EXPORT double kinds_impl_double(double x) { return x / 3.0; }
EXPORT double *kinds_impl_pointer(double *x) { return x + 2; }
EXPORT void *kinds_impl_void_pointer(void *x) { return (char *)x + 1; }
EXPORT double (*kinds_impl_function_pointer(double (*f)(double)))(double) { return f; }
EXPORT uint8_t kinds_impl_enum(uint8_t x) { return x == SQUARE ? CIRCLE : SQUARE; }
EXPORT uint64_t kinds_impl_flags(uint64_t x) { return x | HIGH; }
EXPORT bool kinds_impl_bool1(bool x) { return !x; }
EXPORT int kinds_impl_bool4(int x) { return !x; }
EXPORT char16_t kinds_impl_char(char16_t x) { return (char16_t)(x + 1); }
EXPORT struct Point kinds_impl_point(struct Point p) { return (struct Point){ p.Y, p.X }; }
EXPORT struct Mixed kinds_impl_mixed(struct Mixed m) { return (struct Mixed){ (uint8_t)(m.Tag + 1), m.Count ^ 0xFF, { m.Origin.Y, m.Origin.X } }; }
EXPORT struct IntFloat kinds_impl_int_float(struct IntFloat v) { return (struct IntFloat){ v.A * 2, v.B * 4 }; }
EXPORT struct Floats3 kinds_impl_floats3(struct Floats3 v) { return (struct Floats3){ v.Z, v.Y, v.X }; }
EXPORT struct Tiny kinds_impl_tiny(struct Tiny v) { return (struct Tiny){ v.C, v.B, v.A }; }
EXPORT struct Word kinds_impl_word(struct Word w) { struct Word r; r.Low = (uint16_t)(w.Low + 1); r.High = (uint16_t)(w.High + 2); return r; }
EXPORT struct Misaligned kinds_impl_misaligned(struct Misaligned m) { return (struct Misaligned){ (uint8_t)(m.Tag + 1), m.Value * 2 }; }
EXPORT struct Gapped kinds_impl_gapped(struct Gapped g) { struct Gapped r = { 0 }; r.A = g.B; r.B = g.A; return r; }
EXPORT struct PackTwo kinds_impl_pack_two(struct PackTwo p) { return (struct PackTwo){ (uint8_t)(p.Tag + 1), p.Value + 1, (int16_t)(p.Tail - 1) }; }
EXPORT struct PackOne kinds_impl_pack_one(struct PackOne p) { return (struct PackOne){ (uint8_t)(p.Tag + 1), p.Value * 2 }; }
EXPORT struct Sized kinds_impl_sized(struct Sized s) { return (struct Sized){ s.Id + 1, s.Count + 1, { 0 } }; }
EXPORT struct Named kinds_impl_named(struct Named n) { for (int i = 0; i < 5; i++) n.Name[i]++; n.Length++; return n; }
EXPORT struct Triple kinds_impl_triple(struct Triple t) { for (int i = 0; i < 3; i++) t._element[i] *= 2; return t; }
EXPORT struct Linked kinds_impl_linked(struct Linked l) { l.Next++; l.Id++; return l; }

/* Callers in C: each calls the C# export it is given as a C caller would, and checks the result. */
EXPORT int kinds_call_int8(int8_t (*f)(int8_t)) { return f(-127) == -128; }
EXPORT int kinds_call_uint8(uint8_t (*f)(uint8_t)) { return f(250) == 255; }
EXPORT int kinds_call_int16(int16_t (*f)(int16_t)) { return f(-16000) == -32000; }
EXPORT int kinds_call_uint16(uint16_t (*f)(uint16_t)) { return f(65534) == 65535; }
EXPORT int kinds_call_int32(int (*f)(int)) { return f(-2147483647) == (-2147483647 - 1); }
EXPORT int kinds_call_uint32(unsigned int (*f)(unsigned int)) { return f(4294967294u) == 4294967295u; }
EXPORT int kinds_call_int64(int64_t (*f)(int64_t)) { return f(-3074457345618258602LL) == -9223372036854775806LL; }
EXPORT int kinds_call_uint64(uint64_t (*f)(uint64_t)) { return f(0xFFFFFFFF00000000ULL) == 0xFFFFFFFF00000001ULL; }
EXPORT int kinds_call_intptr(intptr_t (*f)(intptr_t)) { return f(-41) == -42; }
EXPORT int kinds_call_uintptr(uintptr_t (*f)(uintptr_t)) { return f(UINTPTR_MAX) == UINTPTR_MAX - 1; }
EXPORT int kinds_call_float(float (*f)(float)) { return f(1.25f) == 2.5f; }
EXPORT int kinds_call_double(double (*f)(double)) { return f(1.0) == 1.0 / 3.0; }
EXPORT int kinds_call_pointer(double *(*f)(double *)) { return f((double *)0x1000) == (double *)0x1010; }
EXPORT int kinds_call_void_pointer(void *(*f)(void *)) { return f((void *)0x7fff0000) == (void *)0x7fff0001; }
EXPORT int kinds_call_function_pointer(double (*(*f)(double (*)(double)))(double)) { return f(&c_triple) == &c_triple && f(&c_triple)(2.5) == 7.5; }
EXPORT int kinds_call_enum(uint8_t (*f)(uint8_t)) { return f(SQUARE) == CIRCLE; }
EXPORT int kinds_call_flags(uint64_t (*f)(uint64_t)) { return f(LOW) == (LOW | HIGH); }
EXPORT int kinds_call_bool1(bool (*f)(bool)) { return f(false) == true; }
EXPORT int kinds_call_bool4(int (*f)(int)) { return f(1) == 0; }
EXPORT int kinds_call_char(char16_t (*f)(char16_t)) { return f(u'\u00e9') == u'\u00ea'; }

EXPORT int kinds_call_point(struct Point (*f)(struct Point)) {
    struct Point r = f((struct Point){ 1.5, -2.5 });
    return r.X == -2.5 && r.Y == 1.5;
}

EXPORT int kinds_call_mixed(struct Mixed (*f)(struct Mixed)) {
    struct Mixed r = f((struct Mixed){ 7, 0x1122334455667788LL, { 1, 2 } });
    return r.Tag == 8 && r.Count == (0x1122334455667788LL ^ 0xFF) && r.Origin.X == 2 && r.Origin.Y == 1;
}

EXPORT int kinds_call_int_float(struct IntFloat (*f)(struct IntFloat)) {
    struct IntFloat r = f((struct IntFloat){ -7, 0.5f });
    return r.A == -14 && r.B == 2.0f;
}

EXPORT int kinds_call_floats3(struct Floats3 (*f)(struct Floats3)) {
    struct Floats3 r = f((struct Floats3){ 1, 2, 3 });
    return r.X == 3 && r.Y == 2 && r.Z == 1;
}

EXPORT int kinds_call_tiny(struct Tiny (*f)(struct Tiny)) {
    struct Tiny r = f((struct Tiny){ 1, 2, 3 });
    return r.A == 3 && r.B == 2 && r.C == 1;
}

EXPORT int kinds_call_word(struct Word (*f)(struct Word)) {
    struct Word w = { .Whole = 0x00030001u };
    return f(w).Whole == 0x00050002u;
}

EXPORT int kinds_call_misaligned(struct Misaligned (*f)(struct Misaligned)) {
    struct Misaligned r = f((struct Misaligned){ 9, 0x01020304 });
    return r.Tag == 10 && r.Value == 0x02040608;
}

EXPORT int kinds_call_gapped(struct Gapped (*f)(struct Gapped)) {
    struct Gapped g = { 0 };
    g.A = 1.5;
    g.B = -4;
    struct Gapped r = f(g);
    return r.A == -4 && r.B == 1.5;
}

EXPORT int kinds_call_pack_two(struct PackTwo (*f)(struct PackTwo)) {
    struct PackTwo r = f((struct PackTwo){ 1, 0x0102030405060708LL, -5 });
    return r.Tag == 2 && r.Value == 0x0102030405060709LL && r.Tail == -6;
}

EXPORT int kinds_call_pack_one(struct PackOne (*f)(struct PackOne)) {
    struct PackOne r = f((struct PackOne){ 3, -100000 });
    return r.Tag == 4 && r.Value == -200000;
}

EXPORT int kinds_call_sized(struct Sized (*f)(struct Sized)) {
    struct Sized r = f((struct Sized){ 41, (int64_t)1 << 40, { 0 } });
    return r.Id == 42 && r.Count == ((int64_t)1 << 40) + 1;
}

EXPORT int kinds_call_named(struct Named (*f)(struct Named)) {
    struct Named r = f((struct Named){ { u'a', u'b', u'c', u'd', u'e' }, 5 });
    return memcmp(r.Name, (uint16_t[]){ u'b', u'c', u'd', u'e', u'f' }, sizeof r.Name) == 0 && r.Length == 6;
}

EXPORT int kinds_call_triple(struct Triple (*f)(struct Triple)) {
    struct Triple r = f((struct Triple){ { 1.5, -2, 4 } });
    return r._element[0] == 3 && r._element[1] == -4 && r._element[2] == 8;
}

EXPORT int kinds_call_linked(struct Linked (*f)(struct Linked)) {
    struct Linked r = f((struct Linked){ (struct Linked *)0x1000, &c_triple, 7 });
    return r.Next == (struct Linked *)0x1000 + 1 && r.Transform == &c_triple && r.Transform(1) == 3 && r.Id == 8;
}
