using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace CapsuleGen.Generator.Tests.Infrastructure;

/// <summary>The C header and Cython declarations a generated file carries as assembly metadata, as the build writes them.</summary>
internal static class NativeHeaderFiles
{
    private const string HintName = "CapsuleGen.NativeHeader.g.cs";
    private const string Key = "CapsuleGen.NativeHeader";

    /// <summary><c>&lt;stem&gt;.h</c> and <c>&lt;stem&gt;.pxd</c> from the generated metadata file, or null for any other file.</summary>
    public static (string FileName, string Text)[]? Of(GeneratedSourceResult source)
    {
        if (source.HintName != HintName)
        {
            return null;
        }

        Dictionary<string, string> values = Read(source.SourceText.ToString());
        string stem = values[Key];
        return [(stem + ".h", values[Key + ".h"]), (stem + ".pxd", values[Key + ".pxd"])];
    }

    /// <summary>The header's text among everything a run generated.</summary>
    public static (string Stem, string Header, string Declarations) Single(GeneratorRun run)
    {
        GeneratedSourceResult source = Assert.Single(run.GeneratedSources, source => source.HintName == HintName);
        Dictionary<string, string> values = Read(source.SourceText.ToString());
        return (values[Key], values[Key + ".h"], values[Key + ".pxd"]);
    }

    /// <summary>Whether a run generated a header at all.</summary>
    public static bool Any(GeneratorRun run) => run.GeneratedSources.Any(source => source.HintName == HintName);

    private static Dictionary<string, string> Read(string generated) =>
        CSharpSyntaxTree.ParseText(generated).GetRoot().DescendantNodes().OfType<AttributeSyntax>()
            .Select(attribute => attribute.ArgumentList!.Arguments.Select(argument => ((LiteralExpressionSyntax)argument.Expression).Token.ValueText).ToArray())
            .ToDictionary(pair => pair[0], pair => pair[1], StringComparer.Ordinal);
}
