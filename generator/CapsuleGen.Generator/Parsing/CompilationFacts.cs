using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;

namespace CapsuleGen.Generator.Parsing;

/// <summary>What the generator reads from the compilation as a whole, each as a plain value.</summary>
internal static class CompilationFacts
{
    /// <summary>Whether the assembly declares itself <c>[assembly: CLSCompliant(true)]</c>.</summary>
    public static bool IsClsCompliant(IAssemblySymbol assembly) => IsMarkedClsCompliant(assembly);

    /// <summary>Whether the assembly or type is marked <c>[CLSCompliant(true)]</c>, which has C# check the CLS rules in it (in every partial part).</summary>
    public static bool IsMarkedClsCompliant(ISymbol symbol) =>
        Attributes.Find(symbol, KnownNames.ClsCompliantAttribute) is { } attribute &&
        attribute.ConstructorArguments.Length == 1 && attribute.ConstructorArguments[0].Value is true;

    /// <summary>
    /// Whether code in <paramref name="assembly"/> can call CapsuleGen.Python's <c>PythonErrors</c>, which a
    /// trampoline under <c>SetPythonError</c> calls: the project references that package (CAPS0060 if not).
    /// </summary>
    public static bool HasPythonErrors(IAssemblySymbol assembly) =>
        assembly.GetTypeByMetadataName(KnownNames.PythonErrors) is not null ||
        assembly.Modules.SelectMany(module => module.ReferencedAssemblySymbols)
            .Any(reference => reference.GetTypeByMetadataName(KnownNames.PythonErrors) is { DeclaredAccessibility: Accessibility.Public });

    /// <summary>
    /// Types named <c>System</c> in the global namespace that the compilation can see. Such a type
    /// hides the namespace even from <c>global::System</c>, which every generated file names (CS0437,
    /// CS0426), so nothing is generated while one exists (CAPS0026).
    /// </summary>
    public static IEnumerable<INamedTypeSymbol> TypesHidingSystem(Compilation compilation) =>
        compilation.GlobalNamespace.GetTypeMembers("System").Where(type => compilation.IsSymbolAccessibleWithin(type, compilation.Assembly));
}
