using Microsoft.CodeAnalysis;

namespace CapsuleGen.Generator.Parsing;

/// <summary>What the generator reads from the compilation as a whole, each as a plain value.</summary>
internal static class CompilationFacts
{
    /// <summary>Whether the assembly declares itself <c>[assembly: CLSCompliant(true)]</c>.</summary>
    public static bool IsClsCompliant(IAssemblySymbol assembly) =>
        Attributes.Find(assembly, KnownNames.ClsCompliantAttribute) is { } attribute &&
        attribute.ConstructorArguments.Length == 1 && attribute.ConstructorArguments[0].Value is true;
}
