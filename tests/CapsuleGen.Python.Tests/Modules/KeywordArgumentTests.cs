namespace CapsuleGen.Python.Tests.Modules;

/// <summary>
/// Keyword arguments of generated module functions, compared with CPython itself: each probe function is
/// called as the <c>def</c> with the same parameters would be, and must bind the same arguments or raise
/// the same exception with the same message (the def's <c>__qualname__</c> set to the probe's name).
/// </summary>
[Collection(ProcessWideCounts.Name)] // counts references, which every Python call in the process moves
public sealed class KeywordArgumentTests
{
    /// <summary>Each binding probe and its parameters as a <c>def</c> writes them.</summary>
    private static readonly Dictionary<string, string> s_definitions = new()
    {
        ["kinds"] = "a, /, b, c=3, *, d=4, e=5",
        ["posonly_pair"] = "a, b, /",
        ["posonly_defaults"] = "a, b=2, /, c=3",
        ["kwonly_all"] = "*, a, b=2",
        ["kwonly_required"] = "a, b, *, c, d",
        ["adjacent"] = "a, /, *, b",
        ["optional"] = "a=1, b=2, *, c=3",
        ["texts"] = "s='x', *, flag=False",
        ["wrapper_locals"] = "args, count, keywords, given, *, arguments=5, module=6, exception=7, unused=8, result=9, released=10",
        ["released"] = "released, /, result, *, given=3, arguments='x'",
        ["many"] = string.Join(", ", Enumerable.Range(1, 20).Select(i => $"p{i}")) + ", " +
                   string.Join(", ", Enumerable.Range(21, 10).Select(i => $"p{i}={i}")) + ", *, " +
                   string.Join(", ", Enumerable.Range(31, 10).Select(i => $"p{i}={i}")),
    };

