using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace CapsuleGen.Generator.NativeHeaders;

/// <summary>
/// The rule that turns C# names into the identifiers of the generated C header and Cython
/// declarations, so that a C programmer can predict them from the C# declaration:
/// <list type="number">
/// <item>ASCII letters, digits and <c>_</c> stay as they are; any other character becomes <c>_u</c>
/// and its code point in four hex digits (<c>_U</c> and eight above U+FFFF), as C spells a universal
/// character name: <c>Café</c> is <c>Caf_u00E9</c>.</item>
/// <item>An export is named by the types around it (not the namespace) and its own name, joined by
/// <c>_</c>: the method <c>CppDuck.Quack</c> is <c>CppDuck_Quack</c>, the table class
/// <c>Outer.SpamApi</c> is <c>Outer_SpamApi</c>; a keyword (a table class named <c>double</c>) gets a <c>_</c>.</item>
/// <item>A member of a table struct, a struct's field and a struct's own name keep their C# names; one
/// that is a keyword of C, C++ or Cython (<c>double</c>, <c>class</c>, <c>cdef</c>) gets a <c>_</c> appended.</item>
/// </list>
/// Names that still collide (<c>A.B_C</c> and <c>A_B.C</c>) are reported as CAPS0067, not written.
/// </summary>
internal static class CNames
{
    private static readonly HashSet<string> s_keywords = new(System.StringComparer.Ordinal)
    {
        // C99 and C11
        "auto", "break", "case", "char", "const", "continue", "default", "do", "double", "else", "enum", "extern",
        "float", "for", "goto", "if", "inline", "int", "long", "register", "restrict", "return", "short", "signed",
        "sizeof", "static", "struct", "switch", "typedef", "union", "unsigned", "void", "volatile", "while",
        "_Alignas", "_Alignof", "_Atomic", "_Bool", "_Complex", "_Generic", "_Imaginary", "_Noreturn", "_Static_assert", "_Thread_local",

        // names the header's own includes define as macros or types
        "bool", "true", "false", "NULL", "offsetof", "static_assert",

        // C++17
        "alignas", "alignof", "and", "and_eq", "asm", "bitand", "bitor", "catch", "char16_t", "char32_t", "class",
        "compl", "const_cast", "constexpr", "decltype", "delete", "dynamic_cast", "explicit", "export", "friend",
        "mutable", "namespace", "new", "noexcept", "not", "not_eq", "nullptr", "operator", "or", "or_eq", "private",
        "protected", "public", "reinterpret_cast", "static_cast", "template", "this", "thread_local", "throw", "try",
        "typeid", "typename", "using", "virtual", "wchar_t", "xor", "xor_eq",

        // Cython, and the Python keywords it keeps
        "api", "bint", "by", "cdef", "cimport", "cpdef", "ctypedef", "DEF", "ELIF", "ELSE", "except", "fused", "gil",
        "IF", "include", "nogil", "object", "print", "readonly", "False", "None", "True", "as", "assert", "async",
        "await", "def", "del", "elif", "exec", "finally", "from", "global", "import", "in", "is", "lambda",
        "nonlocal", "pass", "raise", "with", "yield",
    };

    /// <summary>The C identifier for a C# name (rule 1): <c>Café</c> is <c>Caf_u00E9</c>.</summary>
    public static string Identifier(string csharpName)
    {
        string name = csharpName.TrimStart('@');
        var text = new StringBuilder(name.Length);
        for (int i = 0; i < name.Length; i++)
        {
            char c = name[i];
            if (c is >= 'a' and <= 'z' or >= 'A' and <= 'Z' or >= '0' and <= '9' or '_')
            {
                text.Append(c);
            }
            else if (char.IsHighSurrogate(c) && i + 1 < name.Length && char.IsLowSurrogate(name[i + 1]))
            {
                text.Append("_U").Append(char.ConvertToUtf32(c, name[++i]).ToString("X8", CultureInfo.InvariantCulture));
            }
            else
            {
                text.Append("_u").Append(((int)c).ToString("X4", CultureInfo.InvariantCulture));
            }
        }

        return text.ToString();
    }

    /// <summary>A member of a table struct (rule 3): its identifier, with <c>_</c> appended to a keyword.</summary>
    public static string Member(string csharpName)
    {
        string name = Identifier(csharpName);
        return s_keywords.Contains(name) ? name + "_" : name;
    }

    /// <summary>An export's identifier (rule 2) from the types around it, outermost first, and its own name.</summary>
    public static string Export(IEnumerable<string> typeNames, string? memberName)
    {
        var parts = new List<string>();
        foreach (string type in typeNames)
        {
            parts.Add(Identifier(type));
        }

        if (memberName is not null)
        {
            parts.Add(Identifier(memberName));
        }

        string name = string.Join("_", parts);
        return s_keywords.Contains(name) ? name + "_" : name; // a table class named 'double' or 'object'
    }
}
