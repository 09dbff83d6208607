using System.Collections.Immutable;
using System.Globalization;
using CapsuleGen.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;

namespace CapsuleGen.Generator.Tests;

/// <summary>Each misuse is an error at the place the fix goes, with a message that says what to do; valid code gets none.</summary>
public sealed class DiagnosticTests
{
    public static TheoryData<string, string, string> Misuses => new()
    {
        {
            "CAPS0001",
            """
            public static partial class Duck
            {
                [CapsuleGen.ExportCapsule("quacker")]
                public void [|Quack|]() { }
            }
            """,
            "'Duck.Quack' is marked [ExportCapsule] but is not static; a native pointer cannot carry an instance, so make the method static"
        },
        {
            "CAPS0002",
            """
            public static class [|Duck|]
            {
                [CapsuleGen.ExportCapsule("quacker")]
                public static void Quack() { }
            }
            """,
            "'Duck' must be partial because CapsuleGen adds generated members to it; add the 'partial' modifier"
        },
        {
            "CAPS0002",
            """
            public class [|Pond|]
            {
                public static partial class Duck
                {
                    [CapsuleGen.ExportCapsule("quacker")]
                    public static void Quack() { }
                }
            }
            """,
            "'Pond' must be partial because CapsuleGen adds generated members to it; add the 'partial' modifier"
        },
        {
            "CAPS0003",
            """
            public static partial class Duck
            {
                [CapsuleGen.ExportCapsule("quacker")]
                public static void [|Quack|]<T>() { }
            }
            """,
            "'Duck.Quack' is generic; a native function has one fixed signature, so declare it without type parameters"
        },
        {
            "CAPS0004",
            """
            public static partial class Duck
            {
                [CapsuleGen.ExportCapsule("quacker")]
                public static void Quack([|string|] sound) { }
            }
            """,
            "The parameter 'sound' of 'Duck.Quack' has type 'string', which cannot cross a native boundary: a string is a managed object; pass UTF-8 text as 'byte*' (C 'const char *') or UTF-16 text as 'char*' with a length"
        },
        {
            "CAPS0004",
            """
            public static partial class Duck
            {
                [CapsuleGen.ExportCapsule("quacker")]
                public static [|bool|] Quack() => true;
            }
            """,
            "The return value of 'Duck.Quack' has type 'bool', which cannot cross a native boundary: 'bool' has no defined width at a native boundary; add [MarshalAs(UnmanagedType.U1)] for a one-byte C 'bool', [MarshalAs(UnmanagedType.I4)] for a four-byte 'int', or use 'byte'"
        },
        {
            "CAPS0004",
            """
            public static partial class Duck
            {
                [CapsuleGen.ExportCapsule("quacker")]
                public static void Quack([|int[]|] values) { }
            }
            """,
            "The parameter 'values' of 'Duck.Quack' has type 'int[]', which cannot cross a native boundary: an array is a managed object; pass a pointer to its first element and a length ('int*', 'int')"
        },
        {
            "CAPS0004",
            """
            public static partial class Duck
            {
                [CapsuleGen.ExportCapsule("quacker")]
                public static void Quack(ref [|int|] count) { }
            }
            """,
            "The parameter 'count' of 'Duck.Quack' has type 'int', which cannot cross a native boundary: 'ref' passes a managed reference, which native code cannot hold; pass a pointer ('int*')"
        },
        {
            "CAPS0004",
            """
            public struct Flagged { public bool On; }
            public static partial class Duck
            {
                [CapsuleGen.ExportCapsule("quacker")]
                public static void Quack([|Flagged|] flagged) { }
            }
            """,
            "The parameter 'flagged' of 'Duck.Quack' has type 'Flagged', which cannot cross a native boundary: its field 'Flagged.On' is a 'bool', which the runtime refuses in a struct passed by value; use 'byte' (0 or 1)"
        },
        {
            "CAPS0004",
            """
            public static unsafe partial class Duck
            {
                [CapsuleGen.ExportCapsule("quacker")]
                public static void Quack([|delegate*<int, void>|] callback) { }
            }
            """,
            "The parameter 'callback' of 'Duck.Quack' has type 'delegate*<int, void>', which cannot cross a native boundary: 'delegate*<int, void>' is not an unmanaged Cdecl function pointer; native code can only call 'delegate* unmanaged[Cdecl]<...>'"
        },
        {
            "CAPS0004",
            """
            public static partial class Duck
            {
                [CapsuleGen.ExportCapsule("quacker")]
                public static void Quack([|System.Action|] callback) { }
            }
            """,
            "The parameter 'callback' of 'Duck.Quack' has type 'Action', which cannot cross a native boundary: a delegate is a managed object; pass an unmanaged function pointer ('delegate* unmanaged[Cdecl]<...>')"
        },
        {
            "CAPS0005",
            """
            public static partial class Duck
            {
                [CapsuleGen.ExportCapsule([|""|])]
                public static void Quack() { }
            }
            """,
            "The capsule name \"\" is invalid: a capsule name cannot be empty; C code would open it with \"\", which is easy to confuse with no name at all"
        },
        {
            "CAPS0005",
            """
            [CapsuleGen.ImportCapsule([|"quack\0er"|])]
            public partial interface IQuacker
            {
                void Quack();
            }
            """,
            "The capsule name \"quack\\0er\" is invalid: a capsule name cannot contain '\\0': C compares names with strcmp, which stops at the first NUL"
        },
        {
            "CAPS0005",
            """
            public static partial class Duck
            {
                [CapsuleGen.ExportCapsule([|"\uD800"|])]
                public static void Quack() { }
            }
            """,
            "The capsule name \"\\uD800\" is invalid: a capsule name must be valid UTF-16, but this one has a lone surrogate (U+D800) at index 0: it has no UTF-8 form for C code to compare"
        },
        {
            "CAPS0005",
            """
            [CapsuleGen.ImportCapsule([|"🦆 quack\uDC00"|])]
            public partial interface IQuacker
            {
                void Quack();
            }
            """,
            "The capsule name \"🦆 quack\\uDC00\" is invalid: a capsule name must be valid UTF-16, but this one has a lone surrogate (U+DC00) at index 8: it has no UTF-8 form for C code to compare"
        },
        {
            "CAPS0006",
            """
            [CapsuleGen.ImportCapsule("quacker")]
            public interface [|IQuacker|]
            {
                void Quack();
            }
            """,
            "'IQuacker' is marked [ImportCapsule] but is not a partial interface; declare it as 'partial interface'"
        },
        {
            "CAPS0007",
            """
            [CapsuleGen.ImportCapsule("quacker")]
            public partial interface IQuacker
            {
                void Quack();
                event System.Action [|Quacked|];
            }
            """,
            "'IQuacker.Quacked' cannot be bound to a capsule: events have no native equivalent; import a function that registers a callback ('delegate* unmanaged[Cdecl]<...>') instead"
        },
        {
            "CAPS0007",
            """
            [CapsuleGen.ImportCapsule("quacker")]
            public partial interface IQuacker
            {
                void Quack();
                static void [|Helper|]() { }
            }
            """,
            "'IQuacker.Helper' cannot be bound to a capsule: static members belong to the interface, not to the capsule; move it to a class"
        },
        {
            "CAPS0008",
            """
            [CapsuleGen.ImportCapsule("quacker")]
            public partial interface [|IQuacker|]
            {
            }
            """,
            "'IQuacker' imports a single function, so it must declare exactly one method, but it declares 0; to import a table of functions, mark each member [CapsuleSlot(n)]"
        },
        {
            "CAPS0009",
            """
            [CapsuleGen.ImportCapsule("quacker")]
            public partial interface IQuacker
            {
                void [|Unbind|]();
            }
            """,
            "'IQuacker.Unbind' has the same name as a member of the generated Binding class; rename it"
        },
        {
            "CAPS0007",
            """
            [CapsuleGen.ImportCapsule("spam._C_API")]
            public partial interface ISpam
            {
                [CapsuleGen.CapsuleSlot(0)]
                nint [|Version|] { get; set; }
            }
            """,
            "'ISpam.Version' cannot be bound to a capsule: a table slot is read-only; remove the setter"
        },
        {
            "CAPS0007",
            """
            [CapsuleGen.ImportCapsule("spam._C_API")]
            public partial interface ISpam
            {
                [CapsuleGen.CapsuleSlot(0)]
                double [|Version|] { get; }
            }
            """,
            "'ISpam.Version' cannot be bound to a capsule: a data slot holds one pointer-sized value, so the property must be 'nint', 'nuint' or a pointer, not 'double'"
        },
        {
            "CAPS0010",
            """
            [CapsuleGen.ImportCapsule("spam._C_API")]
            public partial interface ISpam
            {
                [CapsuleGen.CapsuleSlot([|-1|])]
                int Add(int a, int b);
            }
            """,
            "Slot -1 of 'ISpam.Add' is invalid: a slot index is between 0 and 4095"
        },
        {
            "CAPS0011",
            """
            [CapsuleGen.ImportCapsule("spam._C_API")]
            public partial interface ISpam
            {
                [CapsuleGen.CapsuleSlot(2)]
                int Add(int a, int b);

                [CapsuleGen.CapsuleSlot([|2|])]
                int Subtract(int a, int b);
            }
            """,
            "'ISpam.Subtract' claims slot 2, which 'ISpam.Add' already holds; each slot holds one member"
        },
        {
            "CAPS0011",
            """
            [CapsuleGen.ExportCapsule("spam._C_API")]
            public static partial class SpamApi
            {
                [CapsuleGen.CapsuleSlot(0)]
                private static int Add(int a, int b) => a + b;

                [CapsuleGen.CapsuleSlot([|0|])]
                private static int Subtract(int a, int b) => a - b;
            }
            """,
            "'SpamApi.Subtract' claims slot 0, which 'SpamApi.Add' already holds; each slot holds one member"
        },
        {
            "CAPS0012",
            """
            [CapsuleGen.ImportCapsule("spam._C_API")]
            public partial interface ISpam
            {
                [CapsuleGen.CapsuleSlot(0)]
                int Add(int a, int b);

                int [|Subtract|](int a, int b);
            }
            """,
            "'ISpam.Subtract' is part of the table 'ISpam' and needs [CapsuleSlot(n)] to say which slot it reads"
        },
        {
            "CAPS0013",
            """
            [CapsuleGen.ImportCapsule]
            public partial interface [|ISpam|]
            {
                [CapsuleGen.CapsuleSlot(0)]
                int Add(int a, int b);
            }
            """,
            "'ISpam' is a table, which has no C signature to be named by; give the capsule's name, such as [ImportCapsule(\"spam._C_API\")]"
        },
        {
            "CAPS0014",
            """
            [CapsuleGen.ExportCapsule("spam._C_API")]
            public static partial class [|SpamApi|]
            {
                private static int Add(int a, int b) => a + b;
            }
            """,
            "'SpamApi' is exported as a table but has no [CapsuleSlot(n)] method; mark each static method that fills a slot"
        },
        {
            "CAPS0019",
            """
            [CapsuleGen.ExportCapsule("spam._C_API")]
            public partial struct [|SpamApi|]
            {
                [CapsuleGen.CapsuleSlot(0)]
                private static int Add(int a, int b) => a + b;
            }
            """,
            "'SpamApi' cannot be exported: a table is exported from a 'partial class' whose static methods fill its slots; declare it as a class"
        },
        {
            "CAPS0019",
            """
            public static partial class Duck
            {
                public static void Run()
                {
                    [CapsuleGen.ExportCapsule("quacker")]
                    static void [|Quack|]() { }
                }
            }
            """,
            "'Quack' cannot be exported: a local function has no name generated code can reach; make it a static method of a partial type"
        },
        {
            "CAPS0004",
            """
            public unsafe struct NameBuf { public fixed char Text[32]; }
            public static partial class Names
            {
                [CapsuleGen.ExportCapsule("names.set")]
                public static void Set([|NameBuf|] name) { }
            }
            """,
            "The parameter 'name' of 'Names.Set' has type 'NameBuf', which cannot cross a native boundary: its field 'NameBuf.Text' is a 'fixed char' buffer, which the runtime refuses in a struct passed by value; use 'fixed ushort' for UTF-16 code units or 'fixed byte' for UTF-8"
        },
        {
            "CAPS0004",
            """
            public unsafe struct Flags { public int Count; public fixed bool On[4]; }
            public static partial class Names
            {
                [CapsuleGen.ExportCapsule("names.flags")]
                public static [|Flags|] Get() => default;
            }
            """,
            "The return value of 'Names.Get' has type 'Flags', which cannot cross a native boundary: its field 'Flags.On' is a 'fixed bool' buffer, which the runtime refuses in a struct passed by value; use 'fixed byte'"
        },
        {
            "CAPS0004",
            """
            public struct Deep { public Deeper D; }
            public struct Deeper { public long Id; public Deepest E; }
            public struct Deepest { public int Count; public char Letter; }
            public static partial class Names
            {
                [CapsuleGen.ExportCapsule("names.deep")]
                public static void Set(int id, [|Deep|] deep) { }
            }
            """,
            "The parameter 'deep' of 'Names.Set' has type 'Deep', which cannot cross a native boundary: its field 'Deep.D.E.Letter' is a 'char', which the runtime refuses in a struct passed by value; use 'ushort' (a UTF-16 code unit, C 'char16_t')"
        },
        {
            "CAPS0004",
            """
            public struct Outer { public long Id; public Middle Middle; }
            public struct Middle { public double Weight; public Inner Inner; }
            public struct Inner { public int Count; public bool Visible; }
            public static partial class Names
            {
                [CapsuleGen.ExportCapsule("names.outer")]
                public static void Set([|Outer|] outer) { }
            }
            """,
            "The parameter 'outer' of 'Names.Set' has type 'Outer', which cannot cross a native boundary: its field 'Outer.Middle.Inner.Visible' is a 'bool', which the runtime refuses in a struct passed by value; use 'byte' (0 or 1)"
        },
        {
            "CAPS0004",
            """
            public record struct Tagged(int Id, bool Enabled);
            public static partial class Names
            {
                [CapsuleGen.ExportCapsule("names.tagged")]
                public static void Set([|Tagged|] tagged) { }
            }
            """,
            "The parameter 'tagged' of 'Names.Set' has type 'Tagged', which cannot cross a native boundary: its field 'Tagged.Enabled' is a 'bool', which the runtime refuses in a struct passed by value; use 'byte' (0 or 1)"
        },
        {
            "CAPS0004",
            """
            public static partial class Clock
            {
                [CapsuleGen.ExportCapsule("clock.set")]
                public static void Set([|System.DateTime|] now) { }
            }
            """,
            "The parameter 'now' of 'Clock.Set' has type 'DateTime', which cannot cross a native boundary: 'DateTime' has automatic layout, which the runtime refuses at a native boundary; pass its 'Ticks' as a 'long' (or 'ToBinary()' to keep its kind)"
        },
        {
            "CAPS0004",
            """
            public static partial class Clock
            {
                [CapsuleGen.ExportCapsule("clock.set")]
                public static void Set([|System.DateTimeOffset|] now) { }
            }
            """,
            "The parameter 'now' of 'Clock.Set' has type 'DateTimeOffset', which cannot cross a native boundary: 'DateTimeOffset' has automatic layout, which the runtime refuses at a native boundary; pass its 'UtcTicks' as a 'long' and its offset in minutes as a 'short'"
        },
        {
            "CAPS0004",
            """
            public struct Stamp { public int Id; public System.DateTime When; }
            public static partial class Clock
            {
                [CapsuleGen.ExportCapsule("clock.stamp")]
                public static void Set([|Stamp|] stamp) { }
            }
            """,
            "The parameter 'stamp' of 'Clock.Set' has type 'Stamp', which cannot cross a native boundary: its field 'Stamp.When' has type 'DateTime': 'DateTime' has automatic layout, which the runtime refuses at a native boundary; pass its 'Ticks' as a 'long' (or 'ToBinary()' to keep its kind)"
        },
        {
            "CAPS0004",
            """
            public static partial class Wide
            {
                [CapsuleGen.ExportCapsule("wide.add")]
                public static [|System.Int128|] Add(long a, long b) => (System.Int128)a + b;
            }
            """,
            "The return value of 'Wide.Add' has type 'Int128', which cannot cross a native boundary: the runtime refuses 'Int128' at a native boundary ('Int128 and UInt128 cannot be passed by value to unmanaged'); pass a pointer ('Int128*') or two 'ulong' halves"
        },
        {
            "CAPS0004",
            """
            public static partial class Wide
            {
                [CapsuleGen.ExportCapsule("wide.negate")]
                public static void Negate([|System.UInt128|] value) { }
            }
            """,
            "The parameter 'value' of 'Wide.Negate' has type 'UInt128', which cannot cross a native boundary: the runtime refuses 'UInt128' at a native boundary ('Int128 and UInt128 cannot be passed by value to unmanaged'); pass a pointer ('UInt128*') or two 'ulong' halves"
        },
        {
            "CAPS0004",
            """
            [System.Runtime.InteropServices.StructLayout(System.Runtime.InteropServices.LayoutKind.Auto)]
            public struct Loose { public int A; public long B; }
            public struct Holder { public byte Tag; public Loose Inner; }
            public static partial class Names
            {
                [CapsuleGen.ExportCapsule("names.holder")]
                public static void Set([|Holder|] holder) { }
            }
            """,
            "The parameter 'holder' of 'Names.Set' has type 'Holder', which cannot cross a native boundary: its field 'Holder.Inner' has type 'Loose': 'Loose' has LayoutKind.Auto, so its field order is not C's; use LayoutKind.Sequential or Explicit"
        },
        {
            "CAPS0004",
            """
            public struct Pair<T> { public T First; public T Second; }
            public struct Holder { public Pair<int> Pair; }
            public static partial class Names
            {
                [CapsuleGen.ExportCapsule("names.pair")]
                public static void Set([|Holder|] holder) { }
            }
            """,
            "The parameter 'holder' of 'Names.Set' has type 'Holder', which cannot cross a native boundary: its field 'Holder.Pair' has type 'Pair<int>': 'Pair<int>' is a generic struct, whose layout C cannot name; declare a non-generic struct with the same fields"
        },
        {
            "CAPS0004",
            """
            public struct Nothing { }
            public static partial class Names
            {
                [CapsuleGen.ExportCapsule("names.nothing")]
                public static void Set([|Nothing|] nothing) { }
            }
            """,
            "The parameter 'nothing' of 'Names.Set' has type 'Nothing', which cannot cross a native boundary: 'Nothing' has no fields, and C has no empty struct (GCC makes it 0 bytes, .NET 1 byte); give it a field"
        },
        {
            "CAPS0004",
            """
            [System.Runtime.InteropServices.StructLayout(System.Runtime.InteropServices.LayoutKind.Sequential, Size = 6)]
            public struct Odd { public int A; }
            public static partial class Names
            {
                [CapsuleGen.ExportCapsule("names.odd")]
                public static void Set([|Odd|] odd) { }
            }
            """,
            "The parameter 'odd' of 'Names.Set' has type 'Odd', which cannot cross a native boundary: 'Odd' is 6 bytes with 4-byte alignment, and no C struct can have a size that is not a multiple of its alignment; make [StructLayout(Size = ...)] a multiple of 4"
        },
        {
            "CAPS0004",
            """
            public static partial class Ids
            {
                [CapsuleGen.ExportCapsule("ids.next")]
                public static [|System.Guid|] Next() => System.Guid.NewGuid();
            }
            """,
            "The return value of 'Ids.Next' has type 'Guid', which cannot cross a native boundary: 'Guid' is declared in assembly 'System.Private.CoreLib', whose fields and layout the compiler cannot see (reference assemblies hide them), so CapsuleGen cannot check it as the runtime will; declare a struct with the same fields in this project, or pass a pointer ('Guid*')"
        },
        {
            "CAPS0004",
            """
            public unsafe struct Callbacks { public delegate*<int, int> Transform; }
            public static partial class Names
            {
                [CapsuleGen.ExportCapsule("names.callbacks")]
                public static void Set([|Callbacks|] callbacks) { }
            }
            """,
            "The parameter 'callbacks' of 'Names.Set' has type 'Callbacks', which cannot cross a native boundary: its field 'Callbacks.Transform' has type 'delegate*<int, int>': 'delegate*<int, int>' is not an unmanaged Cdecl function pointer; native code can only call 'delegate* unmanaged[Cdecl]<...>'"
        },
        {
            "CAPS0004",
            """
            [System.Runtime.InteropServices.StructLayout(System.Runtime.InteropServices.LayoutKind.Sequential, Size = 16)]
            public struct Padded { public float X; public float Y; }
            public static partial class Names
            {
                [CapsuleGen.ExportCapsule("names.padded")]
                public static void Set([|Padded|] padded) { }
            }
            """,
            "The parameter 'padded' of 'Names.Set' has type 'Padded', which cannot cross a native boundary: 'Padded' is 16 bytes, but its fields take 8; C has to declare the other bytes as a member, and since C passes a struct of up to 16 bytes in registers chosen by its members' types, C and .NET would pass it differently; declare those bytes as a field ('fixed byte Padding[n]') or pass a pointer"
        },
        {
            "CAPS0004",
            """
            [System.Runtime.InteropServices.StructLayout(System.Runtime.InteropServices.LayoutKind.Explicit)]
            public struct Gapped { [System.Runtime.InteropServices.FieldOffset(0)] public float X; [System.Runtime.InteropServices.FieldOffset(8)] public float Y; }
            public struct Holder { public Gapped Inner; }
            public static partial class Names
            {
                [CapsuleGen.ExportCapsule("names.holder")]
                public static [|Holder|] Get() => default;
            }
            """,
            "The return value of 'Names.Get' has type 'Holder', which cannot cross a native boundary: 'Gapped' leaves bytes 4 to 7, before 'Y', to no field; C has to declare the other bytes as a member, and since C passes a struct of up to 16 bytes in registers chosen by its members' types, C and .NET would pass it differently; declare those bytes as a field ('fixed byte Padding[n]') or pass a pointer"
        },
        {
            "CAPS0007",
            """
            [CapsuleGen.ImportCapsule("spam._C_API")]
            public partial interface ISpam
            {
                [CapsuleGen.CapsuleSlot(0)]
                int Add(int a, int b);

                [CapsuleGen.CapsuleSlot(1)]
                sealed int [|Twice|](int a) => a + a;
            }
            """,
            "'ISpam.Twice' cannot be bound to a capsule: a sealed member cannot be implemented by the binding, so calls would never reach the capsule; remove 'sealed' (its body stays the fallback)"
        },
        {
            "CAPS0007",
            """
            [CapsuleGen.ImportCapsule("spam._C_API")]
            public partial interface ISpam
            {
                [CapsuleGen.CapsuleSlot(0)]
                int Add(int a, int b);

                [CapsuleGen.CapsuleSlot(1)]
                private int [|Twice|](int a) => a + a;
            }
            """,
            "'ISpam.Twice' cannot be bound to a capsule: a private member cannot be implemented by the binding, so calls would never reach the capsule; make it public (its body stays the fallback)"
        },
        {
            "CAPS0007",
            """
            [CapsuleGen.ImportCapsule("quacker")]
            public partial interface IQuacker
            {
                void Quack();
                static abstract void [|Create|]();
            }
            """,
            "'IQuacker.Create' cannot be bound to a capsule: static members belong to the interface, not to the capsule; move it to a class"
        },
        {
            "CAPS0009",
            """
            [CapsuleGen.ImportCapsule("quacker")]
            public partial interface IQuacker
            {
                void Quack();
                public class [|Binding|] { }
            }
            """,
            "'IQuacker.Binding' has the same name as the generated Binding class; rename it"
        },
        {
            "CAPS0009",
            """
            [CapsuleGen.ImportCapsule("quacker")]
            public partial interface [|Binding|]
            {
                void Quack();
            }
            """,
            "'Binding' has the same name as the class it would contain, and a nested type cannot have the name of the type around it; rename it"
        },
        {
            "CAPS0019",
            """
            public partial struct Vector
            {
                public int X;

                [CapsuleGen.ExportCapsule("vector.add")]
                public static Vector operator [|+|](Vector a, Vector b) => new Vector { X = a.X + b.X };
            }
            """,
            "'Vector.op_Addition' cannot be exported: an operator is called through its symbol, which a native pointer cannot carry; export a static method that applies it"
        },
        {
            "CAPS0019",
            """
            public partial struct Vector
            {
                public int X;

                [CapsuleGen.ExportCapsule("vector.to_int")]
                public static explicit operator [|int|](Vector a) => a.X;
            }
            """,
            "'Vector.op_Explicit' cannot be exported: a conversion is called through a cast, which a native pointer cannot carry; export a static method that converts"
        },
        {
            "CAPS0019",
            """
            public static partial class Settings
            {
                public static int Level
                {
                    [CapsuleGen.ExportCapsule("settings.level")]
                    [|get|] => 3;
                }
            }
            """,
            "'Settings.get_Level' cannot be exported: an accessor belongs to its property or event, and code calls it only through them; export a static method that reads or writes it"
        },
        {
            "CAPS0019",
            """
            public partial class Duck
            {
                [CapsuleGen.ExportCapsule("duck.finalize")]
                ~[|Duck|]() { }
            }
            """,
            "'Duck.Finalize' cannot be exported: a finalizer runs when the garbage collector decides, on an instance; export a static method"
        },
        {
            "CAPS0019",
            """
            public static class Lambdas
            {
                public static object Make() => [CapsuleGen.ExportCapsule("lambda")] static [|(int x)|] => x;
            }
            """,
            "'lambda' cannot be exported: a lambda has no name generated code can reach; make it a static method of a partial type"
        },
        {
            "CAPS0019",
            """
            public interface IFactory { static abstract int Make(int x); }
            public partial class Factory : IFactory
            {
                [CapsuleGen.ExportCapsule("factory.make")]
                static int IFactory.[|Make|](int x) => x;
            }
            """,
            "'Factory.IFactory.Make' cannot be exported: an explicit interface implementation can be called only through its interface; export a static method that calls it"
        },
        {
            "CAPS0019",
            """
            public partial interface IFactory
            {
                [CapsuleGen.ExportCapsule("factory.make")]
                static abstract int [|Make|](int x);
            }
            """,
            "'IFactory.Make' cannot be exported: a static abstract or virtual interface member can be called only through a type parameter; export it from a type that implements it"
        },
        {
            "CAPS0019",
            """
            public partial interface IFactory
            {
                [CapsuleGen.ExportCapsule("factory.make")]
                static virtual int [|Make|](int x) => x;
            }
            """,
            "'IFactory.Make' cannot be exported: a static abstract or virtual interface member can be called only through a type parameter; export it from a type that implements it"
        },
        {
            "CAPS0019",
            """
            public static partial class Numbers
            {
                extension(int value)
                {
                    [CapsuleGen.ExportCapsule("numbers.twice")]
                    public static int [|Twice|](int x) => x + x;
                }
            }
            """,
            "'Numbers.Twice' cannot be exported: a member of an 'extension' block has no type generated code can add to; export a static method of the enclosing static class"
        },
        {
            "CAPS0019",
            """
            public static partial class Duck
            {
                [System.Runtime.InteropServices.UnmanagedCallersOnly]
                [CapsuleGen.ExportCapsule("quacker")]
                public static void [|Quack|]() { }
            }
            """,
            "'Duck.Quack' cannot be exported: it is already [UnmanagedCallersOnly], so managed code cannot call it and CapsuleGen cannot wrap it; remove [UnmanagedCallersOnly]: the generated trampoline is its native entry point"
        },
        {
            "CAPS0020",
            """
            public static partial class Duck
            {
                [CapsuleGen.ExportCapsule("quacker")]
                public static async void [|Quack|]() => await System.Threading.Tasks.Task.Yield();
            }
            """,
            "'Duck.Quack' is async: native code would get control back at its first 'await', and an exception thrown after that would end the process; make the method synchronous"
        },
        {
            "CAPS0020",
            """
            public static partial class Duck
            {
                [CapsuleGen.ExportCapsule("quacker")]
                public static async System.Threading.Tasks.Task<int> [|Quack|]() { await System.Threading.Tasks.Task.Yield(); return 1; }
            }
            """,
            "'Duck.Quack' is async: native code would get control back at its first 'await', and an exception thrown after that would end the process; make the method synchronous"
        },
        {
            "CAPS0021",
            """
            public static partial class Duck
            {
                [System.Diagnostics.Conditional("DEBUG")]
                [CapsuleGen.ExportCapsule("quacker")]
                public static void [|Quack|]() { }
            }
            """,
            "'Duck.Quack' is [Conditional(\"DEBUG\")], so every call to it is removed where 'DEBUG' is not defined; remove [Conditional] and test the symbol inside the method (#if DEBUG)"
        },
        {
            "CAPS0021",
            """
            public static partial class Duck
            {
                [CapsuleGen.ExportCapsule("quacker")]
                static partial void [|Quack|]();
            }
            """,
            "'Duck.Quack' is a partial method without an implementation, so every call to it is removed; give it an implementing declaration"
        },
        {
            "CAPS0023",
            """
            file static partial class [|Duck|]
            {
                [CapsuleGen.ExportCapsule("quacker")]
                public static void Quack() { }
            }
            """,
            "'Duck' is file-local, so all of it must be in one file and CapsuleGen cannot add its generated part; declare it 'internal' instead of 'file'"
        },
        {
            "CAPS0023",
            """
            [CapsuleGen.ImportCapsule("quacker")]
            file partial interface [|IQuacker|]
            {
                void Quack();
            }
            """,
            "'IQuacker' is file-local, so all of it must be in one file and CapsuleGen cannot add its generated part; declare it 'internal' instead of 'file'"
        },
        {
            "CAPS0024",
            """
            namespace Screen { public struct Point { public int X, Y; } }
            namespace Paper { public struct Point { public double X, Y; } }
            public static partial class Geometry
            {
                [CapsuleGen.ExportCapsule("geometry.map")]
                public static Paper.Point [|Map|](Screen.Point point) => default;
            }
            """,
            "'Geometry.Map' uses two different structs that C would both call 'struct Point' ('Screen.Point' and 'Paper.Point'); a C signature cannot tell them apart, so rename one of them"
        },
        {
            "CAPS0024",
            """
            namespace Screen { public struct Point { public int X, Y; } }
            namespace Paper { public struct Point { public double X, Y; } }
            [CapsuleGen.ImportCapsule("geometry._C_API")]
            public unsafe partial interface IGeometry
            {
                [CapsuleGen.CapsuleSlot(0)]
                void Draw(Screen.Point* points, int count);

                [CapsuleGen.CapsuleSlot(1)]
                void [|Print|](Paper.Point point);
            }
            """,
            "'IGeometry.Print' uses two different structs that C would both call 'struct Point' ('Screen.Point' and 'Paper.Point'); a C signature cannot tell them apart, so rename one of them"
        },
        {
            "CAPS0027",
            """
            public static partial class Duck
            {
                [CapsuleGen.ExportCapsule("quacker", [|OnException = (CapsuleGen.CapsuleExceptionPolicy)5|])]
                public static void Quack() { }
            }
            """,
            "OnException is 5, which is no CapsuleExceptionPolicy; use CapsuleExceptionPolicy.ReturnDefault, CapsuleExceptionPolicy.FailFast or CapsuleExceptionPolicy.SetPythonError"
        },
        {
            "CAPS0027",
            """
            [CapsuleGen.ExportCapsule("spam._C_API", [|OnException = (CapsuleGen.CapsuleExceptionPolicy)(-1)|])]
            public static partial class SpamApi
            {
                [CapsuleGen.CapsuleSlot(0)]
                private static int Add(int a, int b) => a + b;
            }
            """,
            "OnException is -1, which is no CapsuleExceptionPolicy; use CapsuleExceptionPolicy.ReturnDefault, CapsuleExceptionPolicy.FailFast or CapsuleExceptionPolicy.SetPythonError"
        },
        {
            "CAPS0027",
            """
            public static partial class Duck
            {
                [CapsuleGen.ExportCapsule("quacker", [|OnException = (CapsuleGen.CapsuleExceptionPolicy)7|])]
                public static void Quack() { }
            }
            """,
            "OnException is 7, which is no CapsuleExceptionPolicy; use CapsuleExceptionPolicy.ReturnDefault, CapsuleExceptionPolicy.FailFast or CapsuleExceptionPolicy.SetPythonError"
        },
        {
            "CAPS0060",
            """
            public static partial class Duck
            {
                [CapsuleGen.ExportCapsule("quacker", [|OnException = CapsuleGen.CapsuleExceptionPolicy.SetPythonError|])]
                public static int Quack() => 1;
            }
            """,
            "'Duck.Quack' asks for CapsuleExceptionPolicy.SetPythonError, whose trampoline sets the Python error through CapsuleGen.Python, which this project does not reference; add a reference to the CapsuleGen.Python package, or choose another policy"
        },
        {
            "CAPS0060",
            """
            [CapsuleGen.ExportCapsule("spam._C_API", [|OnException = CapsuleGen.CapsuleExceptionPolicy.SetPythonError|])]
            public static partial class SpamApi
            {
                [CapsuleGen.CapsuleSlot(0)]
                private static int Add(int a, int b) => a + b;
            }
            """,
            "'SpamApi' asks for CapsuleExceptionPolicy.SetPythonError, whose trampoline sets the Python error through CapsuleGen.Python, which this project does not reference; add a reference to the CapsuleGen.Python package, or choose another policy"
        },
        {
            "CAPS0025",
            """
            public static unsafe class Forger
            {
                public static CapsuleGen.Capsule Forge(nint native, nint managed) =>
                    CapsuleGen.Interop.[|ExportedCapsules|].Function(native, managed, "quacker", "void (void)");
            }
            """,
            "CapsuleGen.Interop.ExportedCapsules is called only by code CapsuleGen generates: a capsule made there carries a managed entry that bindings call instead of its native pointer, and a wrong one would call another function; mark the method [ExportCapsule] instead"
        },
        {
            "CAPS0025",
            """
            using Factory = CapsuleGen.Interop.[|ExportedCapsules|];
            """,
            "CapsuleGen.Interop.ExportedCapsules is called only by code CapsuleGen generates: a capsule made there carries a managed entry that bindings call instead of its native pointer, and a wrong one would call another function; mark the method [ExportCapsule] instead"
        },
    };

