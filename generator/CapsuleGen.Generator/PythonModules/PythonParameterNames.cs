using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using CapsuleGen.Generator.Diagnostics;
using CapsuleGen.Generator.Parsing;
using Microsoft.CodeAnalysis;

namespace CapsuleGen.Generator.PythonModules;

/// <summary>How Python callers reach a module function's parameters: by which name, and by position, name or both.</summary>
internal static class PythonParameterNames
{
    /// <summary>
    /// Each parameter's Python name, which <c>inspect.signature</c> parses from the text signature as
    /// ASCII Python and refuses otherwise: the C# name, but a Python keyword gets an underscore
    /// (<c>lambda_</c>, as PEP 8 has it), as does <c>__debug__</c>, which no <c>def</c> or call can
    /// name either ("cannot assign to __debug__"), and a non-ASCII name a positional one (<c>arg2</c>), each
    /// unused by the other parameters. Callers pass a parameter by keyword under this name.
    /// </summary>
    public static string[] Of(IReadOnlyList<IParameterSymbol> parameters)
    {
        var taken = new HashSet<string>(parameters.Select(parameter => parameter.Name));
        return parameters
            .Select((parameter, i) =>
                PythonNames.IsKeyword(parameter.Name) || parameter.Name == "__debug__" ? Identifiers.Take(parameter.Name + "_", taken)
                : PythonNames.Problem(parameter.Name) is not null ? Identifiers.Take("arg" + (i + 1).ToString(CultureInfo.InvariantCulture), taken)
                : parameter.Name)
            .ToArray();
    }

    /// <summary>
    /// How many parameters are positional-only (through the last one marked <c>[PositionalOnly]</c>) and where
    /// the keyword-only ones start (at the first marked <c>[KeywordOnly]</c>); reports markers that overlap.
    /// </summary>
    public static (int PositionalOnly, int KeywordOnly) Kinds(IMethodSymbol method, string display, DiagnosticSink sink)
    {
        IParameterSymbol? lastPositionalOnly = method.Parameters.LastOrDefault(parameter => Attributes.Has(parameter, KnownNames.PositionalOnlyAttribute));
        IParameterSymbol? firstKeywordOnly = method.Parameters.FirstOrDefault(parameter => Attributes.Has(parameter, KnownNames.KeywordOnlyAttribute));
        int positionalOnly = lastPositionalOnly is null ? 0 : lastPositionalOnly.Ordinal + 1;
        int keywordOnly = firstKeywordOnly?.Ordinal ?? method.Parameters.Length;
        if (keywordOnly < positionalOnly)
        {
            sink.Report(PythonModuleDescriptors.KeywordOnlyBeforePositionalOnly, SourceLocations.Of(firstKeywordOnly!), firstKeywordOnly!.Name, display, lastPositionalOnly!.Name);
        }

        return (positionalOnly, keywordOnly);
    }

    /// <summary>
    /// Whether every parameter with a default value comes after every one without, as a <c>def</c> must have
    /// them (C# allows <c>[Optional, DefaultParameterValue(5)] int a, int b</c>); reports the first that does not.
    /// </summary>
    public static bool DefaultsComeLast(IMethodSymbol method, string display, DiagnosticSink sink)
    {
        IParameterSymbol? withDefault = method.Parameters.FirstOrDefault(parameter => parameter.HasExplicitDefaultValue);
        IParameterSymbol? after = withDefault is null ? null : method.Parameters.Skip(withDefault.Ordinal + 1).FirstOrDefault(parameter => !parameter.HasExplicitDefaultValue);
        if (after is null)
        {
            return true;
        }

        sink.Report(PythonModuleDescriptors.DefaultBeforeRequired, SourceLocations.Of(withDefault!), withDefault!.Name, display, after.Name);
        return false;
    }
}
