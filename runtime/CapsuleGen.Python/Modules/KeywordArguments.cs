using System.Globalization;

namespace CapsuleGen.Python.Modules;

/// <summary>
/// Binds a call's arguments to a module function's parameters when the call does not simply give
/// them all by position (it names some, or leaves some to their defaults), and reports a bad call in the words CPython uses
/// for a function written in Python: <c>f() got an unexpected keyword argument 'y'</c>.
/// </summary>
internal static unsafe class KeywordArguments
{
    /// <summary>
    /// Fills <paramref name="given"/> (one slot per parameter, zero where the call gave none) from the
    /// <paramref name="count"/> positional arguments and the keyword arguments after them, named by the
    /// tuple <paramref name="keywords"/> (zero for none). False, with a <c>TypeError</c> set, for a call the signature refuses.
    /// </summary>
    public static bool Bind(PythonSignature signature, nint* args, nint count, nint keywords, nint* given)
    {
        int positional = (int)Math.Min(count, signature.KeywordOnly);
        for (int i = 0; i < signature.Parameters; i++)
        {
            given[i] = i < positional ? args[i] : 0;
        }

        if (keywords != 0 && !BindKeywords(signature, args, count, keywords, given))
        {
            return false;
        }

        if (count > signature.KeywordOnly)
        {
            return TooManyPositional(signature, count);
        }

        return AllRequiredGiven(signature, given);
    }

    private static bool BindKeywords(PythonSignature signature, nint* args, nint count, nint keywords, nint* given)
    {
        string[] names = signature.NameList;
        var positionalOnly = new List<string>();
        nint keywordCount = ModuleApi.Instance.PyTuple_Size(keywords);
        for (nint i = 0; i < keywordCount; i++)
        {
            nint key = CPython.Api.PyTuple_GetItem(keywords, i); // borrowed; CPython makes the tuple of str
            string? name = key == 0 ? null : PythonText.FromPython(CPython.Api, key);
            if (name is null)
            {
                return false;
            }

            int index = Array.IndexOf(names, name, 0, signature.Parameters);
            if (index < 0)
            {
                return Fail($"{signature.Function}() got an unexpected keyword argument '{name}'");
            }

            if (index < signature.PositionalOnly)
            {
                positionalOnly.Add(name);
                continue;
            }

            if (given[index] != 0)
            {
                return Fail($"{signature.Function}() got multiple values for argument '{name}'");
            }

            given[index] = args[count + i];
        }

        return positionalOnly.Count == 0 ||
               Fail($"{signature.Function}() got some positional-only arguments passed as keyword arguments: '{string.Join(", ", positionalOnly)}'");
    }

    private static bool TooManyPositional(PythonSignature signature, nint count)
    {
        int most = signature.KeywordOnly;
        int least = Math.Min(signature.Required, most);
        string takes = least == most
            ? Count(most, "positional argument")
            : $"from {least.ToString(CultureInfo.InvariantCulture)} to {most.ToString(CultureInfo.InvariantCulture)} positional arguments";

        return Fail($"{signature.Function}() takes {takes} but {count.ToString(CultureInfo.InvariantCulture)} {(count == 1 ? "was" : "were")} given");
    }

    /// <summary>Reports every required parameter not given: the positional ones first, as CPython does.</summary>
    private static bool AllRequiredGiven(PythonSignature signature, nint* given)
    {
        string[]? names = null;
        var positional = new List<string>();
        var keywordOnly = new List<string>();
        for (int i = 0; i < signature.Required; i++)
        {
            if (given[i] == 0)
            {
                names ??= signature.NameList;
                (i < signature.KeywordOnly ? positional : keywordOnly).Add(names[i]);
            }
        }

        return positional.Count > 0 ? Missing(signature, positional, "positional")
            : keywordOnly.Count > 0 ? Missing(signature, keywordOnly, "keyword-only")
            : true;
    }

    /// <summary><c>f() missing 2 required positional arguments: 'a' and 'b'</c>, listed as CPython lists them.</summary>
    private static bool Missing(PythonSignature signature, List<string> names, string kind)
    {
        string[] quoted = names.Select(name => $"'{name}'").ToArray();
        string list = quoted.Length switch
        {
            1 => quoted[0],
            2 => $"{quoted[0]} and {quoted[1]}",
            _ => string.Join(", ", quoted, 0, quoted.Length - 1) + ", and " + quoted[^1],
        };
        return Fail($"{signature.Function}() missing {Count(names.Count, "required " + kind + " argument")}: {list}");
    }

    private static string Count(int count, string noun) => $"{count.ToString(CultureInfo.InvariantCulture)} {noun}{(count == 1 ? string.Empty : "s")}";

    private static bool Fail(string message) => PythonCall.SetError(ModuleApi.Instance.TypeError, message);
}
