using System.Collections.Generic;
using System.Linq;
using System.Threading;
using CapsuleGen.Generator.Diagnostics;
using CapsuleGen.Generator.Model;
using CapsuleGen.Generator.Parsing;
using Microsoft.CodeAnalysis;

namespace CapsuleGen.Generator.PythonModules;

/// <summary>Turns a <c>[PythonClass]</c> class nested in a module into a <see cref="PythonClass"/>, or reports why it cannot be one.</summary>
internal static class PythonClassParser
{
    public static PythonClass? Parse(
        INamedTypeSymbol type, AttributeData attribute, PythonClassReference reference, string moduleName, ModuleClasses classes, DiagnosticSink sink, CancellationToken cancellationToken)
    {
        bool valid = true;
        if (Problem(type) is { } problem)
        {
            sink.Report(PythonModuleDescriptors.UnsupportedClass, SourceLocations.Of(type), type.Name, problem);
            valid = false;
        }

        string? pythonName = attribute.ConstructorArguments.Length == 1 ? attribute.ConstructorArguments[0].Value as string : type.Name;
        valid &= IsValidName(pythonName, type.Name, "PythonClass", SourceLocations.AttributeArgument(attribute, type), sink);
        string qualified = moduleName + "." + pythonName;
        string display = type.Name;

        // Wrappers live in the holder, named against each other: the type's own names are Python's, and may be anything.
        var taken = new HashSet<string> { "Type" };
        PythonFunction? constructor = null;
        if (ChooseConstructor(type, sink, ref valid) is { } chosen)
        {
            string constructorDisplay = display + "." + display;
            if (PythonModuleParser.TryParseParameters(chosen, constructorDisplay, classes, sink, out List<PythonParameter> parameters))
            {
                (int positionalOnly, int keywordOnly) = PythonParameterNames.Kinds(chosen, constructorDisplay, sink);
                valid &= PythonParameterNames.DefaultsComeLast(chosen, constructorDisplay, sink) && keywordOnly >= positionalOnly;
                constructor = new PythonFunction(
                    reference.ManagedType, pythonName!, null, parameters.ToEquatableArray(), PythonValueKind.Instance,
                    PythonModuleParser.NamedDeprecation(DeprecationReader.Of(chosen).Union(reference.Deprecation), parameters, null), false, positionalOnly, keywordOnly,
                    Identifiers.Take(pythonName + "_new", taken), PythonCallee.Constructor, reference);
            }
            else
            {
                valid = false;
            }
        }

        ModuleMembers members = ModuleMembers.OfType(qualified, sink);
        var methods = new List<PythonFunction>();
        var properties = new List<PythonClassProperty>();
        foreach (ISymbol member in type.GetMembers())
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (member is IMethodSymbol method && Attributes.Find(method, KnownNames.PythonFunctionAttribute) is { } functionAttribute)
            {
                if (method.DeclaredAccessibility is Accessibility.Private or Accessibility.Protected or Accessibility.ProtectedAndInternal)
                {
                    // The wrapper lives in the module's class, beside this one, and calls the method from there.
                    sink.Report(
                        Descriptors.UnsupportedTarget, SourceLocations.Of(method), ExportParser.DisplayName(method), "a method of a Python type",
                        "the generated wrapper calls it from the module's class, which cannot reach a private or protected member of this class; make it internal or public");
                    valid = false;
                    continue;
                }

                PythonCallee callee = method.IsStatic ? PythonCallee.StaticMethod : PythonCallee.InstanceMethod;
                PythonFunction? function = PythonModuleParser.ParseFunction(method, functionAttribute, callee, classes, sink, cancellationToken);
                Location? where = SourceLocations.AttributeArgument(functionAttribute, method);
                if (function is not null && !IsDunder(function.PythonName, display + "." + method.Name, "PythonFunction", where, sink) && members.Claim(function.PythonName, $"the method '{display}.{method.Name}'", where))
                {
                    methods.Add(function with
                    {
                        WrapperName = Identifiers.Take(pythonName + "_" + function.PythonName, taken),
                        Deprecation = function.Deprecation.Union(reference.Deprecation),
                    });
                }
                else
                {
                    valid = false;
                }
            }
            else if (member is IPropertySymbol property && Attributes.Find(property, KnownNames.PythonPropertyAttribute) is { } propertyAttribute)
            {
                PythonClassProperty? parsed = ParseProperty(property, propertyAttribute, display, classes, sink, cancellationToken);
                if (parsed is not null && members.Claim(parsed.PythonName, $"the property '{display}.{property.Name}'", SourceLocations.AttributeArgument(propertyAttribute, property)))
                {
                    properties.Add(parsed with
                    {
                        GetterName = Identifiers.Take(pythonName + "_get_" + parsed.PythonName, taken),
                        SetterName = parsed.Settable ? Identifiers.Take(pythonName + "_set_" + parsed.PythonName, taken) : string.Empty,
                        Deprecation = parsed.Deprecation.Union(reference.Deprecation),
                    });
                }
                else
                {
                    valid = false;
                }
            }
        }

