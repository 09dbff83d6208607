using CapsuleGen.Generator.Diagnostics;
using CapsuleGen.Generator.Model;
using CapsuleGen.Generator.Parsing;
using Microsoft.CodeAnalysis;

namespace CapsuleGen.Generator.NativeHeaders;

/// <summary>Reads which class a <c>[PythonModule]</c> is, so the header can import its capsules by their attribute names.</summary>
internal static class ModuleClasses
{
    /// <summary>The module class marked by <paramref name="attribute"/>, or null for one the module analyzer reports.</summary>
    public static ModuleClass? Read(ISymbol target, AttributeData attribute) =>
        target is INamedTypeSymbol type
            && attribute.ConstructorArguments.Length == 1
            && attribute.ConstructorArguments[0].Value is string name
            && TypeLocationParser.Parse(type, DiagnosticSink.None) is { } location
            ? new ModuleClass(location, name)
            : null;
}
