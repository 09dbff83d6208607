namespace CapsuleGen.Python.Tests;

/// <summary>
/// Text reaches CPython as given or not at all: a name or a value is passed as a <c>str</c>, exactly
/// (NUL and lone surrogates included), and what CPython reads as a C string refuses what it would cut or change.
/// </summary>
public sealed class TextTests
{
    public TextTests() => Requires.Python();

    [Fact]
    public void An_attribute_name_with_a_NUL_is_that_name_not_the_part_before_it()
    {
        using PyObject scope = CPython.Run("import types\nthing = types.SimpleNamespace(a=1)");
        using PyObject thing = scope["thing"];

        Assert.Equal("AttributeError", Assert.Throws<PythonException>(() => thing.GetAttr("a\0junk")).PythonType);
        thing.SetAttr("b\0c", 1);
        using PyObject set = CPython.Eval("(hasattr(thing, 'b'), getattr(thing, 'b\\0c'))", scope);
        Assert.Equal("(False, 1)", set.ToString());
    }

    [Fact]
    public void A_module_name_with_a_NUL_is_refused_rather_than_imported_as_the_module_before_it()
    {
        // CPython's own frozen importer reads the name as a C string: __import__('os\0x') loads os's code.
        Assert.Contains("NUL character (at index 2)", Assert.Throws<ArgumentException>(() => CPython.Import("os\0anything")).Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("x = 1\0raise SystemExit", "NUL character (at index 5)")]
    [InlineData("x = 'LONE'", "lone surrogate (U+D800 at index 5)")]
    public void Code_CPython_would_read_cut_short_or_changed_is_refused(string code, string reason)
    {
        code = code.Replace("LONE", "\ud800", StringComparison.Ordinal); // an attribute argument cannot hold a lone surrogate
        Assert.Contains(reason, Assert.Throws<ArgumentException>(() => CPython.Run(code)).Message, StringComparison.Ordinal);
        Assert.Contains(reason, Assert.Throws<ArgumentException>(() => CPython.Eval(code)).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_string_becomes_exactly_that_str_lone_surrogates_and_NUL_included()
    {
        using PyObject lone = PyObject.From("a\ud800b");
        using PyObject withNul = PyObject.From("a\0b");

        Assert.Equal("'a\\ud800b'", lone.Repr());
        Assert.Equal("a\ud800b", lone.ToString());
        Assert.Equal("'a\\x00b'", withNul.Repr());
    }

    [Fact]
    public void Every_integer_type_converts_and_the_refusal_names_what_does()
    {
        using PyObject largest = PyObject.From(ulong.MaxValue);
        using PyObject negative = PyObject.From((nint)(-5));
        using PyObject native = PyObject.From((nuint)7);

        Assert.Equal("18446744073709551615", largest.ToString());
        Assert.Equal(-5L, negative.ToInt64());
        Assert.Equal(7L, native.ToInt64());
        ArgumentException error = Assert.Throws<ArgumentException>(() => PyObject.From(1.5m));
        Assert.Contains("ulong, nint or nuint", error.Message, StringComparison.Ordinal);
    }
}