        return valid
            ? new PythonClass(
                reference, type.Name, pythonName!, DocComments.Summary(type, cancellationToken), constructor, methods.ToEquatableArray(), properties.ToEquatableArray(),
                OverridesToString(type), ModuleClasses.HolderOf(reference))
            : null;
    }

    /// <summary>
    /// Why the class cannot be a Python type, or null. A struct cannot carry <c>[PythonClass]</c> at all (the
    /// attribute is for classes): a Python object owns its .NET object, which must not be copied.
    /// </summary>
    private static string? Problem(INamedTypeSymbol type) => type switch
    {
        { IsStatic: true } => "a static class has no instances for Python objects to own; make its methods [PythonFunction] functions of the module",
        { IsAbstract: true } => "an abstract class cannot be constructed, and Python cannot subclass the type; mark a concrete class instead",
        { IsGenericType: true } => "a generic class has no one type for Python to name; mark a non-generic class, which may derive from a constructed one",
        _ => null,
    };

    /// <summary>
    /// The constructor Python calls: the one marked <c>[PythonConstructor]</c>, else the only public one; null if there
    /// is none (Python then cannot make instances), or if the choice is ambiguous (reported, <paramref name="valid"/> false).
    /// </summary>
    private static IMethodSymbol? ChooseConstructor(INamedTypeSymbol type, DiagnosticSink sink, ref bool valid)
    {
        IMethodSymbol[] marked = type.InstanceConstructors.Where(constructor => Attributes.Has(constructor, KnownNames.PythonConstructorAttribute)).ToArray();
        IMethodSymbol[] publicOnes = type.InstanceConstructors.Where(constructor => constructor.DeclaredAccessibility == Accessibility.Public).ToArray();
        if ((marked.Length > 0 ? marked : publicOnes).Any(BrokenDeclarations.IsBroken))
        {
            valid = false;
            return null; // the compiler reports it (a constructor defined twice, a parameter's type not yet written), and a generated 'new' would repeat it
        }

        string? problem = null;
        Location? where = SourceLocations.Of(type);
        IMethodSymbol? chosen = null;
        if (marked.Length > 1)
        {
            (problem, where) = ("more than one constructor is marked [PythonConstructor]; mark only the one Python calls", SourceLocations.Of(marked[1]));
        }
        else if (marked.Length == 1 && marked[0].DeclaredAccessibility != Accessibility.Public)
        {
            (problem, where) = ("the constructor marked [PythonConstructor] is not public; make it public", SourceLocations.Of(marked[0]));
        }
        else if (marked.Length == 0 && publicOnes.Length > 1)
        {
            problem = $"it has {publicOnes.Length} public constructors; mark the one Python calls with [PythonConstructor]";
        }
        else
        {
            chosen = marked.Length == 1 ? marked[0] : publicOnes.FirstOrDefault();
            if (chosen is not null && HasRequiredMembers(type) && !Attributes.Has(chosen, KnownNames.SetsRequiredMembersAttribute))
            {
                (problem, where) = ("it has 'required' members, which Python cannot set; give the constructor [SetsRequiredMembers] and set them there", SourceLocations.Of(chosen.IsImplicitlyDeclared ? type : chosen));
            }
        }

        if (problem is not null)
        {
            sink.Report(PythonModuleDescriptors.UnusableConstructor, where, type.Name, problem);
            valid = false;
            return null;
        }

        return chosen;
    }

    private static bool HasRequiredMembers(INamedTypeSymbol type)
    {
        for (INamedTypeSymbol? current = type; current is not null; current = current.BaseType)
        {
            if (current.GetMembers().Any(member => member is IPropertySymbol { IsRequired: true } or IFieldSymbol { IsRequired: true }))
            {
                return true;
            }
        }

        return false;
    }

    private static PythonClassProperty? ParseProperty(
        IPropertySymbol property, AttributeData attribute, string typeDisplay, ModuleClasses classes, DiagnosticSink sink, CancellationToken cancellationToken)
    {
        if (BrokenDeclarations.IsBroken(property))
        {
            return null; // the compiler reports it
        }

        string display = typeDisplay + "." + property.Name;
        string? pythonName = attribute.ConstructorArguments.Length == 1 ? attribute.ConstructorArguments[0].Value as string : property.Name;
        Location? nameLocation = SourceLocations.AttributeArgument(attribute, property);
        bool valid = IsValidName(pythonName, display, "PythonProperty", nameLocation, sink) && !IsDunder(pythonName!, display, "PythonProperty", nameLocation, sink);
        string? problem = property switch
        {
            { IsIndexer: true } => "an indexer takes arguments, which an attribute cannot; make [PythonFunction] methods that read and write it",
            { IsStatic: true } => "a static property would be an attribute of the type, which instances' attributes are not; make static [PythonFunction] methods that read and write it",
            { ReturnsByRef: true } or { ReturnsByRefReadonly: true } => "a reference cannot be held by Python; return the value",
            { GetMethod: null } or { GetMethod.DeclaredAccessibility: not Accessibility.Public } => "it has no public getter; give it one",
            _ => null,
        };
        PythonValueKind? kind = null;
        PythonClassReference? reference = null;
        if (problem is null)
        {
            kind = classes.Resolve(property.Type, isReturn: true, out string? typeProblem, out reference);
            if (kind is null)
            {
                sink.Report(PythonModuleDescriptors.TypeCannotCrossToPython, SourceLocations.Of(property), "value", display, PythonModuleParser.Shown(property.Type), typeProblem);
                return null;
            }

            string? handle = kind switch
            {
                PythonValueKind.Object => "PyObject",
                PythonValueKind.Capsule or PythonValueKind.CapsuleOrNone => "Capsule",
                PythonValueKind.Tensor => "DLPackTensor",
                _ => null,
            };
            problem = handle is null ? null
                : $"a {handle} handle is given away when a function returns it and lent only for a call when one is passed, so a property cannot hold it; make [PythonFunction] methods that return and take it";
        }

        if (problem is not null)
        {
            sink.Report(PythonModuleDescriptors.UnsupportedProperty, SourceLocations.Of(property), display, problem);
            return null;
        }

        // An init accessor sets the property only while the object is made; Python sees it read-only, as it sees one without a public setter.
        bool settable = property.SetMethod is { DeclaredAccessibility: Accessibility.Public, IsInitOnly: false };
        string managedType = reference is null
            ? PythonTypeResolver.ManagedType(kind!.Value)
            : reference.ManagedType + (kind == PythonValueKind.InstanceOrNone ? "?" : string.Empty);
        return valid
            ? new PythonClassProperty(
                Identifiers.Escape(property.Name), pythonName!, DocComments.Summary(property, cancellationToken), kind!.Value, managedType, reference, settable,
                PythonModuleParser.NamedDeprecation(DeprecationReader.Of(property), [], reference))
            : null;
    }

    private static bool IsValidName(string? name, string display, string attribute, Location? where, DiagnosticSink sink)
    {
        if (PythonNames.Problem(name) is not { } problem)
        {
            return true;
        }

        sink.Report(PythonModuleDescriptors.InvalidClassMemberName, where, DiagnosticText.Quote(name), display, problem, attribute);
        return false;
    }

    /// <summary>
    /// Whether <paramref name="name"/> is one of the <c>__dunder__</c> names Python keeps for special methods,
    /// which the type defines itself (<c>__repr__</c> from <c>ToString</c>, <c>__eq__</c> from <c>Equals</c>); reported if so.
    /// </summary>
    private static bool IsDunder(string name, string display, string attribute, Location? where, DiagnosticSink sink)
    {
        if (name.Length > 4 && name.StartsWith("__", System.StringComparison.Ordinal) && name.EndsWith("__", System.StringComparison.Ordinal))
        {
            sink.Report(
                PythonModuleDescriptors.InvalidClassMemberName, where, DiagnosticText.Quote(name), display,
                "a type's __dunder__ names are Python's special methods, which come from the class itself (__repr__ from ToString, __eq__ and __hash__ from Equals and GetHashCode)", attribute);
            return true;
        }

        return false;
    }

    /// <summary>Whether the class, or a base class other than <c>object</c>, overrides <c>ToString()</c> (a record does).</summary>
    private static bool OverridesToString(INamedTypeSymbol type)
    {
        for (INamedTypeSymbol? current = type; current is { SpecialType: not SpecialType.System_Object }; current = current.BaseType)
        {
            if (current.GetMembers("ToString").OfType<IMethodSymbol>().Any(method => method is { IsOverride: true, Parameters.Length: 0 }))
            {
                return true;
            }
        }

        return false;
    }
}
