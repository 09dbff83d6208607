using System.Collections.Generic;
using CapsuleGen.Generator.Parsing;
using Microsoft.CodeAnalysis;

namespace CapsuleGen.Generator.PythonModules;

/// <summary>
/// The <c>[PythonClass]</c> classes nested in a module's class, each with the generated class that holds its
/// type, named before anything is parsed so that every parameter and result of the module can name them.
/// </summary>
internal sealed class ModuleClasses
{
    private readonly Dictionary<INamedTypeSymbol, PythonClassReference> _references;

    private ModuleClasses(List<(INamedTypeSymbol Type, AttributeData Attribute, PythonClassReference Reference)> all)
    {
        All = all;
        _references = new Dictionary<INamedTypeSymbol, PythonClassReference>(SymbolEqualityComparer.Default);
        foreach ((INamedTypeSymbol type, _, PythonClassReference reference) in all)
        {
            _references[type] = reference;
        }
    }

    /// <summary>Each class, in declaration order, with its attribute and reference.</summary>
    public IReadOnlyList<(INamedTypeSymbol Type, AttributeData Attribute, PythonClassReference Reference)> All { get; }

    /// <summary>The classes nested in <paramref name="module"/>, each holder named against <paramref name="taken"/>.</summary>
    public static ModuleClasses Find(INamedTypeSymbol module, ISet<string> taken)
    {
        string moduleName = module.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat);
        var all = new List<(INamedTypeSymbol, AttributeData, PythonClassReference)>();
        foreach (INamedTypeSymbol type in module.GetTypeMembers())
        {
            if (Attributes.Find(type, KnownNames.PythonClassAttribute) is { } attribute && !BrokenDeclarations.HasAttributeTwice(type, KnownNames.PythonClassAttribute))
            {
                string holder = Identifiers.Take(type.Name + "PythonType", taken);
                var reference = new PythonClassReference(type.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat), $"{moduleName}.{holder}.Type", DeprecationReader.Of(type));
                all.Add((type, attribute, reference));
            }
        }

        return new ModuleClasses(all);
    }

    /// <summary>
    /// How a value of <paramref name="type"/> converts: as an instance of one of these classes, with
    /// <paramref name="reference"/> set, or as <see cref="PythonTypeResolver"/> has it.
    /// </summary>
    public PythonValueKind? Resolve(ITypeSymbol type, bool isReturn, out string? problem, out PythonClassReference? reference)
    {
        if (type is INamedTypeSymbol named && _references.TryGetValue(named.OriginalDefinition, out reference))
        {
            problem = null;
            return type.NullableAnnotation == NullableAnnotation.Annotated ? PythonValueKind.InstanceOrNone : PythonValueKind.Instance;
        }

        reference = null;
        PythonValueKind? kind = PythonTypeResolver.Resolve(type, isReturn, out problem);
        if (kind is null && Attributes.Has(type, KnownNames.PythonClassAttribute))
        {
            problem = "a [PythonClass] converts only in its own module, nested directly in the module's class";
        }

        return kind;
    }

    /// <summary>The holder's name: the last but one part of the field's name.</summary>
    public static string HolderOf(PythonClassReference reference)
    {
        string[] parts = reference.TypeField.Split('.');
        return parts[parts.Length - 2];
    }
}
