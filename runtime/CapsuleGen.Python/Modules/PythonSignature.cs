using System.ComponentModel;

namespace CapsuleGen.Python.Modules;

/// <summary>
/// How a module function takes its arguments, as Python's <c>def f(a, /, b, *, c)</c> says it: the
/// first <c>positionalOnly</c> parameters by position only, those from <c>keywordOnly</c>
/// on by name only, the others either way; the first <c>required</c> must be given. Generated
/// code keeps one per function in a static field, so a call reads it and builds nothing.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class PythonSignature
{
    private string[]? _names;

    /// <param name="function">The function as messages name it: <c>Bird.setQuack</c>.</param>
    /// <param name="names">The parameters' Python names, separated by NULs; split only when a keyword must be found.</param>
    /// <param name="parameters">How many parameters there are.</param>
    /// <param name="required">How many of them, from the first, have no default.</param>
    /// <param name="positionalOnly">How many of them, from the first, are positional-only.</param>
    /// <param name="keywordOnly">The index of the first keyword-only parameter: <paramref name="parameters"/> if there is none.</param>
    public PythonSignature(string function, string names, int parameters, int required, int positionalOnly, int keywordOnly)
    {
        Function = function;
        Names = names;
        Parameters = parameters;
        Required = required;
        PositionalOnly = positionalOnly;
        KeywordOnly = keywordOnly;
    }

    internal string Function { get; }

    internal string Names { get; }

    internal int Parameters { get; }

    internal int Required { get; }

    internal int PositionalOnly { get; }

    internal int KeywordOnly { get; }

    /// <summary>The names, one per parameter.</summary>
    internal string[] NameList => _names ??= Names.Split('\0');
}
