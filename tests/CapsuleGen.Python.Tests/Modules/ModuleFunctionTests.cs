namespace CapsuleGen.Python.Tests.Modules;

/// <summary>
/// Generated module functions called by real CPython: every conversion both ways, the TypeError,
/// OverflowError and ValueError Python sees for bad arguments, .NET exceptions as Python
/// exceptions, reference counts, and threads.
/// </summary>
[Collection(ProcessWideCounts.Name)] // counts references to None, which every Python call in the process moves
public sealed class ModuleFunctionTests
{
    public ModuleFunctionTests()
    {
        Requires.Python();
        ProbeModuleLoader.EnsureLoaded();
    }

    [Theory]
    [InlineData("Probe.add(2, 3)", "5")]
    [InlineData("Probe.add(True, 1)", "2")]
    [InlineData("Probe.echo_long(-2**63)", "-9223372036854775808")]
    [InlineData("Probe.echo_ulong(2**64 - 1)", "18446744073709551615")]
    [InlineData("Probe.echo_byte(255)", "255")]
    [InlineData("Probe.echo_short(-32768)", "-32768")]
    [InlineData("Probe.echo_nint(-1)", "-1")]
    [InlineData("Probe.echo_double(1.5)", "1.5")]
    [InlineData("Probe.echo_double(3)", "3.0")]
    [InlineData("Probe.echo_double(float('inf'))", "inf")]
    [InlineData("Probe.echo_float(0.1)", "0.10000000149011612")]
    [InlineData("Probe.echo_bool(True), Probe.echo_bool(False)", "(True, False)")]
    [InlineData("Probe.echo_str('quack, 鴨, 🦆')", "quack, 鴨, 🦆")]
    [InlineData("Probe.echo_str('')", "")]
    [InlineData("Probe.echo_str(Probe.lone()) == 'a\\ud800b'", "True")]
    [InlineData("Probe.echo_str('\\ud800') == '\\ud800'", "True")]
    [InlineData("Probe.echo_double(type('Indexed', (), {'__index__': lambda self: 7})())", "7.0")]
    [InlineData("Probe.maybe_str(None), Probe.maybe_str('x')", "(None, 'x')")]
    [InlineData("Probe.maybe_capsule(None)", "None")]
    [InlineData("Probe.echo_object([1, 'two']) ", "[1, 'two']")]
    [InlineData("Probe.nothing()", "None")]
    [InlineData("Probe.scaled(1.5), Probe.scaled(1.5, 3), Probe.scaled(1.5, 3, 'ft')", "(3.0, 4.5, -1.0)")]
    [InlineData("Probe.scaled(1.5, unit='ft'), Probe.scaled(x=1.5, factor=4), Probe.scaled(factor=3, x=1.5)", "(-1.0, 6.0, 4.5)")]
    [InlineData("Probe.add(b=2, a=1), Probe.add(1, b=2), Probe.add(*[1], **{'b': 2})", "(3, 3, 3)")]
    [InlineData("Probe.clamp(5), Probe.clamp(5, high=3), Probe.clamp(-1, 0.5), Probe.clamp(0.7, low=0.2, high=0.5)", "(1.0, 3.0, 0.5, 0.5)")]
    [InlineData("Probe.pair(1, b=2), Probe.pair(b=2, a=1)", "(12, 12)")]
    [InlineData("Probe.keywords(lambda_=1, class_=2, None_=3, arg5=4)", "12")]
    public void Values_convert_both_ways(string expression, string expected) => Assert.Equal(expected, Evaluated(expression));

