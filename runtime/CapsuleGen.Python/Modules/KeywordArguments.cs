using System.Globalization;
using CapsuleGen.Python.Native;

namespace CapsuleGen.Python.Modules;

/// <summary>
/// Binds a call's arguments to a module function's parameters when the call does not simply give
/// them all by position (it names some, or leaves some to their defaults), and reports a bad call in the words CPython uses
/// for a function written in Python: <c>f() got an unexpected keyword argument 'y'</c>.
/// </summary>
internal static unsafe class KeywordArguments
{
    /// <summary><c>PyUnicode_Concat</c>, resolved the first time a message needs it.</summary>
    private static delegate* unmanaged[Cdecl]<nint, nint, nint> s_concat;

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
            return TooManyPositional(signature, count, given);
        }

        return AllRequiredGiven(signature, given);
    }

    /// <summary>
    /// <see cref="Bind(PythonSignature, nint*, nint, nint, nint*)"/> for a call CPython makes with a tuple and a
    /// dict (a type's <c>tp_new</c>): the arguments are laid out as a vectorcall lays them out, the keyword
    /// arguments' values after the positional ones and their names in a tuple, and bound the same way.
    /// </summary>
    public static bool Bind(PythonSignature signature, nint args, nint kwargs, nint* given)
    {
        const int OnStack = 16;
        CPythonApi api = CPython.Api;
        nint count = ModuleApi.Instance.PyTuple_Size(args);
        nint keywordCount = kwargs == 0 ? 0 : Arrays.ArrayApi.Instance.PyDict_Size(kwargs);
        nint* small = stackalloc nint[OnStack];
        nint[]? large = count + keywordCount > OnStack ? new nint[count + keywordCount] : null;
        fixed (nint* pinned = large)
        {
            nint* flat = large is null ? small : pinned;
            for (nint i = 0; i < count; i++)
            {
                flat[i] = api.PyTuple_GetItem(args, i); // borrowed: the tuple holds them for the call
            }

            nint names = keywordCount == 0 ? 0 : api.PyTuple_New(keywordCount);
            if (keywordCount != 0 && names == 0)
            {
                return false;
            }

            nint position = 0;
            nint key;
            nint value;
            for (nint i = 0; i < keywordCount && Arrays.ArrayApi.Instance.PyDict_Next(kwargs, &position, &key, &value) != 0; i++)
            {
                flat[count + i] = value; // borrowed: the dict holds it for the call
                api.Py_IncRef(key);
                api.PyTuple_SetItem(names, i, key); // steals the new reference
            }

            bool bound = Bind(signature, flat, count, names, given);
            if (names != 0)
            {
                api.Py_DecRef(names);
            }

            return bound;
        }
    }

    /// <summary>
    /// Binds each keyword in the order the call gave them, and refuses the first that cannot be bound as
    /// CPython refuses it for a <c>def</c>: a name that is not a <c>str</c> (only a C caller can pass one);
    /// a name that no parameter callers may name has (reported as the positional-only parameters that any
    /// keyword names, in their order, if one does); a parameter given already.
    /// </summary>
    private static bool BindKeywords(PythonSignature signature, nint* args, nint count, nint keywords, nint* given)
    {
        string[] names = signature.NameList;
        nint keywordCount = ModuleApi.Instance.PyTuple_Size(keywords);
        for (nint i = 0; i < keywordCount; i++)
        {
            nint key = CPython.Api.PyTuple_GetItem(keywords, i); // borrowed; zero for a slot a C caller left empty
            if (key == 0 || !IsString(key))
            {
                return Fail($"{signature.Function}() keywords must be strings");
            }

            string? name = Name(key);
            int index = name is null ? -1 : Array.IndexOf(names, name, signature.PositionalOnly, signature.Parameters - signature.PositionalOnly);
            if (index < 0)
            {
                return PositionalOnlyNamed(signature, names, keywords, keywordCount) is { } named
                    ? Fail($"{signature.Function}() got some positional-only arguments passed as keyword arguments: '{string.Join(", ", named)}'")
                    : FailNaming($"{signature.Function}() got an unexpected keyword argument '", key);
            }

            if (given[index] != 0)
            {
                return FailNaming($"{signature.Function}() got multiple values for argument '", key);
            }

            given[index] = args[count + i];
        }

        return true;
    }

    /// <summary>The positional-only parameters that a keyword names, in the parameters' order; null if none is named.</summary>
    private static List<string>? PositionalOnlyNamed(PythonSignature signature, string[] names, nint keywords, nint keywordCount)
    {
        List<string>? named = null;
        for (int parameter = 0; parameter < signature.PositionalOnly; parameter++)
        {
            for (nint i = 0; i < keywordCount; i++)
            {
                nint key = CPython.Api.PyTuple_GetItem(keywords, i);
                if (key != 0 && IsString(key) && Name(key) == names[parameter])
                {
                    (named ??= new List<string>()).Add(names[parameter]);
                }
            }
        }

        return named;
    }

    private static bool IsString(nint key) =>
        ModuleApi.TypeOf(key) == CPython.Api.UnicodeType || ModuleApi.Instance.HasFlag(key, ModuleApi.UnicodeSubclass);

    /// <summary>
    /// A keyword's name; null for one .NET cannot hold exactly (lone surrogates side by side), which is no
    /// parameter's name: those are ASCII. No error is left set.
    /// </summary>
    private static string? Name(nint key)
    {
        string? name = PythonText.FromPython(CPython.Api, key);
        if (name is null)
        {
            CPython.Api.PyErr_Clear();
        }

        return name;
    }

    /// <summary>
    /// <c>TypeError(before + str(key) + "'")</c>, made of Python strings as CPython's <c>%S</c> makes it, so
    /// that the name shows as the caller gave it, whatever it holds. Returns false.
    /// </summary>
    private static bool FailNaming(string before, nint key)
    {
        CPythonApi api = CPython.Api;
        nint shown = api.PyObject_Str(key);
        nint head = shown == 0 ? 0 : PythonText.ToPython(api, before);
        nint start = head == 0 ? 0 : Concat(head, shown);
        nint quote = start == 0 ? 0 : PythonText.ToPython(api, "'");
        nint message = quote == 0 ? 0 : Concat(start, quote);
        if (message != 0)
        {
            api.PyErr_SetObject(ModuleApi.Instance.TypeError, message);
        }

        Release(api, shown);
        Release(api, head);
        Release(api, start);
        Release(api, quote);
        Release(api, message);
        return false; // where a step failed, its own error is set instead
    }

    /// <summary><c>PyUnicode_Concat</c>: a new reference, or zero with the error set.</summary>
    private static nint Concat(nint left, nint right)
    {
        if (s_concat == null)
        {
            s_concat = (delegate* unmanaged[Cdecl]<nint, nint, nint>)Native.PythonSymbols.Required(Native.DynamicLibrary.Process(), "PyUnicode_Concat");
        }

        return s_concat(left, right);
    }

    private static void Release(CPythonApi api, nint made)
    {
        if (made != 0)
        {
            api.Py_DecRef(made);
        }
    }

    /// <summary>
    /// <c>f() takes 2 positional arguments but 3 were given</c>, or, where keyword-only arguments were given
    /// too, <c>f() takes 2 positional arguments but 3 positional arguments (and 1 keyword-only argument) were given</c>.
    /// </summary>
    private static bool TooManyPositional(PythonSignature signature, nint count, nint* given)
    {
        int most = signature.KeywordOnly;
        int least = Math.Min(signature.Required, most);
        string takes = least == most
            ? Count(most, "positional argument")
            : $"from {least.ToString(CultureInfo.InvariantCulture)} to {most.ToString(CultureInfo.InvariantCulture)} positional arguments";

        int keywordOnly = 0;
        for (int i = signature.KeywordOnly; i < signature.Parameters; i++)
        {
            keywordOnly += given[i] != 0 ? 1 : 0;
        }

        string was = count.ToString(CultureInfo.InvariantCulture) + (keywordOnly == 0
            ? count == 1 ? " was" : " were"
            : $" positional argument{(count == 1 ? string.Empty : "s")} (and {Count(keywordOnly, "keyword-only argument")}) were");
        return Fail($"{signature.Function}() takes {takes} but {was} given");
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