    /// <summary>The misuse sources without their span markers, for tests that want broken code.</summary>
    internal static IEnumerable<string> MisuseSources =>
        Misuses.Select(row => MarkedSource.Parse((string)((Xunit.ITheoryDataRow)row).GetData()[1]!).Source);

    [Theory]
    [MemberData(nameof(Misuses))]
    public void A_misuse_is_reported_where_the_fix_goes(string id, string markedSource, string message)
    {
        MarkedSource marked = MarkedSource.Parse(markedSource);
        GeneratorRun run = GeneratorRun.Of(marked.Source);

        Diagnostic diagnostic = Assert.Single(run.AnalyzerDiagnostics());

        Assert.Equal(id, diagnostic.Id);
        Assert.Equal(DiagnosticSeverity.Error, diagnostic.Severity);
        Assert.Equal(marked.Span, diagnostic.Location.SourceSpan);
        Assert.Equal(message, diagnostic.GetMessage(CultureInfo.InvariantCulture));
        Assert.EndsWith("#" + id.ToLowerInvariant(), diagnostic.Descriptor.HelpLinkUri, StringComparison.Ordinal);

        // Nothing is generated for the broken declaration, and the generator itself never fails.
        Assert.Empty(run.GeneratorDiagnostics);
        Assert.Empty(run.GeneratedSources);
    }

