using System.Collections.Generic;

namespace CapsuleGen.Generator.PythonModules;

/// <summary>What Python accepts as a module, function or attribute name that <c>import</c> and <c>.</c> can reach.</summary>
internal static class PythonNames
{
    private static readonly HashSet<string> s_keywords = new()
    {
        "False", "None", "True", "and", "as", "assert", "async", "await", "break", "class", "continue", "def", "del",
        "elif", "else", "except", "finally", "for", "from", "global", "if", "import", "in", "is", "lambda", "nonlocal",
        "not", "or", "pass", "raise", "return", "try", "while", "with", "yield",
    };

    /// <summary>
    /// Why <paramref name="name"/> cannot be a Python name, or null if it can: ASCII letters, digits
    /// and underscores, not starting with a digit, and not a keyword. (Python allows other letters
    /// too, but a module's entry point <c>PyInit_&lt;name&gt;</c> must be an ASCII C symbol.)
    /// </summary>
    public static string? Problem(string? name)
    {
        if (name is null || name.Length == 0)
        {
            return "it is empty";
        }

        if (name[0] is >= '0' and <= '9')
        {
            return "it starts with a digit";
        }

        foreach (char c in name)
        {
            if (!(c is >= 'a' and <= 'z' or >= 'A' and <= 'Z' or >= '0' and <= '9' or '_'))
            {
                return $"'{c}' is not an ASCII letter, digit or underscore";
            }
        }

        return IsKeyword(name) ? "it is a Python keyword" : null;
    }

    public static bool IsKeyword(string name) => s_keywords.Contains(name);

    /// <summary>
    /// The attributes CPython and its import system set or read on every module, which a function or a
    /// capsule of that name would replace (<c>__name__</c>: <c>import</c> fails with "nameless module"),
    /// each as a message names what already holds the name. <c>__getattr__</c> and <c>__dir__</c> are not
    /// among them: a module defines those itself (PEP 562).
    /// </summary>
    public static IReadOnlyDictionary<string, string> ModuleAttributes { get; } = new Dictionary<string, string>(System.StringComparer.Ordinal)
    {
        ["__name__"] = "the attribute CPython sets to the module's name, without which 'import' fails",
        ["__doc__"] = "the attribute CPython sets to the module's docstring",
        ["__package__"] = "the attribute the import system sets to the module's package",
        ["__loader__"] = "the attribute the import system sets to the module's loader",
        ["__spec__"] = "the attribute the import system sets to the module's spec",
        ["__file__"] = "the attribute the import system sets to the file the module was loaded from",
        ["__cached__"] = "the attribute the import system sets to the module's compiled file",
        ["__path__"] = "the attribute that makes a module a package to the import system",
        ["__dict__"] = "the attribute CPython gives every module for its namespace",
        ["__class__"] = "the attribute CPython gives every object for its type",
        ["__builtins__"] = "the attribute CPython reads the builtins of code run in the module from",
        ["__all__"] = "the attribute 'from ... import *' reads the names to import from",
        ["__annotations__"] = "the attribute that holds the module's annotations, which 'inspect' reads",
    };


    /// <summary>
    /// The module attribute a capsule named <paramref name="capsuleName"/> becomes: the name without
    /// a leading <c>&lt;module&gt;.</c>, if what is left is a Python name; otherwise none (a name
    /// made of a C signature, a NULL name, a name under another module).
    /// </summary>
    public static string? AttributeFor(string? capsuleName, string moduleName)
    {
        if (capsuleName is null)
        {
            return null;
        }

        string prefix = moduleName + ".";
        string attribute = capsuleName.StartsWith(prefix, System.StringComparison.Ordinal) ? capsuleName.Substring(prefix.Length) : capsuleName;
        return Problem(attribute) is null ? attribute : null;
    }
}
