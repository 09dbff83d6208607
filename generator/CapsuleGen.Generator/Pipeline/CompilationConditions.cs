using System.Linq;
using CapsuleGen.Generator.Parsing;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace CapsuleGen.Generator.Pipeline;

/// <summary>What both generators need to know of the compilation before they add a file.</summary>
internal static class CompilationConditions
{
    /// <summary>The oldest C# the generated code compiles with (file-scoped namespaces).</summary>
    public const LanguageVersion MinimumLanguageVersion = LanguageVersion.CSharp10;

    /// <summary>
    /// Whether generated code can compile: it needs unsafe code, C# 10 and a reachable System
    /// namespace. Without them the analyzers report CAPS0017, CAPS0022 or CAPS0026 in the user's
    /// files and nothing is generated, so no error lands in a generated file.
    /// </summary>
    public static IncrementalValueProvider<bool> CanGenerate(IncrementalGeneratorInitializationContext context)
    {
        IncrementalValueProvider<bool> unsafeAllowed = context.CompilationProvider
            .Select(static (compilation, _) => compilation.Options is CSharpCompilationOptions { AllowUnsafe: true })
            .WithTrackingName(TrackingNames.UnsafeAllowed);
        IncrementalValueProvider<bool> languageSupported = context.ParseOptionsProvider
            .Select(static (options, _) => options is CSharpParseOptions parse && parse.LanguageVersion >= MinimumLanguageVersion)
            .WithTrackingName(TrackingNames.LanguageSupported);
        IncrementalValueProvider<bool> systemReachable = context.CompilationProvider
            .Select(static (compilation, _) => !CompilationFacts.TypesHidingSystem(compilation).Any())
            .WithTrackingName(TrackingNames.SystemReachable);
        return unsafeAllowed
            .Combine(languageSupported)
            .Combine(systemReachable)
            .Select(static (all, _) => all.Left.Left && all.Left.Right && all.Right);
    }

    /// <summary>
    /// Whether the assembly is CLS-compliant: its CLS warnings would land inside generated files (native
    /// types, the manifest's arrays), where no #pragma of the user's reaches, so generated files suppress them.
    /// </summary>
    public static IncrementalValueProvider<bool> ClsCompliant(IncrementalGeneratorInitializationContext context) =>
        context.CompilationProvider
            .Select(static (compilation, _) => CompilationFacts.IsClsCompliant(compilation.Assembly))
            .WithTrackingName(TrackingNames.ClsCompliant);
}
