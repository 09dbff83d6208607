using System.Globalization;
using System.Text.Json;
using CapsuleGen.Generator.Tests.Infrastructure;
using CapsuleGen.Tests.Shared;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace CapsuleGen.Generator.Tests;

/// <summary>
/// A module function's docstring leads with a text signature, from which <c>inspect.signature</c> and
/// <c>help()</c> read its parameters and their defaults. Every default a module function can have is
/// spelled there so that CPython reads back exactly the value the wrapper passes when the argument is
/// left out (infinities and NaN too, which used to drop the whole signature), and the wrapper passes
/// exactly the value the method declares.
/// </summary>
public sealed class TextSignatureTests
{
    private const string Module = "Defaults";

    private const string Source = """
        #pragma warning disable CS8625 // a null default for a string not declared nullable is the project's own choice
        using CapsuleGen.Python;

        public enum Color : long { Red = 1, Blue = 1L << 40 }

        [PythonModule("Defaults")]
        public static partial class Defaults
        {
            private const double Infinity = 1.0 / 0;

            [PythonFunction] public static double nan(double x = double.NaN, float y = float.NaN, double z = 0.0 / 0) => x;
            [PythonFunction] public static double inf(double a = double.PositiveInfinity, double b = double.NegativeInfinity, float c = float.PositiveInfinity, float d = float.NegativeInfinity, double e = Infinity, double f = -1.0 / 0) => a;
            [PythonFunction] public static double zeros(double a = 0.0, double b = -0.0, float c = -0.0f, double d = -0d) => a;
            [PythonFunction] public static double floats(double a = double.MaxValue, double b = double.MinValue, double c = double.Epsilon, double d = 1e300, double e = -1.5e-300, double f = 0.1, double g = 123456789012345678, double h = 2.5e-8, double i = 1e16, double j = 0.1 + 0.2) => a;
            [PythonFunction] public static float singles(float a = float.MaxValue, float b = float.MinValue, float c = float.Epsilon, float d = 0.1f, float e = 16777217, float f = 1e-10f) => a;
            [PythonFunction] public static long integers(long a = long.MinValue, long b = long.MaxValue, ulong c = ulong.MaxValue, int d = int.MinValue, sbyte e = sbyte.MinValue, byte f = byte.MaxValue, short g = short.MinValue, ushort h = ushort.MaxValue, uint i = uint.MaxValue, nint j = -1, nuint k = 7) => a;
            [PythonFunction] public static long converted(int a = 'A', long b = (long)Color.Blue, int c = (int)Color.Red, long d = 1L << 62, ulong e = 0x8000000000000000) => b;
            [PythonFunction] public static string texts(string a = "it's \"quoted\"", string b = "line\nbreak\r\ttab\0nul\u0001\u007f", string c = "é鴨🦆", string d = "\uD800", string e = "back\\slash\\", string f = "", string g = ")\n--\n\n", string h = "\u2028\u00a0\ufeff\U000E0001", string? i = null, string j = null) => a;
            [PythonFunction] public static bool flags(bool a = true, bool b = false, PyObject? c = null) => a;
        }
        """;

    [Fact]
    public void Infinity_and_NaN_are_spelled_as_literals_that_inspect_reads_without_any_import()
    {
        Dictionary<string, string> docstrings = Docstrings(PythonModuleCompilation.Run(Source, Module));

        Assert.Equal("nan($module, x=1e999-1e999, y=1e999-1e999, z=1e999-1e999)\n--\n\n", docstrings["nan"]);
        Assert.Equal("inf($module, a=1e999, b=-1e999, c=1e999, d=-1e999, e=1e999, f=-1e999)\n--\n\n", docstrings["inf"]);
        Assert.Equal("zeros($module, a=0.0, b=-0.0, c=-0.0, d=-0.0)\n--\n\n", docstrings["zeros"]);
    }