    [Fact]
    public void SetPythonError_is_valid_in_a_project_that_references_CapsuleGen_Python_and_generates_its_call()
    {
        foreach (string source in SnapshotSources.WithPython)
        {
            GeneratorRun run = PythonModuleCompilation.Run(source, "UserCode");

            Assert.Empty(run.AnalyzerDiagnostics().Select(GeneratorRun.Describe));
            Assert.Contains(run.GeneratedSources, generated => generated.SourceText.ToString().Contains("global::CapsuleGen.Python.PythonErrors.SetFromCallback(", StringComparison.Ordinal));
            run.EmitCleanly();
        }
    }

    [Fact]
    public void An_export_of_a_Python_module_may_set_the_Python_error_and_becomes_its_attribute()
    {
        GeneratorRun run = PythonModuleCompilation.Run("""
            using CapsuleGen;
            using CapsuleGen.Python;

            [PythonModule("CppDuck")]
            public static partial class CppDuck
            {
                [ExportCapsule("CppDuck.quacker", OnException = CapsuleExceptionPolicy.SetPythonError)]
                private static int Quack(int times) => times < 0 ? throw new System.ArgumentOutOfRangeException(nameof(times)) : times;
            }
            """);

        Assert.Empty(run.PythonAnalyzerDiagnostics().Select(GeneratorRun.Describe));
        string generated = string.Concat(run.GeneratedSources.Select(source => source.SourceText.ToString()));
        Assert.Contains("global::CapsuleGen.Python.PythonErrors.SetFromCallback(\"CppDuck.quacker\", \"CppDuck.Quack\", exception);", generated, StringComparison.Ordinal);
        Assert.Contains("\"quacker\"", generated, StringComparison.Ordinal);
        run.EmitCleanly();
    }

