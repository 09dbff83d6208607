using System;
using System.Collections.Generic;
using System.Linq;
using CapsuleGen.Generator.Parsing;

namespace CapsuleGen.Generator.PythonModules;

/// <summary>A function's parameters as a Python <c>def</c> lists them: <c>/</c> after the positional-only ones, <c>*</c> before the keyword-only ones.</summary>
internal static class ParameterLayout
{
    /// <summary>Each parameter as <paramref name="write"/> spells it, with the markers in their places.</summary>
    public static List<string> Write(PythonFunction function, Func<PythonParameter, string> write)
    {
        var parameters = new List<string>(function.Parameters.Count + 2);
        for (int i = 0; i < function.Parameters.Count; i++)
        {
            if (i == function.KeywordOnly)
            {
                parameters.Add("*");
            }

            parameters.Add(write(function.Parameters[i]));
            if (i + 1 == function.PositionalOnly)
            {
                parameters.Add("/");
            }
        }

        return parameters;
    }

    /// <summary>
    /// The name of the parameter a method or module function is bound to (<c>self</c>, <c>module</c>): <paramref name="preferred"/>,
    /// unless a parameter of the function takes it, which would make the name twice (inspect.signature raises, a stub does not compile).
    /// </summary>
    public static string Bound(PythonFunction function, string preferred)
    {
        var names = new HashSet<string>(function.Parameters.Select(parameter => parameter.PythonName));
        return names.Contains(preferred) ? Identifiers.Unused("_" + preferred, names) : preferred;
    }
}
