using System.Collections.Immutable;
using CapsuleGen.Generator.Diagnostics;
using CapsuleGen.Generator.PythonModules;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace CapsuleGen.Generator.Tests.Infrastructure;

/// <summary>User code that declares a Python module: compiled against CapsuleGen.Python too, as the module's assembly.</summary>
internal static class PythonModuleCompilation
{
    private static readonly MetadataReference s_python = MetadataReference.CreateFromFile(typeof(CapsuleGen.Python.PyObject).Assembly.Location);

    public static CSharpCompilation Create(string source, string assemblyName = "CppDuck", LanguageVersion version = LanguageVersion.Latest, bool allowUnsafe = true) =>
        TestCompilation.Create([source], assemblyName, version, allowUnsafe, [s_python]);

    public static GeneratorRun Run(string source, string assemblyName = "CppDuck", LanguageVersion version = LanguageVersion.Latest) =>
        GeneratorRun.Of(Create(source, assemblyName, version));

    /// <summary>What both analyzers report: the Python module analyzer and the capsule analyzer beside it.</summary>
    public static ImmutableArray<Diagnostic> Analyze(Compilation compilation) =>
        compilation
            .WithAnalyzers([new PythonModuleAnalyzer(), new CapsuleAnalyzer()])
            .GetAnalyzerDiagnosticsAsync().GetAwaiter().GetResult();
}