    /// <summary>
    /// Calls that bind, and calls that CPython refuses for each reason it has, in every order that changes which
    /// reason it gives. Every argument has the type the C# parameter takes: a def converts nothing.
    /// </summary>
    public static TheoryData<string, string> Calls { get; } = new()
    {
        { "kinds", "1, 2" },
        { "kinds", "1, 2, 3" },
        { "kinds", "1, b=2" },
        { "kinds", "1, e=50, b=2" },
        { "kinds", "1, 2, c=30, d=40, e=50" },
        { "kinds", "*(1, 2), **{'e': 5, 'c': 3}" },
        { "kinds", "1, 2, **{type('Name', (str,), {})('c'): 7}" }, // a str subclass as a keyword's name
        { "kinds", "1, 2, **{type('Shown', (str,), {'__str__': lambda self: 'shown'})('zz'): 7}" }, // messages show str(name), as %S does
        { "kinds", "1, 2, **{type('Shown', (str,), {'__str__': lambda self: 'shown'})('b'): 7}" },
        { "kinds", "" },
        { "kinds", "1" },
        { "kinds", "b=2" },
        { "kinds", "1, c=3" },
        { "kinds", "1, 2, 3, 4" },
        { "kinds", "1, 2, 3, 4, 5, 6" },
        { "kinds", "1, 2, 3, 4, d=4" },
        { "kinds", "1, 2, 3, 4, d=4, e=5" },
        { "kinds", "1, b=2, x=3" },
        { "kinds", "1, 2, b=2" },
        { "kinds", "1, 2, 3, b=2, c=3" },
        { "kinds", "a=1, b=2" },
        { "kinds", "1, a=1" },
        { "kinds", "1, x=3, a=1" },
        { "kinds", "1, a=1, x=3" },
        { "kinds", "1, 2, a=1, b=2" },
        { "kinds", "1, 2, b=2, a=1" },
        { "kinds", "1, 2, 3, 4, a=1" },
        { "kinds", "1, 2, **{'d': 1}, **{'d': 2}" },
        { "kinds", "1, 2, **{1: 2}" },
        { "kinds", "1, 2, **{'': 1}" },
        { "kinds", "1, 2, **{'é': 1}" },
        { "kinds", "1, 2, **{'c\\x00': 1}" },
        { "kinds", "1, 2, **{'\\ud800': 1}" },
        { "kinds", "1, 2, **{'\\ud83d\\ude00': 1}" },
        { "kinds", "1, 2, **{'c' * 100: 1}" },
        { "posonly_pair", "1, 2" },
        { "posonly_pair", "1, b=2" },
        { "posonly_pair", "b=1, a=2" },
        { "posonly_pair", "a=1" },
        { "posonly_pair", "1, 2, 3" },
        { "posonly_pair", "1" },
        { "posonly_pair", "" },
        { "posonly_pair", "1, c=2" },
        { "posonly_pair", "c=2, b=1" },
        { "posonly_defaults", "1" },
        { "posonly_defaults", "1, c=5" },
        { "posonly_defaults", "1, 2, c=5" },
        { "posonly_defaults", "1, b=5" },
        { "posonly_defaults", "1, 2, 3, 4" },
        { "posonly_defaults", "c=1" },
        { "posonly_defaults", "1, 2, 3, c=3" },
        { "kwonly_all", "a=1" },
        { "kwonly_all", "b=5, a=1" },
        { "kwonly_all", "b=1" },
        { "kwonly_all", "" },
        { "kwonly_all", "1" },
        { "kwonly_all", "1, 2" },
        { "kwonly_all", "1, a=2" },
        { "kwonly_all", "1, 2, a=1, b=2" },
        { "kwonly_all", "a=1, c=3" },
        { "kwonly_required", "1, 2, c=3, d=4" },
        { "kwonly_required", "d=4, c=3, b=2, a=1" },
        { "kwonly_required", "1, 2" },
        { "kwonly_required", "1, 2, c=3" },
        { "kwonly_required", "1, 2, d=4" },
        { "kwonly_required", "1" },
        { "kwonly_required", "c=3" },
        { "kwonly_required", "1, 2, 3" },
        { "kwonly_required", "1, 2, 3, c=3" },
        { "kwonly_required", "1, 2, 3, c=3, d=4" },
        { "adjacent", "1, b=2" },
        { "adjacent", "1, 2" },
        { "adjacent", "a=1, b=2" },
        { "adjacent", "1" },
        { "adjacent", "b=2" },
        { "adjacent", "1, 2, b=2" },
        { "adjacent", "1, 2, a=2" },
        { "optional", "" },
        { "optional", "c=0" },
        { "optional", "b=0, c=0" },
        { "optional", "a=0" },
        { "optional", "1, 2, 3" },
        { "optional", "1, 2, 3, c=3" },
        { "optional", "d=1" },
        { "optional", "**{}" },
        { "texts", "" },
        { "texts", "flag=True" },
        { "texts", "s='y', flag=True" },
        { "texts", "'y', True" },
        { "wrapper_locals", "1, 2, 3, 4" },
        { "wrapper_locals", "args=1, count=2, keywords=3, given=4, arguments=50, module=60, exception=70, unused=80, result=90, released=100" },
        { "wrapper_locals", "1, 2, 3, 4, 5" },
        { "wrapper_locals", "1, 2, 3, given=4, args=1" },
        { "released", "1, 2" },
        { "released", "1, result=2, given=5, arguments='y'" },
        { "released", "released=1, result=2" },
        { "released", "1, 2, 3" },
        { "released", "1, 2, given=30, arguments='4'" },
        { "many", "*range(20)" },
        { "many", "*range(30)" },
        { "many", "*range(31)" },
        { "many", "*range(30), p40=0" },
        { "many", "*range(31), p40=0" },
        { "many", "**{f'p{i}': i for i in range(1, 41)}" },
        { "many", "**{f'p{i}': i for i in range(1, 20)}" },
        { "many", "**{f'p{i}': i for i in range(3, 41)}" },
        { "many", "**{f'p{i}': i for i in range(25, 41)}" },
        { "many", "*range(2), **{f'p{i}': i for i in range(2, 41)}" },
        { "many", "*range(20), p41=0" },
    };

    public KeywordArgumentTests()
    {
        Requires.Python();
        ProbeModuleLoader.EnsureLoaded();
    }

    [Theory]
    [MemberData(nameof(Calls))]
    public void A_call_binds_or_fails_as_the_same_call_of_the_equivalent_def(string function, string call)
    {
        (string ours, string cpython) = Compare(function, call);
        Assert.Equal(cpython, ours);
    }

