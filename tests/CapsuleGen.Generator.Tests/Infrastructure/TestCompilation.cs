using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using CapsuleGen.Tests.Shared;

namespace CapsuleGen.Generator.Tests.Infrastructure;

/// <summary>Builds in-memory compilations as a user's project would compile: with the runtime referenced and unsafe code allowed.</summary>
internal static class TestCompilation
{
    public static CSharpParseOptions ParseOptions(LanguageVersion version = LanguageVersion.Latest) =>
        new CSharpParseOptions(version, DocumentationMode.Diagnose);

    public static CSharpCompilation Create(
        IEnumerable<string> sources,
        string assemblyName = "UserCode",
        LanguageVersion version = LanguageVersion.Latest,
        bool allowUnsafe = true,
        IEnumerable<MetadataReference>? extraReferences = null)
    {
        CSharpParseOptions parseOptions = ParseOptions(version);
        IEnumerable<SyntaxTree> trees = sources.Select((source, index) =>
            CSharpSyntaxTree.ParseText(source, parseOptions, path: $"Source{index}.cs"));
        return CSharpCompilation.Create(
            assemblyName,
            trees,
            UserCodeReferences.All.AddRange(extraReferences ?? []),
            // Every warning wave on, as the newest SDK turns them on (CS8981, for one, is in wave 7).
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, allowUnsafe: allowUnsafe, nullableContextOptions: NullableContextOptions.Enable, warningLevel: 9999)
                .WithSpecificDiagnosticOptions([new("CS1591", ReportDiagnostic.Suppress)]));
    }

    public static CSharpCompilation Create(string source, LanguageVersion version = LanguageVersion.Latest) =>
        Create([source], version: version);

}
