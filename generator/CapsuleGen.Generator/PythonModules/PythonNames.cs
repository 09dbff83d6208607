using System.Collections.Generic;

namespace CapsuleGen.Generator.PythonModules;

/// <summary>What Python accepts as a module, function or attribute name that <c>import</c> and <c>.</c> can reach.</summary>
internal static class PythonNames
{
    public const string ModuleAttribute = "CapsuleGen.Python.PythonModuleAttribute";
    public const string FunctionAttribute = "CapsuleGen.Python.PythonFunctionAttribute";
    public const string Capsule = "CapsuleGen.Capsule";
    public const string PyObject = "CapsuleGen.Python.PyObject";

    /// <summary>The named argument of <c>[PythonFunction]</c> that lets go of the GIL while the method runs.</summary>
    public const string ReleaseGilProperty = "ReleaseGil";

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
