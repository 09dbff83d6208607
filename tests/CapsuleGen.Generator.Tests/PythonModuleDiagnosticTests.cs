using System.Collections.Immutable;
using System.Globalization;
using CapsuleGen.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;

namespace CapsuleGen.Generator.Tests;

/// <summary>Each misuse of a Python module is reported where the fix goes, with a message that says what to do.</summary>
public sealed class PythonModuleDiagnosticTests
{
    public static TheoryData<string, string, string> Misuses => new()
    {
        {
            "CAPS0040",
            """
            [CapsuleGen.Python.PythonModule("CppDuck")]
            public partial class [|CppDuck|]
            {
            }
            """,
            "'CppDuck' is marked [PythonModule] but is not a static class; a module has no instances, so declare it 'static partial class'"
        },
        {
            "CAPS0041",
            """
            [CapsuleGen.Python.PythonModule([|"Cpp.Duck"|])]
            public static partial class CppDuck
            {
            }
            """,
            "The module name \"Cpp.Duck\" is invalid: '.' is not an ASCII letter, digit or underscore; Python imports a module by an ASCII identifier, which also names its entry point PyInit_<name>"
        },
        {
            "CAPS0041",
            """
            [CapsuleGen.Python.PythonModule([|"import"|])]
            public static partial class CppDuck
            {
            }
            """,
            "The module name \"import\" is invalid: it is a Python keyword; Python imports a module by an ASCII identifier, which also names its entry point PyInit_<name>"
        },
        {
            "CAPS0042",
            """
            public static partial class CppDuck
            {
                [[|CapsuleGen.Python.PythonFunction|]]
                public static void Quack() { }
            }
            """,
            "'CppDuck.Quack' is marked [PythonFunction] but 'CppDuck' is not a [PythonModule] class; move the method into the module's class"
        },
        {
            "CAPS0043",
            """
            [CapsuleGen.Python.PythonModule("CppDuck")]
            public static partial class CppDuck
            {
                [CapsuleGen.Python.PythonFunction]
                public void [|Quack|]() { }
            }
            """,
            "'CppDuck.Quack' is marked [PythonFunction] but is not static; a module function has no instance to call it on, so make the method static"
        },
        {
            "CAPS0044",
            """
            [CapsuleGen.Python.PythonModule("CppDuck")]
            public static partial class CppDuck
            {
                [CapsuleGen.Python.PythonFunction]
                public static void Quack([|int[]|] noises) { }
            }
            """,
            "The parameter 'noises' of 'CppDuck.Quack' has type 'int[]', which a module function cannot convert: an array is not converted element by element; take a ReadOnlySpan<int> to read a NumPy array or other buffer in place, or a PyObject for a list; use bool, an integer type, float, double, string, Capsule, a span of numbers for an array, or PyObject for any other object"
        },
        {
            "CAPS0044",
            """
            [CapsuleGen.Python.PythonModule("CppDuck")]
            public static partial class CppDuck
            {
                [CapsuleGen.Python.PythonFunction]
                public static void Quack([|System.ReadOnlySpan<string>|] noises) { }
            }
            """,
            "The parameter 'noises' of 'CppDuck.Quack' has type 'ReadOnlySpan<string>', which a module function cannot convert: an array's elements are read as numbers: the element type must be an integer type, float, double, bool, Half or Complex, not string"
        },
        {
            "CAPS0044",
            """
            [CapsuleGen.Python.PythonModule("CppDuck")]
            public static partial class CppDuck
            {
                [CapsuleGen.Python.PythonFunction]
                public static [|System.Span<double>|] Quack() => default;
            }
            """,
            "The return value of 'CppDuck.Quack' has type 'Span<double>', which a module function cannot convert: a span cannot outlive the call; return a DLPackTensor (DLPackTensor.FromArray) to give Python memory without a copy"
        },
        {
            "CAPS0044",
            """
            [CapsuleGen.Python.PythonModule("CppDuck")]
            public static partial class CppDuck
            {
                [CapsuleGen.Python.PythonFunction]
                public static void Quack([|CapsuleGen.DLPack.DLPackTensor|] noises) { }
            }
            """,
            "The parameter 'noises' of 'CppDuck.Quack' has type 'DLPackTensor', which a module function cannot convert: a tensor parameter is not taken over from Python; take a span or strided span of its elements, lent for the call"
        },
        {
            "CAPS0044",
            """
            [CapsuleGen.Python.PythonModule("CppDuck")]
            public static partial class CppDuck
            {
                [CapsuleGen.Python.PythonFunction]
                public static void Quack(ref [|int|] count) { }
            }
            """,
            "The parameter 'count' of 'CppDuck.Quack' has type 'int', which a module function cannot convert: 'ref' passes a reference, which Python cannot give; return the value instead"
        },
        {
            "CAPS0044",
            """
            [CapsuleGen.Python.PythonModule("CppDuck")]
            public static unsafe partial class CppDuck
            {
                [CapsuleGen.Python.PythonFunction]
                public static [|void*|] Quack() => null;
            }
            """,
            "The return value of 'CppDuck.Quack' has type 'void*', which a module function cannot convert: a pointer means nothing to Python; hand it over in a Capsule; use bool, an integer type, float, double, string, Capsule, a span of numbers for an array, or PyObject for any other object"
        },
        {
            "CAPS0045",
            """
            [CapsuleGen.Python.PythonModule("CppDuck")]
            public static partial class CppDuck
            {
                [CapsuleGen.Python.PythonFunction([|"get-quack"|])]
                public static void Quack() { }
            }
            """,
            "The Python name \"get-quack\" of 'CppDuck.Quack' is invalid: '-' is not an ASCII letter, digit or underscore; give [PythonFunction] a Python identifier, such as [PythonFunction(\"get_quack\")]"
        },
        {
            "CAPS0046",
            """
            [CapsuleGen.Python.PythonModule("CppDuck")]
            public static partial class CppDuck
            {
                [CapsuleGen.Python.PythonFunction("quack")]
                public static void Quack() { }

                [CapsuleGen.Python.PythonFunction([|"quack"|])]
                public static void Honk() { }
            }
            """,
            "The module CppDuck already has a member named 'quack' (the function 'CppDuck.Quack'); give this one another name"
        },
        {
            "CAPS0046",
            """
            [CapsuleGen.Python.PythonModule("CppDuck")]
            public static partial class CppDuck
            {
                [CapsuleGen.Python.PythonFunction("quacker")]
                public static void GetQuack() { }

                [CapsuleGen.ExportCapsule([|"CppDuck.quacker"|])]
                private static void Quack() { }
            }
            """,
            "The module CppDuck already has a member named 'quacker' (the function 'CppDuck.GetQuack'); give this one another name"
        },
        {
            "CAPS0046",
            """
            [CapsuleGen.Python.PythonModule("CppDuck")]
            public static partial class CppDuck
            {
                [CapsuleGen.Python.PythonFunction([|"__name__"|])]
                public static string Name() => "duck";
            }
            """,
            "The module CppDuck already has a member named '__name__' (the attribute CPython sets to the module's name, without which 'import' fails); give this one another name"
        },
        {
            "CAPS0046",
            """
            [CapsuleGen.Python.PythonModule("CppDuck")]
            public static partial class CppDuck
            {
                [CapsuleGen.ExportCapsule([|"CppDuck.__dict__"|])]
                private static void Quack() { }
            }
            """,
            "The module CppDuck already has a member named '__dict__' (the attribute CPython gives every module for its namespace); give this one another name"
        },
        {
            "CAPS0046",
            """
            [CapsuleGen.Python.PythonModule("CppDuck")]
            [CapsuleGen.ExportCapsule([|"CppDuck._C_API"|])]
            public static partial class CppDuck
            {
                [CapsuleGen.CapsuleSlot(0)]
                private static int Add(int a, int b) => a + b;

                [CapsuleGen.Python.PythonFunction("_C_API")]
                public static int Api() => 0;
            }
            """,
            "The module CppDuck already has a member named '_C_API' (the function 'CppDuck.Api'); give this one another name"
        },
        {
            "CAPS0002",
            """
            [CapsuleGen.Python.PythonModule("CppDuck")]
            [CapsuleGen.ExportCapsule("CppDuck._C_API")]
            public static class [|CppDuck|]
            {
                [CapsuleGen.CapsuleSlot(0)]
                private static int Add(int a, int b) => a + b;
            }
            """,
            "'CppDuck' must be partial because CapsuleGen adds generated members to it; add the 'partial' modifier"
        },
        {
            "CAPS0047",
            """
            [CapsuleGen.Python.PythonModule([|"Duck"|])]
            public static partial class CppDuck
            {
            }
            """,
            "Python imports module Duck from a file named Duck.so and calls its PyInit_Duck, but this assembly publishes CppDuck.so; set <AssemblyName>Duck</AssemblyName> in the project file"
        },
        {
            "CAPS0002",
            """
            [CapsuleGen.Python.PythonModule("CppDuck")]
            public static class [|CppDuck|]
            {
            }
            """,
            "'CppDuck' must be partial because CapsuleGen adds generated members to it; add the 'partial' modifier"
        },
        {
            "CAPS0023",
            """
            [CapsuleGen.Python.PythonModule("CppDuck")]
            file static partial class [|CppDuck|]
            {
                [CapsuleGen.Python.PythonFunction]
                public static void quack() { }
            }
            """,
            "'CppDuck' is file-local, so all of it must be in one file and CapsuleGen cannot add its generated part; declare it 'internal' instead of 'file'"
        },
        {
            "CAPS0003",
            """
            [CapsuleGen.Python.PythonModule("CppDuck")]
            public static partial class CppDuck
            {
                [CapsuleGen.Python.PythonFunction]
                public static void [|Quack|]<T>() { }
            }
            """,
            "'CppDuck.Quack' is generic; a native function has one fixed signature, so declare it without type parameters"
        },
        {
            "CAPS0019",
            """
            using System.Runtime.CompilerServices;
            using System.Runtime.InteropServices;

            [CapsuleGen.Python.PythonModule("CppDuck")]
            public static partial class CppDuck
            {
                [CapsuleGen.Python.PythonFunction]
                [UnmanagedCallersOnly(CallConvs = new[] { typeof(CallConvCdecl) })]
                public static int [|quack|]() => 1;
            }
            """,
            "'CppDuck.quack' cannot be a Python function: it is [UnmanagedCallersOnly], so managed code cannot call it and the generated wrapper cannot either; remove [UnmanagedCallersOnly]: CPython calls the wrapper, which is a native entry point of its own"
        },
        {
            "CAPS0019",
            """
            [CapsuleGen.Python.PythonModule("CppDuck")]
            public static partial class CppDuck
            {
                public static int Loudness { [CapsuleGen.Python.PythonFunction] [|get|] => 1; }
            }
            """,
            "'CppDuck.get_Loudness' cannot be a Python function: an accessor belongs to its property or event, and code calls it only through them; mark a static method that reads or writes it"
        },
        {
            "CAPS0019",
            """
            [CapsuleGen.Python.PythonModule("CppDuck")]
            public static partial class CppDuck
            {
                extension(int value)
                {
                    [CapsuleGen.Python.PythonFunction]
                    public static int [|twice|](int x) => x + x;
                }
            }
            """,
            "'CppDuck.twice' cannot be a Python function: a member of an 'extension' block is no member of the module's class; make it a static method of the module's class"
        },
        {
            "CAPS0019",
            """
            public static class Helpers
            {
                public static int Twice(int x)
                {
                    [CapsuleGen.Python.PythonFunction]
                    static int [|twice|](int y) => y + y;
                    return twice(x);
                }
            }
            """,
            "'twice' cannot be a Python function: a local function is no member of the module's class, so the module cannot reach it; make it a static method of the module's class"
        },
        {
            "CAPS0019",
            """
            public static class Helpers
            {
                public static System.Func<int, int> Twice = [CapsuleGen.Python.PythonFunction] static [|(int y)|] => y + y;
            }
            """,
            "'lambda' cannot be a Python function: a lambda has no name the module can reach; make it a static method of the module's class"
        },
        {
            "CAPS0021",
            """
            [CapsuleGen.Python.PythonModule("CppDuck")]
            public static partial class CppDuck
            {
                [CapsuleGen.Python.PythonFunction]
                [System.Diagnostics.Conditional("LOUD")]
                public static void [|quack|]() { }
            }
            """,
            "'CppDuck.quack' is [Conditional(\"LOUD\")], so every call to it is removed where 'LOUD' is not defined; remove [Conditional] and test the symbol inside the method (#if LOUD)"
        },
        {
            "CAPS0021",
            """
            [CapsuleGen.Python.PythonModule("CppDuck")]
            public static partial class CppDuck
            {
                [CapsuleGen.Python.PythonFunction]
                static partial void [|quack|]();
            }
            """,
            "'CppDuck.quack' is a partial method without an implementation, so every call to it is removed; give it an implementing declaration"
        },
        {
            "CAPS0049",
            """
            [CapsuleGen.Python.PythonModule("CppDuck")]
            public static partial class CppDuck
            {
                [CapsuleGen.Python.PythonFunction]
                public static async void [|quack|]() => await System.Threading.Tasks.Task.Yield();
            }
            """,
            "'CppDuck.quack' is async: Python would get control back at its first 'await', and an exception thrown after that would reach no caller and end the process; make the method synchronous"
        },
        {
            "CAPS0049",
            """
            [CapsuleGen.Python.PythonModule("CppDuck")]
            public static partial class CppDuck
            {
                [CapsuleGen.Python.PythonFunction]
                public static async System.Threading.Tasks.Task<int> [|quack|]() { await System.Threading.Tasks.Task.Yield(); return 1; }
            }
            """,
            "'CppDuck.quack' is async: Python would get control back at its first 'await', and an exception thrown after that would reach no caller and end the process; make the method synchronous"
        },
        {
            "CAPS0050",
            """
            [CapsuleGen.Python.PythonModule("CppDuck")]
            public static partial class CppDuck
            {
                [CapsuleGen.Python.PythonFunction(ReleaseGil = true)]
                public static int Count([|CapsuleGen.Python.PyObject|] items) => 0;
            }
            """,
            "The parameter 'items' of 'CppDuck.Count' is a PyObject, but 'CppDuck.Count' releases the GIL (ReleaseGil = true), and a Python object may only be used with the GIL held; take or return a converted type (int, float, str, Capsule), or keep the GIL"
        },
        {
            "CAPS0050",
            """
            [CapsuleGen.Python.PythonModule("CppDuck")]
            public static partial class CppDuck
            {
                [CapsuleGen.Python.PythonFunction(ReleaseGil = true)]
                public static [|CapsuleGen.Python.PyObject?|] Make() => null;
            }
            """,
            "The return value of 'CppDuck.Make' is a PyObject, but 'CppDuck.Make' releases the GIL (ReleaseGil = true), and a Python object may only be used with the GIL held; take or return a converted type (int, float, str, Capsule), or keep the GIL"
        },
        {
            "CAPS0051",
            """
            using CapsuleGen.Python;

            [PythonModule("CppDuck")]
            public static partial class CppDuck
            {
                [PythonFunction]
                public static double Clamp(double x, [KeywordOnly] double [|low|], [PositionalOnly] double high) => x;
            }
            """,
            "Parameter 'low' of 'CppDuck.Clamp' is keyword-only ([KeywordOnly] makes it and every later parameter so), but 'high' is positional-only ([PositionalOnly] makes it and every earlier parameter so); no parameter can be both, so put [KeywordOnly] after the last positional-only parameter"
        },
        {
            "CAPS0052",
            """
            using System.Runtime.InteropServices;
            using CapsuleGen.Python;

            [PythonModule("CppDuck")]
            public static partial class CppDuck
            {
                [PythonFunction]
                public static int Add([Optional, DefaultParameterValue(5)] int [|a|], int b) => a + b;
            }
            """,
            "Parameter 'a' of 'CppDuck.Add' has a default value, but 'b' after it has none; Python fills parameters in order, so a default can only be left out at the end (def f(a=5, b) is a SyntaxError); give 'b' a default too, or remove the default of 'a'"
        },
        {
            "CAPS0053",
            """
            public static partial class CppDuck
            {
                [[|CapsuleGen.Python.PythonClass|]]
                public sealed class Duck
                {
                    [CapsuleGen.Python.PythonFunction] public void Quack() { }
                }
            }
            """,
            "'Duck' is marked [PythonClass] but is not nested directly in a [PythonModule] class; a type belongs to a module, so declare the class inside the module's class"
        },
        {
            "CAPS0054",
            """
            [CapsuleGen.Python.PythonModule("CppDuck")]
            public static partial class CppDuck
            {
                [CapsuleGen.Python.PythonClass]
                public abstract class [|Bird|] { }
            }
            """,
            "'Bird' cannot be a Python type: an abstract class cannot be constructed, and Python cannot subclass the type; mark a concrete class instead"
        },
        {
            "CAPS0054",
            """
            [CapsuleGen.Python.PythonModule("CppDuck")]
            public static partial class CppDuck
            {
                [CapsuleGen.Python.PythonClass]
                public sealed class [|Box|]<T> { }
            }
            """,
            "'Box' cannot be a Python type: a generic class has no one type for Python to name; mark a non-generic class, which may derive from a constructed one"
        },
        {
            "CAPS0055",
            """
            [CapsuleGen.Python.PythonModule("CppDuck")]
            public static partial class CppDuck
            {
                [CapsuleGen.Python.PythonClass]
                public sealed class [|Duck|]
                {
                    public Duck() { }
                    public Duck(string name) { }
                }
            }
            """,
            "Python cannot construct 'Duck': it has 2 public constructors; mark the one Python calls with [PythonConstructor]"
        },
        {
            "CAPS0055",
            """
            [CapsuleGen.Python.PythonModule("CppDuck")]
            public static partial class CppDuck
            {
                [CapsuleGen.Python.PythonClass]
                public sealed class Duck
                {
                    public [|Duck|]() { }
                    public required string Name { get; init; }
                }
            }
            """,
            "Python cannot construct 'Duck': it has 'required' members, which Python cannot set; give the constructor [SetsRequiredMembers] and set them there"
        },
        {
            "CAPS0056",
            """
            [CapsuleGen.Python.PythonModule("CppDuck")]
            public static partial class CppDuck
            {
                [CapsuleGen.Python.PythonClass]
                public sealed class Duck
                {
                    [CapsuleGen.Python.PythonProperty]
                    public CapsuleGen.Python.PyObject? [|Callback|] { get; set; }
                }
            }
            """,
            "'Duck.Callback' is marked [PythonProperty] but cannot be an attribute of the Python type: a PyObject handle is given away when a function returns it and lent only for a call when one is passed, so a property cannot hold it; make [PythonFunction] methods that return and take it"
        },
        {
            "CAPS0056",
            """
            [CapsuleGen.Python.PythonModule("CppDuck")]
            public static partial class CppDuck
            {
                [CapsuleGen.Python.PythonClass]
                public sealed class Duck
                {
                    [CapsuleGen.Python.PythonProperty("item")]
                    public int [|this|][int index] => index;
                }
            }
            """,
            "'Duck.this[]' is marked [PythonProperty] but cannot be an attribute of the Python type: an indexer takes arguments, which an attribute cannot; make [PythonFunction] methods that read and write it"
        },
        {
            "CAPS0056",
            """
            [CapsuleGen.Python.PythonModule("CppDuck")]
            public static partial class CppDuck
            {
                [CapsuleGen.Python.PythonClass]
                public sealed class Duck
                {
                    [CapsuleGen.Python.PythonProperty]
                    public static int [|Count|] { get; set; }
                }
            }
            """,
            "'Duck.Count' is marked [PythonProperty] but cannot be an attribute of the Python type: a static property would be an attribute of the type, which instances' attributes are not; make static [PythonFunction] methods that read and write it"
        },
        {
            "CAPS0044",
            """
            [CapsuleGen.Python.PythonModule("CppDuck")]
            public static partial class CppDuck
            {
                [CapsuleGen.Python.PythonClass]
                public sealed class Duck
                {
                    [CapsuleGen.Python.PythonProperty]
                    public decimal [|Weight|] { get; set; }
                }
            }
            """,
            "The value of 'Duck.Weight' has type 'decimal', which a module function cannot convert: Python has no decimal of C#'s kind; use double, or PyObject for a decimal.Decimal; use bool, an integer type, float, double, string, Capsule, a span of numbers for an array, or PyObject for any other object"
        },
        {
            "CAPS0019",
            """
            [CapsuleGen.Python.PythonModule("CppDuck")]
            public static partial class CppDuck
            {
                [CapsuleGen.Python.PythonClass]
                public sealed class Duck
                {
                    [CapsuleGen.Python.PythonFunction] private void [|Quack|]() { }
                }
            }
            """,
            "'Duck.Quack' cannot be a method of a Python type: the generated wrapper calls it from the module's class, which cannot reach a private or protected member of this class; make it internal or public"
        },
        {
            "CAPS0057",
            """
            public sealed class Duck
            {
                [[|CapsuleGen.Python.PythonProperty|]]
                public int Volume { get; set; }
            }
            """,
            "'Duck.Volume' is marked [PythonProperty] but 'Duck' is not a [PythonClass] nested in a [PythonModule] class; mark the class [PythonClass], or remove the attribute"
        },
        {
            "CAPS0057",
            """
            public sealed class Duck
            {
                [[|CapsuleGen.Python.PythonConstructor|]]
                public Duck() { }
            }
            """,
            "'Duck.Duck' is marked [PythonConstructor] but 'Duck' is not a [PythonClass] nested in a [PythonModule] class; mark the class [PythonClass], or remove the attribute"
        },
        {
            "CAPS0058",
            """
            [CapsuleGen.Python.PythonModule("CppDuck")]
            public static partial class CppDuck
            {
                [CapsuleGen.Python.PythonClass]
                public sealed class Duck
                {
                    [CapsuleGen.Python.PythonFunction("quack")] public string Quack() => "";
                    [CapsuleGen.Python.PythonFunction([|"quack"|])] public string Quack(int times) => "";
                }
            }
            """,
            "The type CppDuck.Duck already has a member named 'quack' (the method 'Duck.Quack'); give this one another name"
        },
        {
            "CAPS0058",
            """
            [CapsuleGen.Python.PythonModule("CppDuck")]
            public static partial class CppDuck
            {
                [CapsuleGen.Python.PythonClass]
                public sealed class Duck
                {
                    [CapsuleGen.Python.PythonProperty("volume")] public int Volume { get; set; }
                    [CapsuleGen.Python.PythonFunction([|"volume"|])] public static int Loudness() => 0;
                }
            }
            """,
            "The type CppDuck.Duck already has a member named 'volume' (the property 'Duck.Volume'); give this one another name"
        },
        {
            "CAPS0046",
            """
            [CapsuleGen.Python.PythonModule("CppDuck")]
            public static partial class CppDuck
            {
                [CapsuleGen.Python.PythonFunction("Duck")] public static void Make() { }

                [[|CapsuleGen.Python.PythonClass|]]
                public sealed class Duck { }
            }
            """,
            "The module CppDuck already has a member named 'Duck' (the function 'CppDuck.Make'); give this one another name"
        },
        {
            "CAPS0059",
            """
            [CapsuleGen.Python.PythonModule("CppDuck")]
            public static partial class CppDuck
            {
                [[|CapsuleGen.Python.PythonClass|]]
                public sealed class @class { }
            }
            """,
            "The Python name \"class\" of 'class' is invalid: it is a Python keyword; give [PythonClass] a Python identifier"
        },
        {
            "CAPS0059",
            """
            [CapsuleGen.Python.PythonModule("CppDuck")]
            public static partial class CppDuck
            {
                [CapsuleGen.Python.PythonClass]
                public sealed class Duck
                {
                    [CapsuleGen.Python.PythonFunction([|"__repr__"|])] public string Show() => "";
                }
            }
            """,
            "The Python name \"__repr__\" of 'Duck.Show' is invalid: a type's __dunder__ names are Python's special methods, which come from the class itself (__repr__ from ToString, __eq__ and __hash__ from Equals and GetHashCode); give [PythonFunction] a Python identifier"
        },
        {
            "CAPS0059",
            """
            [CapsuleGen.Python.PythonModule("CppDuck")]
            public static partial class CppDuck
            {
                [CapsuleGen.Python.PythonClass([|"Ente\u00e9"|])]
                public sealed class Duck { }
            }
            """,
            "The Python name \"Ente\u00e9\" of 'Duck' is invalid: '\u00e9' is not an ASCII letter, digit or underscore; give [PythonClass] a Python identifier"
        },
        {
            "CAPS0044",
            """
            [CapsuleGen.Python.PythonModule("CppDuck")]
            public static partial class CppDuck
            {
                [CapsuleGen.Python.PythonClass]
                public sealed class Duck
                {
                    [CapsuleGen.Python.PythonFunction] public void Swap(ref [|int|] x) { }
                }
            }
            """,
            "The parameter 'x' of 'Duck.Swap' has type 'int', which a module function cannot convert: 'ref' passes a reference, which Python cannot give; return the value instead"
        },
        {
            "CAPS0003",
            """
            [CapsuleGen.Python.PythonModule("CppDuck")]
            public static partial class CppDuck
            {
                [CapsuleGen.Python.PythonClass]
                public sealed class Duck
                {
                    [CapsuleGen.Python.PythonFunction] public int [|Echo|]<T>(int x) => x;
                }
            }
            """,
            "'Duck.Echo' is generic; a native function has one fixed signature, so declare it without type parameters"
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
        GeneratorRun run = PythonModuleCompilation.Run(marked.Source);

        Diagnostic diagnostic = Assert.Single(run.PythonAnalyzerDiagnostics());

        Assert.Equal(id, diagnostic.Id);
        Assert.Equal(id == "CAPS0047" ? DiagnosticSeverity.Warning : DiagnosticSeverity.Error, diagnostic.Severity);
        Assert.Equal(marked.Span, diagnostic.Location.SourceSpan);
        Assert.Equal(message, diagnostic.GetMessage(CultureInfo.InvariantCulture));
        Assert.EndsWith("#" + id.ToLowerInvariant(), diagnostic.Descriptor.HelpLinkUri, StringComparison.Ordinal);
        Assert.Empty(run.GeneratorDiagnostics);
        if (id != "CAPS0047")
        {
            Assert.DoesNotContain(run.GeneratedSources, source => source.HintName.EndsWith("PythonModule.g.cs", StringComparison.Ordinal));
        }
    }

    [Fact]
    public void A_local_function_marked_in_a_module_function_is_an_error_at_its_name_and_the_module_is_still_generated_without_it()
    {
        MarkedSource marked = MarkedSource.Parse("""
            [CapsuleGen.Python.PythonModule("CppDuck")]
            public static partial class CppDuck
            {
                [CapsuleGen.Python.PythonFunction]
                public static int quack()
                {
                    return honk();

                    [CapsuleGen.Python.PythonFunction]
                    static int [|honk|]() => 2;
                }
            }
            """);
        GeneratorRun run = PythonModuleCompilation.Run(marked.Source);

        Diagnostic diagnostic = Assert.Single(run.PythonAnalyzerDiagnostics());
        Assert.Equal("CAPS0019", diagnostic.Id);
        Assert.Equal(marked.Span, diagnostic.Location.SourceSpan);
        // Neither the module nor its stub has the local function.
        Assert.Equal(2, run.GeneratedSources.Count());
        string generated = string.Concat(run.GeneratedSources.Select(source => source.SourceText.ToString()));
        Assert.Contains("new(\"quack\",", generated, StringComparison.Ordinal);
        Assert.Contains("def quack() -> int", generated, StringComparison.Ordinal);
        Assert.DoesNotContain("honk", generated, StringComparison.Ordinal);
    }

    [Fact]
    public void A_partial_function_with_an_implementation_and_a_conditional_one_whose_symbol_is_defined_are_still_refused_only_when_calls_vanish()
    {
        GeneratorRun run = PythonModuleCompilation.Run("""
            [CapsuleGen.Python.PythonModule("CppDuck")]
            public static partial class CppDuck
            {
                [CapsuleGen.Python.PythonFunction]
                static partial void quack();
                static partial void quack() { }

                [CapsuleGen.Python.PythonFunction]
                public static partial int honk(int x);
                public static partial int honk(int x) => x;
            }
            """);

        Assert.Empty(run.PythonAnalyzerDiagnostics());
        run.EmitCleanly();
    }

    [Theory]
    [InlineData("__name__")]
    [InlineData("__doc__")]
    [InlineData("__package__")]
    [InlineData("__loader__")]
    [InlineData("__spec__")]
    [InlineData("__file__")]
    [InlineData("__path__")]
    [InlineData("__cached__")]
    [InlineData("__dict__")]
    [InlineData("__class__")]
    [InlineData("__builtins__")]
    [InlineData("__all__")]
    [InlineData("__annotations__")]
    public void A_function_or_capsule_named_like_an_attribute_CPython_sets_or_reads_on_a_module_is_refused(string name)
    {
        foreach (string source in new[]
        {
            $$"""[CapsuleGen.Python.PythonModule("CppDuck")] public static partial class CppDuck { [CapsuleGen.Python.PythonFunction("{{name}}")] public static int f() => 1; }""",
            $$"""[CapsuleGen.Python.PythonModule("CppDuck")] public static partial class CppDuck { [CapsuleGen.Python.PythonFunction] public static int {{name}}() => 1; }""",
            $$"""[CapsuleGen.Python.PythonModule("CppDuck")] public static partial class CppDuck { [CapsuleGen.ExportCapsule("{{name}}")] static void Q() { } }""",
            $$"""[CapsuleGen.Python.PythonModule("CppDuck")] public static partial class CppDuck { [CapsuleGen.ExportCapsule("CppDuck.{{name}}")] static partial class T { [CapsuleGen.CapsuleSlot(0)] static void Q() { } } }""",
        })
        {
            GeneratorRun run = PythonModuleCompilation.Run(source);

            Diagnostic diagnostic = Assert.Single(run.PythonAnalyzerDiagnostics());
            Assert.Equal("CAPS0046", diagnostic.Id);
            Assert.StartsWith($"The module CppDuck already has a member named '{name}' (the attribute ", diagnostic.GetMessage(CultureInfo.InvariantCulture), StringComparison.Ordinal);
            Assert.DoesNotContain(run.GeneratedSources, generated => generated.HintName.EndsWith("PythonModule.g.cs", StringComparison.Ordinal));
        }
    }

    [Fact]
    public void Module_level_getattr_and_dir_and_other_dunders_are_functions_like_any_other()
    {
        GeneratorRun run = PythonModuleCompilation.Run("""
            using CapsuleGen.Python;

            [PythonModule("CppDuck")]
            public static partial class CppDuck
            {
                [PythonFunction] public static PyObject __getattr__(string name) => throw new System.Collections.Generic.KeyNotFoundException(name);
                [PythonFunction] public static PyObject __dir__(PyObject names) => names;
                [PythonFunction("__version__")] public static string Version() => "1.0";
                [PythonFunction("__call__")] public static int Call() => 1;
                [CapsuleGen.ExportCapsule("CppDuck.__capi__")] private static void Quack() { }
            }
            """);

        Assert.Empty(run.PythonAnalyzerDiagnostics());
        string generated = run.GeneratedSources.Single(source => source.HintName.EndsWith("PythonModule.g.cs", StringComparison.Ordinal)).SourceText.ToString();
        Assert.Contains("new(\"__getattr__\",", generated, StringComparison.Ordinal);
        Assert.Contains("new(\"__capi__\", global::CppDuck.QuackCapsule)", generated, StringComparison.Ordinal);
        run.EmitCleanly();
    }

    [Fact]
    public void A_partial_function_that_CSharp_requires_to_be_implemented_is_wrapped_though_another_generator_implements_it()
    {
        // [LibraryImport]'s generator implements it in a real build; this generator never sees that
        // output, and C# reports a missing implementation itself (CS8795), so it is no CAPS0021.
        GeneratorRun run = PythonModuleCompilation.Run("""
            [CapsuleGen.Python.PythonModule("CppDuck")]
            public static partial class CppDuck
            {
                [CapsuleGen.Python.PythonFunction]
                [System.Runtime.InteropServices.LibraryImport("libc")]
                internal static partial int getpid();

                [CapsuleGen.ExportCapsule("CppDuck.pid")]
                [System.Runtime.InteropServices.LibraryImport("libc", EntryPoint = "getpid")]
                private static partial int Pid();
            }
            """);

        Assert.Empty(run.PythonAnalyzerDiagnostics());
        Assert.Contains(run.GeneratedSources, source => source.SourceText.ToString().Contains("return global::CapsuleGen.Python.Modules.PythonResults.From(getpid());", StringComparison.Ordinal));
        Assert.Contains(run.GeneratedSources, source => source.SourceText.ToString().Contains("return Pid();", StringComparison.Ordinal));
    }

    [Fact]
    public void A_class_nested_in_a_type_is_an_error_at_its_attribute_and_the_module_is_still_generated_with_the_outer_type()
    {
        MarkedSource marked = MarkedSource.Parse("""
            [CapsuleGen.Python.PythonModule("CppDuck")]
            public static partial class CppDuck
            {
                [CapsuleGen.Python.PythonClass]
                public sealed class Duck
                {
                    [[|CapsuleGen.Python.PythonClass|]]
                    public sealed class Duckling { }
                }
            }
            """);
        GeneratorRun run = PythonModuleCompilation.Run(marked.Source);

        Diagnostic diagnostic = Assert.Single(run.PythonAnalyzerDiagnostics());
        Assert.Equal("CAPS0053", diagnostic.Id);
        Assert.Equal(marked.Span, diagnostic.Location.SourceSpan);
        Assert.Equal(
            "'Duckling' is marked [PythonClass] but is not nested directly in a [PythonModule] class; a type belongs to a module, so declare the class inside the module's class",
            diagnostic.GetMessage(CultureInfo.InvariantCulture));
        Assert.Equal(
            ["CppDuck.Duck.PythonClass.g.cs", "CppDuck.PythonModule.g.cs", "CppDuck.PythonStub.g.cs"],
            run.GeneratedSources.Select(source => source.HintName).Where(name => name.Contains("Python", StringComparison.Ordinal)).Order(StringComparer.Ordinal));
    }

    /// <summary>Members of a [PythonClass] declared twice, as a duplicated line leaves them, with the error the compiler reports.</summary>
    public static TheoryData<string, string> MembersDeclaredTwice => new()
    {
        { "[CapsuleGen.Python.PythonProperty(\"name\")] public string Name { get; } = \"\"; public string Name { get; } = \"\";", "CS0102" },
        { "[CapsuleGen.Python.PythonProperty(\"name\")] public string Name { get; } = \"\"; [CapsuleGen.Python.PythonProperty(\"name\")] public string Name { get; } = \"\";", "CS0102" },
        { "[CapsuleGen.Python.PythonFunction(\"quack\")] public int Quack(int times) => times; public int Quack(int times) => times;", "CS0111" },
        { "[CapsuleGen.Python.PythonFunction(\"quack\")] public int Quack() => 1; [CapsuleGen.Python.PythonFunction(\"quack\")] public int Quack() => 1;", "CS0111" },
        { "public Duck(int volume) { } public Duck(int volume) { }", "CS0111" },
        { "public Duck() { } [CapsuleGen.Python.PythonConstructor] public Duck(int volume) { } [CapsuleGen.Python.PythonConstructor] public Duck(int volume) { }", "CS0111" },
        { "[CapsuleGen.Python.PythonProperty(\"size\")] public int Size { get; } [CapsuleGen.Python.PythonFunction(\"grow\")] public int Size() => 1;", "CS0102" },
        { "[CapsuleGen.Python.PythonFunction(\"quack\")] public int Quack() => 1; public int Quack;", "CS0102" },
    };

    [Theory]
    [MemberData(nameof(MembersDeclaredTwice))]
    public void A_class_with_a_member_declared_twice_generates_nothing_and_only_the_compiler_reports_it(string members, string compilerError)
    {
        GeneratorRun run = RunWithOnlyTheCompilersError($$"""
            [CapsuleGen.Python.PythonModule("CppDuck")]
            public static partial class CppDuck
            {
                [CapsuleGen.Python.PythonFunction]
                public static int Count() => 1;

                [CapsuleGen.Python.PythonClass]
                public sealed class Duck
                {
                    {{members}}
                }
            }
            """, compilerError);

        Assert.DoesNotContain(run.GeneratedSources, source => source.HintName.Contains("Duck.PythonClass", StringComparison.Ordinal));
    }

    [Fact]
    public void A_module_function_beside_a_field_of_its_name_generates_nothing_and_only_the_compiler_reports_it()
    {
        RunWithOnlyTheCompilersError("""
            [CapsuleGen.Python.PythonModule("CppDuck")]
            public static partial class CppDuck
            {
                [CapsuleGen.Python.PythonFunction]
                public static int Count() => 1;

                public static int Count;
            }
            """, "CS0102");
    }

    /// <summary>Runs the generator over <paramref name="source"/>; asserts that nothing but the compiler reports anything, and that it reports <paramref name="compilerError"/>.</summary>
    private static GeneratorRun RunWithOnlyTheCompilersError(string source, string compilerError)
    {
        GeneratorRun run = PythonModuleCompilation.Run(source);
        Assert.Empty(run.ProblemsInGeneratedFiles());
        Assert.Empty(run.PythonAnalyzerDiagnostics().Select(GeneratorRun.Describe));
        Assert.Equal(
            [compilerError],
            run.Input.GetDiagnostics(TestContext.Current.CancellationToken).Where(diagnostic => diagnostic.Severity == DiagnosticSeverity.Error).Select(diagnostic => diagnostic.Id).Distinct());
        return run;
    }

    [Fact]
    public void A_second_module_in_one_assembly_is_an_error_at_its_name()
    {
        MarkedSource marked = MarkedSource.Parse("""
            [CapsuleGen.Python.PythonModule("CppDuck")]
            public static partial class CppDuck { }

            [CapsuleGen.Python.PythonModule([|"CppDuck2"|])]
            public static partial class Other { }
            """);

        ImmutableArray<Diagnostic> diagnostics = PythonModuleCompilation.Analyze(PythonModuleCompilation.Create(marked.Source));

        Diagnostic several = Assert.Single(diagnostics, diagnostic => diagnostic.Id == "CAPS0048");
        Assert.Equal(marked.Span, several.Location.SourceSpan);
        Assert.Equal(
            "'Other' declares a second Python module in this assembly, which 'CppDuck' already does; a published library is one file, which Python imports as one module, so put each module in its own project",
            several.GetMessage(CultureInfo.InvariantCulture));
    }

    [Fact]
    public void Valid_modules_get_no_diagnostic()
    {
        foreach ((string source, string assembly) in PythonModuleSources.All)
        {
            ImmutableArray<Diagnostic> diagnostics = PythonModuleCompilation.Analyze(PythonModuleCompilation.Create(source, assembly));
            Assert.True(diagnostics.IsEmpty, string.Join(Environment.NewLine, diagnostics.Select(GeneratorRun.Describe)));
        }
    }
}