    [Theory]
    [InlineData("Probe.add(1)", "TypeError: Probe.add() missing 1 required positional argument: 'b'")]
    [InlineData("Probe.add()", "TypeError: Probe.add() missing 2 required positional arguments: 'a' and 'b'")]
    [InlineData("Probe.add(1, 2, 3)", "TypeError: Probe.add() takes 2 positional arguments but 3 were given")]
    [InlineData("Probe.nothing(1)", "TypeError: Probe.nothing() takes no arguments (1 given)")]
    [InlineData("Probe.scaled()", "TypeError: Probe.scaled() missing 1 required positional argument: 'x'")]
    [InlineData("Probe.scaled(1, 2, 'm', 4)", "TypeError: Probe.scaled() takes from 1 to 3 positional arguments but 4 were given")]
    [InlineData("Probe.add(1, c=2)", "TypeError: Probe.add() got an unexpected keyword argument 'c'")]
    [InlineData("Probe.add(1, a=2)", "TypeError: Probe.add() got multiple values for argument 'a'")]
    [InlineData("Probe.add(1, 2, 3, a=4)", "TypeError: Probe.add() got multiple values for argument 'a'")]
    [InlineData("Probe.add(**{'a': 1, 'b ': 2})", "TypeError: Probe.add() got an unexpected keyword argument 'b '")]
    [InlineData("Probe.add(1, b='2')", "TypeError: Probe.add() argument 'b' must be int, not str")]
    [InlineData("Probe.nothing(a=1)", "TypeError: Probe.nothing() takes no keyword arguments")]
    [InlineData("Probe.clamp(x=0.5)", "TypeError: Probe.clamp() got some positional-only arguments passed as keyword arguments: 'x'")]
    [InlineData("Probe.clamp(0.5, 0.1, 0.9)", "TypeError: Probe.clamp() takes from 1 to 2 positional arguments but 3 were given")]
    [InlineData("Probe.clamp(low=0.1)", "TypeError: Probe.clamp() missing 1 required positional argument: 'x'")]
    [InlineData("Probe.clamp(2.0, high=1.5, strict=True)", "ValueError: Specified argument was out of the range of valid values. (Parameter 'x')")]
    [InlineData("Probe.pair(1)", "TypeError: Probe.pair() missing 1 required keyword-only argument: 'b'")]
    [InlineData("Probe.pair(1, 2)", "TypeError: Probe.pair() takes 1 positional argument but 2 were given")]
    [InlineData("Probe.add(1, '2')", "TypeError: Probe.add() argument 'b' must be int, not str")]
    [InlineData("Probe.add(1.0, 2)", "TypeError: Probe.add() argument 'a' must be int, not float")]
    [InlineData("Probe.add(2**31, 0)", "OverflowError: Probe.add() argument 'a' does not fit a C# int (-2147483648 to 2147483647)")]
    [InlineData("Probe.add(2**100, 0)", "OverflowError: Probe.add() argument 'a' does not fit a C# int (-2147483648 to 2147483647)")]
    [InlineData("Probe.add(2**31 - 1, 1)", "OverflowError: Arithmetic operation resulted in an overflow.")]
    [InlineData("Probe.echo_byte(-1)", "OverflowError: Probe.echo_byte() argument 'value' does not fit a C# byte (0 to 255)")]
    [InlineData("Probe.echo_ulong(-1)", "OverflowError: Probe.echo_ulong() argument 'value' does not fit a C# ulong (0 to 18446744073709551615)")]
    [InlineData("Probe.echo_double('1.5')", "TypeError: Probe.echo_double() argument 'value' must be float, not str")]
    [InlineData("Probe.echo_bool(1)", "TypeError: Probe.echo_bool() argument 'value' must be bool, not int")]
    [InlineData("Probe.echo_str(None)", "TypeError: Probe.echo_str() argument 'value' must be str, not NoneType")]
    [InlineData("Probe.echo_str(b'x')", "TypeError: Probe.echo_str() argument 'value' must be str, not bytes")]
    [InlineData("Probe.maybe_str(1)", "TypeError: Probe.maybe_str() argument 'value' must be str or None, not int")]
    [InlineData("Probe.echo_capsule(map)", "TypeError: Probe.echo_capsule() argument 'value' must be a capsule, not type")]
    [InlineData("Probe.echo_capsule(None)", "TypeError: Probe.echo_capsule() argument 'value' must be a capsule, not NoneType")]
    [InlineData("Probe.maybe_capsule(1)", "TypeError: Probe.maybe_capsule() argument 'value' must be a capsule or None, not int")]
    [InlineData("Probe.echo_str('\\ud83d\\ude00')", "ValueError: a str whose lone surrogates stand side by side as a pair has no exact .NET form: .NET would read the two as one character")]
    [InlineData("Probe.add(type('BadIndex', (), {'__index__': lambda self: 1 / 0})(), 2)", "ZeroDivisionError: division by zero")]
    [InlineData("Probe.echo_double(type('BadFloat', (), {'__float__': lambda self: 1 + ''})())", "TypeError: unsupported operand type(s) for +: 'int' and 'str'")]
    [InlineData("Probe.import_capsule('nosuchmodule.api')", "ImportError: PyCapsule_Import could not import module \"nosuchmodule\"")]
    [InlineData("Probe.import_capsule('datetime.nothing')", "AttributeError: module 'datetime' has no attribute 'nothing'")]
    public void Bad_arguments_raise_what_CPython_raises_naming_the_function_and_the_parameter(string statement, string expected) =>
        Assert.Equal(expected, Raised(statement));

