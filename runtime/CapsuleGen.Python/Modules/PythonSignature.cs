using System.ComponentModel;

namespace CapsuleGen.Python.Modules;

/// <summary>
/// How a module function takes its arguments, as Python's <c>def f(a, /, b, *, c)</c> says it: the
/// first <see cref="PositionalOnly"/> parameters by position only, those from <see cref="KeywordOnly"/>
/// on by name only, the others either way; the first <see cref="Required"/> must be given. Generated
/// code makes one per call from constants, which costs nothing until keywords are used.
/// </summary>
/// <param name="Function">The function as messages name it: <c>Bird.setQuack</c>.</param>
/// <param name="Names">The parameters' Python names, separated by NULs (a constant; split only when a keyword must be found).</param>
/// <param name="Parameters">How many parameters there are.</param>
/// <param name="Required">How many of them, from the first, have no default.</param>
/// <param name="PositionalOnly">How many of them, from the first, are positional-only.</param>
/// <param name="KeywordOnly">The index of the first keyword-only parameter: <paramref name="Parameters"/> if there is none.</param>
[EditorBrowsable(EditorBrowsableState.Never)]
public readonly record struct PythonSignature(string Function, string Names, int Parameters, int Required, int PositionalOnly, int KeywordOnly);