    [Theory]
    [InlineData("kinds")]
    [InlineData("posonly_pair")]
    [InlineData("posonly_defaults")]
    [InlineData("kwonly_all")]
    [InlineData("kwonly_required")]
    [InlineData("adjacent")]
    [InlineData("optional")]
    [InlineData("texts")]
    [InlineData("wrapper_locals")]
    [InlineData("released")]
    [InlineData("many")]
    public void Inspect_reads_the_signature_of_the_equivalent_def_with_slash_and_star_where_it_puts_them(string function) =>
        Assert.Equal($"({s_definitions[function]})", Evaluated($"str(__import__('inspect').signature(Probe.{function}))"));

    /// <summary>The messages CPython gives where ours once differed, spelled out (each also in <see cref="Calls"/>).</summary>
    [Theory]
    [InlineData("Probe.kinds(1, 2, 3, 4, d=4)", "TypeError: Probe.kinds() takes from 2 to 3 positional arguments but 4 positional arguments (and 1 keyword-only argument) were given")]
    [InlineData("Probe.kwonly_required(1, 2, 3, c=3, d=4)", "TypeError: Probe.kwonly_required() takes 2 positional arguments but 3 positional arguments (and 2 keyword-only arguments) were given")]
    [InlineData("Probe.kwonly_all(1, a=2)", "TypeError: Probe.kwonly_all() takes 0 positional arguments but 1 positional argument (and 1 keyword-only argument) were given")]
    [InlineData("Probe.kinds(1, x=3, a=1)", "TypeError: Probe.kinds() got some positional-only arguments passed as keyword arguments: 'a'")]
    [InlineData("Probe.kinds(1, 2, a=1, b=2)", "TypeError: Probe.kinds() got some positional-only arguments passed as keyword arguments: 'a'")]
    [InlineData("Probe.posonly_pair(b=1, a=2)", "TypeError: Probe.posonly_pair() got some positional-only arguments passed as keyword arguments: 'a, b'")]
    public void Refused_calls_raise_what_CPython_raises_for_the_equivalent_def(string statement, string expected) =>
        Assert.Equal(expected, Raised(statement));

    [Fact]
    public void A_keyword_name_with_lone_surrogates_side_by_side_is_an_unexpected_keyword_shown_as_given()
    {
        // .NET would read the two lone surrogates as one character: the message must show the two, as CPython does.
        Assert.Equal(
            "\"TypeError: Probe.kinds() got an unexpected keyword argument '\\ud83d\\ude00'\"",
            Raised("Probe.kinds(1, 2, **{'\\ud83d\\ude00': 1})", shown: "ascii"));
    }

    [Fact]
    public void A_keyword_name_that_is_not_a_str_is_refused_as_CPython_refuses_it_for_a_def()
    {
        // Python code cannot pass one (CPython refuses **{1: 2} before the call), but C can: the tuple of names is the caller's.
        string statement = """
            import ctypes
            vectorcall = ctypes.pythonapi.PyObject_Vectorcall
            vectorcall.restype = ctypes.py_object
            vectorcall.argtypes = [ctypes.py_object, ctypes.c_void_p, ctypes.c_size_t, ctypes.py_object]
            values = (ctypes.py_object * 3)(1, 2, 3)
            vectorcall(Probe.kinds, ctypes.cast(values, ctypes.c_void_p), 2, (1,))
            """;
        Assert.Equal("TypeError: Probe.kinds() keywords must be strings", Raised(statement));

        // A tuple of names with an empty slot, which CPython refuses alike.
        string empty = statement.Replace(
            "vectorcall(Probe.kinds, ctypes.cast(values, ctypes.c_void_p), 2, (1,))",
            "ctypes.pythonapi.PyTuple_New.restype = ctypes.py_object\nvectorcall(Probe.kinds, ctypes.cast(values, ctypes.c_void_p), 2, ctypes.pythonapi.PyTuple_New(1))",
            StringComparison.Ordinal);
        Assert.Equal("TypeError: Probe.kinds() keywords must be strings", Raised(empty));
    }