    [Theory]
    [InlineData("invalid", "RuntimeError: System.InvalidOperationException: the duck is asleep")]
    [InlineData("argument", "ValueError: too loud (Parameter 'kind')")]
    [InlineData("divide", "ZeroDivisionError: Attempted to divide by zero.")]
    [InlineData("key", "KeyError: 'no such duck'")]
    [InlineData("type-init", "RuntimeError: System.FormatException: bad pond")]
    [InlineData("python", "ZeroDivisionError: division by zero")]
    [InlineData("python-dotted", "JSONDecodeError: Expecting property name enclosed in double quotes: line 1 column 2 (char 1)")]
    [InlineData("other", "NotImplementedError: other")]
    [InlineData("nul", "RuntimeError: System.InvalidOperationException: before\0after")]
    public void A_dotnet_exception_becomes_a_Python_exception(string kind, string expected) =>
        Assert.Equal(expected, Raised($"Probe.fail('{kind}')"));

    [Fact]
    public void NumPy_integers_are_integers_through_their_index_as_CPython_parses_them_and_NumPy_floats_are_not()
    {
        Requires.Module("numpy", "python3-numpy");
        Assert.Equal("5", Evaluated("Probe.add(__import__('numpy').int64(2), __import__('numpy').int32(3))"));
        Assert.Equal("18446744073709551615", Evaluated("Probe.echo_ulong(__import__('numpy').uint64(2**64 - 1))"));
        Assert.Equal("0.25", Evaluated("Probe.echo_double(__import__('numpy').float64(0.25))"));
        Assert.Equal("TypeError: Probe.add() argument 'a' must be int, not numpy.float64", Raised("Probe.add(__import__('numpy').float64(1), 2)"));
        Assert.Equal("OverflowError: Probe.add() argument 'a' does not fit a C# int (-2147483648 to 2147483647)", Raised("Probe.add(__import__('numpy').int64(2**40), 2)"));
    }

    [Fact]
    public void A_capsule_not_published_is_an_ImportError()
    {
        Assert.StartsWith("ImportError: No capsule is published as \"probe.nothing\".", Raised("Probe.fail('not-published')"), StringComparison.Ordinal);
    }

    [Fact]
    public void A_foreign_capsule_whose_name_is_not_UTF8_arrives_with_its_bytes_and_binds_to_no_other_name()
    {
        using PyObject scope = CapsuleApiScope.Run(
            """
            import Probe
            name = ctypes.create_string_buffer(b'\xffquacker')
            capsule = api.PyCapsule_New(0x1234, name, None)
            arrived = Probe.capsule_name(capsule) == b'\xffquacker'.decode('utf-8', 'surrogateescape')
            back = api.PyCapsule_GetName(Probe.echo_capsule(capsule)) == b'\xffquacker'
            try:
                Probe.apply(capsule, 3)
                refused = 'bound'
            except ValueError as error:
                refused = str(error)
            """);
        using PyObject arrived = scope["arrived"];
        using PyObject back = scope["back"];
        using PyObject refused = scope["refused"];

        Assert.Equal("True", arrived.ToString());
        Assert.Equal("True", back.ToString());
        Assert.Equal("Expected a capsule named \"double (double)\", but this capsule is named b'\\xffquacker' (not UTF-8).", refused.ToString());
    }

    [Fact]
    public void A_capsule_goes_in_and_out_as_the_same_pointer_and_name_and_binding_checks_its_name_and_signature()
    {
        Assert.Equal("(True, '<capsule object \"Probe.square\"')", Evaluated("Probe.echo_capsule(Probe.square) is not Probe.square, repr(Probe.echo_capsule(Probe.square)).split(' at ')[0]"));
        Assert.Equal("27.0", Evaluated("Probe.apply(Probe.echo_capsule(Probe.cube()), 3)"));
        Assert.Equal("False", Evaluated("hasattr(Probe, 'Cube') or hasattr(Probe, 'cube_capsule')"));
        Assert.Equal(
            "ValueError: Expected a capsule named \"double (double)\", but this capsule is named \"Probe.square\".",
            Raised("Probe.apply(Probe.square, 3)"));
    }

