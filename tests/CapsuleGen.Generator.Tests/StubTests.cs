using CapsuleGen.Generator.Tests.Infrastructure;
using CapsuleGen.Tests.Shared;

namespace CapsuleGen.Generator.Tests;

/// <summary>
/// A module's type stub, as the compiled assembly carries it for the build to write out: valid Python
/// whatever the module's names and documentation hold, its helper types never shadowed by a member,
/// and the oldest CPython a wheel may be tagged for, with the reason.
/// </summary>
public sealed class StubTests
{
    private const string Hostile = """"
        using System;
        using CapsuleGen;
        using CapsuleGen.DLPack;
        using CapsuleGen.Python;

        /// <summary>Quotes """ and ''' and \ and "é鴨🦆" and a \u2028 line separator.</summary>
        [PythonModule("Hostile")]
        public static partial class Hostile
        {
            /// <summary>Named like the stub's helper: """</summary>
            [PythonFunction("_Any")] public static PyObject? AnyHelper(PyObject value) => value;
            [PythonFunction("_Capsule")] public static Capsule? CapsuleHelper(Capsule? capsule = null) => capsule;
            [PythonFunction("_sys")] public static double SysHelper(ReadOnlySpan<double> values) => values.Length;
            [PythonFunction("_Array")] public static void ArrayHelper(Span<int> values, ReadOnlySpan<int> weights = default) { }
            [PythonFunction("_DLPackTensor")] public static DLPackTensor TensorHelper() => DLPackTensor.FromArray(new double[1]);
            [PythonFunction("_Protocol")] public static string Texts(string a = "it's \"quoted\" \\ \n é 🦆 \uD800", string? b = null) => a;
            /// <summary>Ends with a quote"</summary>
            [PythonFunction("Any")] public static bool Flags(bool flag = true, float ratio = float.NaN, double limit = double.NegativeInfinity, ulong big = ulong.MaxValue) => flag;
            [ExportCapsule("Hostile._Buffer")] private static void BufferHelper() { }
            [PythonFunction("float")] public static double Float(double x, int count = 1) => x;

            /// <summary>Members named like builtins: "str", "int".</summary>
            [PythonClass("object")]
            public sealed class Shadows
            {
                public Shadows(string text) => Text = text;
                [PythonProperty("int")] public int Number { get; set; }
                [PythonProperty("text")] public string Text { get; }
                [PythonFunction("str")] public string Str(bool upper = false) => upper ? Text.ToUpperInvariant() : Text;
                [PythonFunction("bool")] public static Shadows Make(Shadows? other = null) => other ?? new("x");
            }
        }
        """";

    /// <summary>Python parses the stub, and every annotation names a helper type, never a function that took its name.</summary>
    private const string CheckScript = """
        import ast, sys
        tree = ast.parse(sys.stdin.read())
        functions = {node.name for node in tree.body if isinstance(node, ast.FunctionDef)}
        helpers = set()
        for node in ast.walk(tree):
            if isinstance(node, ast.alias):
                helpers.add(node.asname or node.name)
            elif isinstance(node, ast.ClassDef):
                helpers.add(node.name)
            elif isinstance(node, ast.Assign):
                helpers.update(target.id for target in node.targets)
        assert not functions & helpers, functions & helpers
        classes = {node.name for node in tree.body if isinstance(node, ast.ClassDef)}
        top = {node.name for node in tree.body if isinstance(node, (ast.FunctionDef, ast.ClassDef))}
        builtins = {'int', 'float', 'str', 'bool', 'object', 'tuple', 'memoryview'}

        def check(function, hidden):
            # An annotation resolves in the class body, then the module: a builtin it names must not be hidden by a def there.
            annotations = [a.annotation for a in function.args.posonlyargs + function.args.args + function.args.kwonlyargs if a.annotation] + [function.returns]
            for annotation in annotations:
                for name in ast.walk(annotation):
                    if isinstance(name, ast.Name):
                        assert name.id in helpers or name.id in classes or name.id in builtins - hidden or name.id == 'None', (function.name, name.id)

        for node in tree.body:
            if isinstance(node, ast.FunctionDef):
                check(node, top)
            elif isinstance(node, ast.ClassDef):
                own = {member.name for member in node.body if isinstance(member, ast.FunctionDef)}
                for member in node.body:
                    if isinstance(member, ast.FunctionDef):
                        check(member, top | own)
        for node in tree.body:
            if isinstance(node, ast.FunctionDef):
                print(node.name, ast.get_docstring(node), [ast.literal_eval(d) if not isinstance(d, ast.Constant) or d.value is not Ellipsis else '...' for d in node.args.defaults])
            elif isinstance(node, ast.ClassDef):
                print('class', node.name, [ast.unparse(member) for member in node.body if isinstance(member, ast.FunctionDef)])
        print('module', ast.get_docstring(tree))
        """;

    [Fact]
    public async Task A_stub_is_valid_Python_whatever_the_names_and_documentation_and_no_member_shadows_a_helper()
    {
        string stub = StubOf(Hostile, "Hostile");
        ChildProcessResult check = await new ChildProcess(Requires.Interpreter(), "-c", CheckScript) { Input = stub, Timeout = TimeSpan.FromMinutes(1) }.RunAsync();
        Assert.True(check.ThrowIfTimedOut().ExitCode == 0, check.Error + Environment.NewLine + stub);

        string[] lines = check.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Contains("_Any Named like the stub's helper: \"\"\" []", lines);
        Assert.Contains("_Protocol None ['it\\'s \"quoted\" \\\\ \\n é 🦆 \\ud800', None]", lines);
        Assert.Contains("Any Ends with a quote\" [True, '...', '...', 18446744073709551615]", lines);
        Assert.Contains("float None [1]", lines);
        Assert.Contains(
            "class object ['def __init__(self, text: _builtins.str) -> None:\\n    ...', " +
            "'@property\\ndef int(self) -> _builtins.int:\\n    ...', '@int.setter\\ndef int(self, value: _builtins.int) -> None:\\n    ...', " +
            "'@property\\ndef text(self) -> _builtins.str:\\n    ...', " +
            "'def str(self, upper: _builtins.bool=False) -> _builtins.str:\\n    ...', " +
            "'@staticmethod\\ndef bool(other: object | None=None) -> object:\\n    ...']",
            lines);
        Assert.Contains("module Quotes \"\"\" and ''' and \\ and \"é鴨🦆\" and a \\u2028 line separator.", lines.Select(line => line.TrimEnd('\r')));
    }

    [Fact]
    public async Task A_member_named_property_or_staticmethod_hides_no_decorator_and_a_parameter_named_self_is_not_named_twice()
    {
        const string source = """
            using CapsuleGen.Python;

            [PythonModule("Names")]
            public static partial class Names
            {
                [PythonClass("staticmethod")]
                public sealed class Maker
                {
                    [PythonFunction("make")] public static Maker Make() => new();
                }

                [PythonClass]
                public sealed class Widget
                {
                    public Widget(int self) => Size = self;
                    [PythonProperty("property")] public int Size { get; set; }
                    [PythonProperty("other")] public int Other { get; }
                    [PythonFunction("staticmethod")] public int Static() => 1;
                    [PythonFunction("resize")] public int Resize(int self, int _self = 0) => self;
                    [PythonFunction("create")] public static Widget Create() => new(1);
                }
            }
            """;
        const string check = """
            import ast, sys
            stub = sys.stdin.read()
            compile(stub, 'Names.pyi', 'exec')  # the symbol table refuses a parameter named twice
            tree = ast.parse(stub)
            top = {node.name for node in tree.body if isinstance(node, (ast.ClassDef, ast.FunctionDef))}
            for node in tree.body:
                if isinstance(node, ast.ClassDef):
                    own = {member.name for member in node.body if isinstance(member, ast.FunctionDef)}
                    for member in node.body:
                        for decorator in getattr(member, 'decorator_list', []):
                            if isinstance(decorator, ast.Name):
                                assert decorator.id not in top | own, (node.name, member.name, decorator.id)
                        if isinstance(member, ast.FunctionDef) and member.name in ('__init__', 'resize'):
                            print(ast.unparse(member.args))
            """;
        string stub = StubOf(source, "Names");
        ChildProcessResult result = await new ChildProcess(Requires.Interpreter(), "-c", check) { Input = stub, Timeout = TimeSpan.FromMinutes(1) }.RunAsync();

        Assert.True(result.ThrowIfTimedOut().ExitCode == 0, result.Error + Environment.NewLine + stub);
        Assert.Equal("self\n_self, self: int\n_self1, self: int, _self: int=0\n", result.Output.Replace("\r", string.Empty, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("public static int count(int n) => n;", "3.10", null)]
    [InlineData("public static Capsule? relay(Capsule? c) => c;", "3.10", null)]
    [InlineData("public static double first(System.ReadOnlySpan<double> values) => values[0];", "3.11", "M.first() takes an array through the buffer protocol (PyObject_GetBuffer), part of CPython's stable ABI from 3.11")]
    [InlineData("public static CapsuleGen.DLPack.DLPackTensor make() => CapsuleGen.DLPack.DLPackTensor.FromArray(new double[1]);", "3.11", "M.make() returns a tensor that lends its memory through the buffer protocol (Py_bf_getbuffer), part of CPython's stable ABI from 3.11")]
    public void The_oldest_CPython_a_module_needs_is_310_unless_it_uses_buffers_which_joined_the_stable_ABI_in_311(string function, string version, string? reason)
    {
        string source = $$"""
            using CapsuleGen;
            using CapsuleGen.Python;

            [PythonModule("M")]
            public static partial class M
            {
                [PythonFunction] {{function}}
            }
            """;
        IReadOnlyList<(string Key, string? Value)> metadata = MetadataOf(source, "M");

        Assert.Equal([("CapsuleGen.PythonModule", "M")], metadata.Where(pair => pair.Key == "CapsuleGen.PythonModule"));
        Assert.Equal(version, metadata.Single(pair => pair.Key == "CapsuleGen.PythonModule.M.RequiresPython").Value);
        Assert.Equal(reason, metadata.SingleOrDefault(pair => pair.Key == "CapsuleGen.PythonModule.M.RequiresPythonReason").Value);
    }

    private static IReadOnlyList<(string Key, string? Value)> MetadataOf(string source, string module)
    {
        GeneratorRun run = PythonModuleCompilation.Run(source, module);
        Assert.Empty(run.PythonAnalyzerDiagnostics().Select(GeneratorRun.Describe));
        return MetadataPairs.Read(run.EmitCleanly());
    }

    private static string StubOf(string source, string module) =>
        MetadataOf(source, module).Single(pair => pair.Key == $"CapsuleGen.PythonModule.{module}.Stub").Value!;
}