    [Fact]
    public void Valid_code_gets_no_CapsuleGen_diagnostic()
    {
        IEnumerable<string> sources = SnapshotSources.All
            .Concat(SnapshotSources.StructTables)
            .Concat(BoundaryTypeCase.Cases.Select(typeCase => typeCase.ExportSource))
            .Concat(BoundaryTypeCase.Cases.Select(typeCase => typeCase.ImportSource));

        foreach (string source in sources)
        {
            ImmutableArray<Diagnostic> diagnostics = GeneratorRun.Of(source).AnalyzerDiagnostics();
            Assert.True(diagnostics.IsEmpty, string.Join(Environment.NewLine, diagnostics.Select(GeneratorRun.Describe)) + Environment.NewLine + source);
        }
    }

    [Fact]
    public void A_constant_in_an_imported_interface_is_no_member_to_bind_and_can_number_its_slots()
    {
        GeneratorRun run = GeneratorRun.Of("""
            [CapsuleGen.ImportCapsule("spam._C_API")]
            public partial interface ISpam
            {
                const int First = 3;

                [CapsuleGen.CapsuleSlot(First)] int Add(int a, int b);
                [CapsuleGen.CapsuleSlot(First + 1)] int Subtract(int a, int b);
            }
            """);

        Assert.Empty(run.AnalyzerDiagnostics().Select(GeneratorRun.Describe));
        Assert.Contains("new(4, \"Subtract\", \"int (int, int)\")", run.GeneratedSources.Single().SourceText.ToString(), StringComparison.Ordinal);
        run.EmitCleanly();
    }

    [Fact]
    public void A_pragma_suppresses_a_diagnostic_because_it_has_a_real_source_location()
    {
        GeneratorRun run = GeneratorRun.Of("""
            public static partial class Duck
            {
            #pragma warning disable CAPS0001
                [CapsuleGen.ExportCapsule("quacker")]
                public void Quack() { }
            #pragma warning restore CAPS0001
            }
            """);

        Assert.Empty(run.AnalyzerDiagnostics());
    }

    [Fact]
    public void Several_exports_in_a_type_that_is_not_partial_report_it_once()
    {
        GeneratorRun run = GeneratorRun.Of("""
            public static class Duck
            {
                [CapsuleGen.ExportCapsule("quacker")]
                public static void Quack() { }

                [CapsuleGen.ExportCapsule("honker")]
                public static void Honk() { }
            }
            """);

        Assert.Equal("CAPS0002", Assert.Single(run.AnalyzerDiagnostics()).Id);
    }
}