    [Fact]
    public void An_exported_capsule_is_a_module_attribute_that_PyCapsule_Import_finds()
    {
        using (Capsule imported = PyCapsules.Import("Probe.square"))
        {
            Assert.Equal("Probe.square", imported.Name);
        }

        // Disposing the imported handle left the module's capsule whole.
        using Capsule again = PyCapsules.Import("Probe.square");
        Assert.Equal("Probe.square", again.Name);
        Assert.Equal("<capsule object \"Probe.square\"", Evaluated("repr(Probe.square)").Split(" at ")[0]);
    }

    [Fact]
    public void Help_shows_each_function_with_its_parameters_and_documentation()
    {
        Assert.Equal("(a, b)", Evaluated("str(__import__('inspect').signature(Probe.add))"));
        Assert.Equal("(x, factor=2.0, unit='m')", Evaluated("str(__import__('inspect').signature(Probe.scaled))"));
        Assert.Equal("(x, /, low=0.0, *, high=1.0, strict=False)", Evaluated("str(__import__('inspect').signature(Probe.clamp))"));
        Assert.Equal("(a, *, b)", Evaluated("str(__import__('inspect').signature(Probe.pair))"));
        Assert.Equal("Scales x.", Evaluated("Probe.scaled.__doc__"));
        Assert.Equal("Adds two ints.", Evaluated("Probe.add.__doc__"));
        Assert.StartsWith("A Python module compiled into the test assembly", Evaluated("Probe.__doc__"), StringComparison.Ordinal);
    }

    [Fact]
    public void Parameters_named_like_Python_keywords_or_like_their_function_work_and_show_in_help()
    {
        Assert.Equal("(lambda_, class_, None_, duck='🦆', arg5=0)", Evaluated("str(__import__('inspect').signature(Probe.keywords))"));
        Assert.Equal("8", Evaluated("Probe.keywords(1, 2, 3)"));
        Assert.Equal("(6, 4)", Evaluated("Probe.scale(3), Probe.count(3)"));
    }

    [Fact]
    public void A_hundred_thousand_calls_leave_every_reference_count_as_it_was()
    {
        using PyObject scope = CPython.Run(
            """
            import sys, Probe
            value = object()
            text = 'quack'
            before = (sys.getrefcount(None), sys.getrefcount(value), sys.getrefcount(text), sys.getrefcount(Probe.square))
            for _ in range(100_000):
                Probe.nothing()
                Probe.echo_object(value)
                Probe.maybe_str(None)
                Probe.echo_str(text)
                Probe.echo_capsule(Probe.square)
                Probe.add(b=2, a=1)
                Probe.scaled(1.5, unit=text)
                try:
                    Probe.add(1, text)
                except TypeError:
                    pass
                try:
                    Probe.add(1, c=value)
                except TypeError:
                    pass
            after = (sys.getrefcount(None), sys.getrefcount(value), sys.getrefcount(text), sys.getrefcount(Probe.square))
            # None is shared with every test running beside this one: a leak here would be 100,000 or more.
            same = abs(after[0] - before[0]) < 1000 and before[1:] == after[1:]
            """);
        using PyObject same = scope["same"];
        using PyObject before = scope["before"];
        using PyObject after = scope["after"];
        Assert.True(same.ToString() == "True", $"before {before}, after {after}");
    }

    [Fact]
    public void Eight_Python_threads_call_at_once_and_every_result_is_right()
    {
        using PyObject scope = CPython.Run(
            """
            import threading, Probe
            errors = []
            def work(seed):
                try:
                    for i in range(5_000):
                        assert Probe.add(seed, i) == seed + i
                        assert Probe.echo_str(str(i)) == str(i)
                        assert Probe.scaled(i) == 2.0 * i
                except BaseException as error:
                    errors.append(repr(error))
            threads = [threading.Thread(target=work, args=(seed,)) for seed in range(8)]
            for thread in threads: thread.start()
            for thread in threads: thread.join()
            """);
        using PyObject errors = scope["errors"];
        Assert.Equal("[]", errors.ToString());
    }

    private static string Evaluated(string expression)
    {
        using PyObject scope = CPython.Run("import Probe");
        using PyObject result = CPython.Eval(expression, scope);
        return result.ToString();
    }

    /// <summary>What Python raises for <paramref name="statement"/>, as <c>Type: message</c>.</summary>
    private static string Raised(string statement)
    {
        using PyObject scope = CPython.Run(
            $$"""
            import Probe
            try:
                {{statement}}
                raised = 'nothing'
            except BaseException as error:
                raised = f'{type(error).__name__}: {error}'
            """);
        using PyObject raised = scope["raised"];
        return raised.ToString();
    }
}