    [Fact]
    public void Every_default_the_wrapper_passes_is_the_constant_the_method_declares()
    {
        GeneratorRun run = PythonModuleCompilation.Run(Source, Module);
        run.EmitCleanly();
        SyntaxTree generated = run.Output.SyntaxTrees.Single(tree => tree.FilePath.EndsWith("PythonModule.g.cs", StringComparison.Ordinal));
        SemanticModel model = run.Output.GetSemanticModel(generated);
        MethodDeclarationSyntax[] wrappers = generated.GetRoot(TestContext.Current.CancellationToken).DescendantNodes().OfType<MethodDeclarationSyntax>().ToArray();

        int compared = 0;
        foreach ((string function, IParameterSymbol parameter) in DeclaredDefaults(run.Input))
        {
            if (parameter.Type.Name == "PyObject")
            {
                continue; // the wrapper passes the argument's own handle, or null
            }

            MethodDeclarationSyntax wrapper = wrappers.Single(method => method.Identifier.ValueText == Module + "_" + function);
            VariableDeclaratorSyntax local = wrapper.DescendantNodes().OfType<VariableDeclaratorSyntax>().Single(variable => variable.Identifier.ValueText == parameter.Name);
            Optional<object?> constant = model.GetConstantValue(local.Initializer!.Value, TestContext.Current.CancellationToken);

            Assert.True(constant.HasValue, $"{function}({parameter.Name}): {local}");
            Assert.Equal(Canonical(parameter.ExplicitDefaultValue), Canonical(constant.Value));
            compared++;
        }

        Assert.Equal(DeclaredDefaults(run.Input).Count() - 1, compared);
    }

    [Fact]
    public async Task Every_default_reads_back_in_CPythons_inspect_as_the_value_the_method_declares()
    {
        GeneratorRun run = PythonModuleCompilation.Run(Source, Module);
        Dictionary<string, string> docstrings = Docstrings(run);
        string python = Requires.Interpreter();

        // What inspect makes of each text signature, as CPython extracts it from the docstring.
        ChildProcessResult inspect = await new ChildProcess(python, "-c", InspectScript)
        {
            Input = JsonSerializer.Serialize(docstrings.Select(pair => new[] { pair.Key, pair.Value })),
            Timeout = TimeSpan.FromMinutes(1),
        }.RunAsync();
        Assert.True(inspect.ThrowIfTimedOut().ExitCode == 0, inspect.Error);

        Dictionary<string, JsonElement> parsed = JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(inspect.Output)!;
        foreach (IGrouping<string, (string Function, IParameterSymbol Parameter)> function in DeclaredDefaults(run.Input).GroupBy(pair => pair.Function))
        {
            JsonElement read = parsed[function.Key];
            Assert.True(read.ValueKind == JsonValueKind.Object, $"{function.Key}: {read} ({docstrings[function.Key]})");
            foreach ((_, IParameterSymbol parameter) in function)
            {
                Assert.Equal($"{parameter.Name}={Canonical(parameter.ExplicitDefaultValue)}", $"{parameter.Name}={read.GetProperty(parameter.Name).GetString()}");
            }
        }
    }

    [Fact]
    public async Task A_parameter_named_module_or_self_leaves_the_text_signature_readable_the_bound_one_taking_another_name()
    {
        const string source = """
            using CapsuleGen.Python;

            [PythonModule("Bound")]
            public static partial class Bound
            {
                [PythonFunction("load")] public static int Load(int module, int count = 1) => module;

                [PythonClass]
                public sealed class Widget
                {
                    [PythonFunction("resize")] public int Resize(int self, int _self = 2) => self;
                }
            }
            """;
        GeneratorRun run = PythonModuleCompilation.Run(source, "Bound");
        run.EmitCleanly();
        Dictionary<string, string> docstrings = run.Output.SyntaxTrees.Where(tree => !run.Input.SyntaxTrees.Contains(tree))
            .SelectMany(tree => Docstrings(run, tree))
            .ToDictionary(pair => pair.Key, pair => pair.Value);

        Assert.Equal("load($_module, module, count=1)\n--\n\n", docstrings["load"]);
        Assert.Equal("resize($_self1, self, _self=2)\n--\n\n", docstrings["resize"]);
        ChildProcessResult inspect = await new ChildProcess(Requires.Interpreter(), "-c", InspectScript)
        {
            Input = JsonSerializer.Serialize(docstrings.Select(pair => new[] { pair.Key, pair.Value })),
            Timeout = TimeSpan.FromMinutes(1),
        }.RunAsync();
        Assert.True(inspect.ThrowIfTimedOut().ExitCode == 0, inspect.Error);
        Assert.Equal("""{"load": {"count": "i:1"}, "resize": {"_self": "i:2"}}""", inspect.Output.Trim());
    }

