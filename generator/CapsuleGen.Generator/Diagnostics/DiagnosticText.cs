namespace CapsuleGen.Generator.Diagnostics;

/// <summary>How diagnostics show the values they name.</summary>
internal static class DiagnosticText
{
    /// <summary>
    /// A name as a message shows it: quoted, with a NUL or a lone surrogate as its escape (a terminal
    /// shows neither), and <c>NULL</c> for none, as C and CPython call a missing name.
    /// </summary>
    public static string Quote(string? name)
    {
        if (name is null)
        {
            return "NULL";
        }

        var quoted = new System.Text.StringBuilder("\"");
        for (int i = 0; i < name.Length; i++)
        {
            if (char.IsSurrogatePair(name, i))
            {
                quoted.Append(name, i++, 2);
            }
            else if (name[i] == '\0' || char.IsSurrogate(name[i]))
            {
                quoted.Append(name[i] == '\0' ? "\\0" : $"\\u{(int)name[i]:X4}");
            }
            else
            {
                quoted.Append(name[i]);
            }
        }

        return quoted.Append('"').ToString();
    }
}
