using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace CapsuleGen.Generator.Tests.Infrastructure;

/// <summary>User code that declares a Python module: compiled against CapsuleGen.Python too, as the module's assembly.</summary>
internal static class PythonModuleCompilation
{
    private static readonly MetadataReference s_python = MetadataReference.CreateFromFile(typeof(CapsuleGen.Python.PyObject).Assembly.Location);

    /// <summary>CapsuleGen.Python, for a compilation that declares a module among other code.</summary>
    public static MetadataReference Reference => s_python;

    public static CSharpCompilation Create(string source, string assemblyName = "CppDuck", LanguageVersion version = LanguageVersion.Latest, bool allowUnsafe = true) =>
        TestCompilation.Create([source], assemblyName, version, allowUnsafe, [s_python]);

    public static GeneratorRun Run(string source, string assemblyName = "CppDuck", LanguageVersion version = LanguageVersion.Latest) =>
        GeneratorRun.Of(Create(source, assemblyName, version));

    /// <summary>What both analyzers report (the Python module analyzer and the capsule analyzer beside it) once the generator has run.</summary>
    public static ImmutableArray<Diagnostic> Analyze(CSharpCompilation compilation) => GeneratorRun.Of(compilation).PythonAnalyzerDiagnostics();
}