    /// <summary>
    /// Reads <c>[[name, docstring], ...]</c>; writes, per function, each default as <see cref="Canonical"/>
    /// writes it, or why there is no signature. The text signature is taken out of the docstring as CPython
    /// takes <c>__text_signature__</c>: from the name's parenthesis to the <c>)\n--\n\n</c> marker.
    /// </summary>
    private const string InspectScript = """
        import inspect, json, math, struct, sys

        class Function:
            __module__ = 'Defaults'

        def canonical(value):
            if value is None: return 'None'
            if isinstance(value, bool): return 'b:' + repr(value)
            if isinstance(value, int): return 'i:' + str(value)
            if isinstance(value, float): return 'f:nan' if math.isnan(value) else 'f:' + struct.pack('>d', value).hex()
            if isinstance(value, str): return 's:' + ','.join(str(ord(c)) for c in value)
            return 'other:' + repr(value)

        result = {}
        for name, doc in json.load(sys.stdin):
            end = doc.find(')\n--\n\n')
            if not doc.startswith(name + '(') or end < 0 or '\n\n' in doc[:end]:
                result[name] = 'no text signature'
                continue
            try:
                signature = inspect._signature_fromstr(inspect.Signature, Function(), doc[len(name):end + 1])
            except Exception as error:
                result[name] = 'unreadable: %r' % error
                continue
            result[name] = {p.name: canonical(p.default) for p in signature.parameters.values() if p.default is not p.empty}
        print(json.dumps(result))
        """;

    /// <summary>A value as the inspect script writes it: floats by their bits, strings by their code points.</summary>
    private static string Canonical(object? value) => value switch
    {
        null => "None",
        bool flag => "b:" + (flag ? "True" : "False"),
        double number => double.IsNaN(number) ? "f:nan" : "f:" + BitConverter.DoubleToInt64Bits(number).ToString("x16", CultureInfo.InvariantCulture),
        float number => Canonical((double)number),
        string text => "s:" + string.Join(",", CodePoints(text)),
        _ => "i:" + Convert.ToString(value, CultureInfo.InvariantCulture),
    };

    /// <summary>Code points as Python counts them: a surrogate pair is one, a lone surrogate is one too.</summary>
    private static IEnumerable<int> CodePoints(string text)
    {
        for (int i = 0; i < text.Length; i++)
        {
            bool pair = char.IsSurrogatePair(text, i);
            yield return pair ? char.ConvertToUtf32(text, i) : text[i];
            i += pair ? 1 : 0;
        }
    }

    /// <summary>Every parameter with a default, of every module function, as the user's code declares it.</summary>
    private static IEnumerable<(string Function, IParameterSymbol Parameter)> DeclaredDefaults(Compilation compilation) =>
        compilation.GetTypeByMetadataName(Module)!.GetMembers().OfType<IMethodSymbol>()
            .Where(method => method.GetAttributes().Any(attribute => attribute.AttributeClass?.Name == "PythonFunctionAttribute"))
            .SelectMany(method => method.Parameters.Where(parameter => parameter.HasExplicitDefaultValue).Select(parameter => (method.Name, parameter)));

    /// <summary>Each function's docstring, as the entry point hands it to CPython.</summary>
    private static Dictionary<string, string> Docstrings(GeneratorRun run) =>
        Docstrings(run, run.Output.SyntaxTrees.Single(tree => tree.FilePath.EndsWith("PythonModule.g.cs", StringComparison.Ordinal)));

    /// <summary>Each function's or method's docstring in one generated file, as CPython gets it.</summary>
    private static Dictionary<string, string> Docstrings(GeneratorRun run, SyntaxTree generated)
    {
        SemanticModel model = run.Output.GetSemanticModel(generated);
        return generated.GetRoot(TestContext.Current.CancellationToken).DescendantNodes().OfType<ImplicitObjectCreationExpressionSyntax>()
            .Where(creation => creation.ArgumentList.Arguments.Count == 4)
            .ToDictionary(
                creation => (string)model.GetConstantValue(creation.ArgumentList.Arguments[0].Expression, TestContext.Current.CancellationToken).Value!,
                creation => (string)model.GetConstantValue(creation.ArgumentList.Arguments[3].Expression, TestContext.Current.CancellationToken).Value!);
    }
}
