using System;
using System.Collections.Generic;

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
}