    [Fact]
    public void Parameters_whose_Python_names_would_collide_get_distinct_names_that_bind_to_the_right_parameter()
    {
        using PyObject scope = CPython.Run(
            """
            import inspect, keyword, Probe
            names = list(inspect.signature(Probe.renamed).parameters)
            valid = all(name.isidentifier() and name.isascii() and not keyword.iskeyword(name) for name in names)
            distinct = len(set(names)) == len(names)
            bound = Probe.renamed(**{name: i + 1 for i, name in enumerate(names)})
            """);
        using PyObject names = scope["names"];
        using PyObject valid = scope["valid"];
        using PyObject distinct = scope["distinct"];
        using PyObject bound = scope["bound"];

        Assert.Equal("True", valid.ToString());
        Assert.Equal("True", distinct.ToString());
        Assert.Equal("1,2,3,4,5,6", bound.ToString());

        // A name Python can spell is the caller's to use as it is; only the others are renamed around it.
        string[] shown = names.ToString().Trim('[', ']').Split(", ").Select(name => name.Trim('\'')).ToArray();
        Assert.Equal("lambda_", shown[1]);
        Assert.Equal("arg3", shown[3]);
        Assert.Equal("arg5", shown[4]);
        Assert.Equal("class_", shown[5]);
    }

    [Fact]
    public void A_parameter_named_like_its_function_or_like_a_wrapper_local_is_passed_by_keyword()
    {
        Assert.Equal("(6, 4, '1,2,3,4,5,6,7,8,9,10')", Evaluated("Probe.scale(scale=3), Probe.count(n=3), Probe.wrapper_locals(given=4, keywords=3, args=1, count=2)"));
    }

    [Fact]
    public void Partial_inspect_bind_and_help_see_the_keywords()
    {
        using PyObject scope = CPython.Run(
            """
            import functools, inspect, pydoc, Probe
            partial = (functools.partial(Probe.kinds, e=9)(1, 2), functools.partial(Probe.kinds, 1, d=9)(2, d=8), functools.partial(Probe.adjacent, b=2)(1))
            bound = inspect.signature(Probe.kinds).bind(1, 2, e=5, c=7)
            through_bind = Probe.kinds(*bound.args, **bound.kwargs)
            refused = []
            for args, kwargs in [((), {'a': 1, 'b': 2}), ((1, 2, 3, 4), {}), ((1,), {}), ((1, 2), {'x': 1})]:
                try:
                    inspect.signature(Probe.kinds).bind(*args, **kwargs)
                    refused.append('bound')
                except TypeError:
                    try:
                        Probe.kinds(*args, **kwargs)
                        refused.append('called')
                    except TypeError:
                        refused.append('both refused')
            shown = pydoc.render_doc(Probe.kinds, renderer=pydoc.plaintext).splitlines()[2].strip()
            """);
        using PyObject partial = scope["partial"];
        using PyObject throughBind = scope["through_bind"];
        using PyObject refused = scope["refused"];
        using PyObject shown = scope["shown"];

        Assert.Equal("('1,2,3,4,9', '1,2,3,8,5', '1,2')", partial.ToString());
        Assert.Equal("1,2,7,4,5", throughBind.ToString());
        Assert.Equal("['both refused', 'both refused', 'both refused', 'both refused']", refused.ToString());
        Assert.Equal("kinds(a, /, b, c=3, *, d=4, e=5)", shown.ToString());
    }

    [Fact]
    public void Objects_capsules_and_keyword_names_passed_by_keyword_keep_their_reference_counts_when_calls_bind_or_fail()
    {
        using PyObject scope = CPython.Run(
            """
            import sys, Probe
            value, other = object(), object()
            second = ''.join(['sec', 'ond'])   # names made at run time, not interned constants
            unknown = ''.join(['unk', 'nown'])
            first = ''.join(['fir', 'st'])
            a = type('Name', (str,), {})('a')  # one-letter strs are shared singletons; this one is not
            capsule = Probe.square
            def counts():
                return tuple(sys.getrefcount(o) for o in (value, other, second, unknown, first, a, capsule))
            before = counts()
            results = set()
            for _ in range(20_000):
                results.add(Probe.objects(value, **{second: other}) is other)
                results.add(Probe.objects(first=value, capsule=capsule) is value)
                results.add(Probe.objects(value, capsule=capsule, **{second: other}) is other)
                for call in (lambda: Probe.objects(value, **{unknown: other}),
                             lambda: Probe.objects(value, **{first: other}),
                             lambda: Probe.kinds(1, **{a: 1}),
                             lambda: Probe.kinds(1, **{a: 1, unknown: 2}),
                             lambda: Probe.objects(**{second: other}),
                             lambda: Probe.objects(value, other),
                             lambda: Probe.objects(value, capsule=other),
                             lambda: Probe.objects(value, second=other, capsule=1.5)):
                    try:
                        call()
                        results.add('no error')
                    except TypeError:
                        pass
            after = counts()
            """);
        using PyObject before = scope["before"];
        using PyObject after = scope["after"];
        using PyObject results = scope["results"];

        Assert.Equal("{True}", results.ToString());
        Assert.Equal(before.ToString(), after.ToString());
    }

    [Fact]
    public void Eight_Python_threads_pass_keywords_at_once_and_every_binding_and_every_message_is_right()
    {
        using PyObject scope = CPython.Run(
            """
            import threading, Probe
            errors = []
            def work(seed):
                try:
                    for i in range(3_000):
                        assert Probe.kinds(seed, b=i, e=-i) == f'{seed},{i},3,4,{-i}'
                        assert Probe.released(seed, result=i, given=seed) == f'{seed},{i},{seed},x'
                        assert Probe.optional(c=i) == f'1,2,{i}'
                        try:
                            Probe.kinds(seed, **{f'x{i}': 1})
                        except TypeError as error:
                            assert str(error) == f"Probe.kinds() got an unexpected keyword argument 'x{i}'", str(error)
                        try:
                            Probe.kwonly_required(seed, i)
                        except TypeError as error:
                            assert str(error) == "Probe.kwonly_required() missing 2 required keyword-only arguments: 'c' and 'd'", str(error)
                except BaseException as error:
                    errors.append(repr(error))
            threads = [threading.Thread(target=work, args=(seed,)) for seed in range(8)]
            for thread in threads: thread.start()
            for thread in threads: thread.join()
            """);
        using PyObject errors = scope["errors"];
        Assert.Equal("[]", errors.ToString());
    }

    /// <summary>What the probe and the equivalent def make of the same call: the result's repr, or <c>Type: message</c>.</summary>
    private static (string Ours, string CPython) Compare(string function, string call)
    {
        string parameters = s_definitions[function];
        using PyObject scope = CPython.Run(
            $$"""
            import Probe
            parameters = {{Quoted(parameters)}}
            names = [p.split('=')[0].strip() for p in parameters.split(',') if p.strip() not in ('/', '*')]
            namespace = {}
            exec(f"def {{function}}({parameters}):\n    return ','.join(str(v) for v in ({', '.join(names)},))", namespace)
            reference = namespace['{{function}}']
            reference.__qualname__ = 'Probe.{{function}}'
            def outcome(f):
                try:
                    return repr(eval({{Quoted("f(" + call + ")")}}, {'f': f}))
                except BaseException as error:
                    return f'{type(error).__name__}: {error}'
            ours = ascii(outcome(Probe.{{function}}))  # ascii: a message may hold what .NET cannot (lone surrogates side by side)
            cpython = ascii(outcome(reference))
            """);
        using PyObject ours = scope["ours"];
        using PyObject cpython = scope["cpython"];
        return (ours.ToString(), cpython.ToString());
    }

    /// <summary>A Python string literal holding exactly <paramref name="text"/>.</summary>
    private static string Quoted(string text) => "'" + text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("'", "\\'", StringComparison.Ordinal) + "'";

    private static string Evaluated(string expression)
    {
        using PyObject scope = CPython.Run("import Probe");
        using PyObject result = CPython.Eval(expression, scope);
        return result.ToString();
    }

    /// <summary>What Python raises for <paramref name="statement"/>, as <c>Type: message</c>, passed through <paramref name="shown"/> (<c>str</c> or <c>ascii</c>).</summary>
    private static string Raised(string statement, string shown = "str")
    {
        string indented = string.Join("\n    ", statement.Split('\n'));
        using PyObject scope = CPython.Run(
            $$"""
            import Probe
            try:
                {{indented}}
                raised = 'nothing'
            except BaseException as error:
                raised = {{shown}}(f'{type(error).__name__}: {error}')
            """);
        using PyObject raised = scope["raised"];
        return raised.ToString();
    }
}
