using System.Collections.Generic;
using System.Linq;
using System.Threading;
using CapsuleGen.Generator.Diagnostics;
using CapsuleGen.Generator.Model;
using CapsuleGen.Generator.Parsing;
using Microsoft.CodeAnalysis;

namespace CapsuleGen.Generator.PythonModules;

/// <summary>Turns a class marked <c>[PythonModule]</c> into a <see cref="PythonModule"/>, or reports why it cannot be one.</summary>
internal static class PythonModuleParser
{
    public static PythonModule? Parse(INamedTypeSymbol type, AttributeData attribute, DiagnosticSink sink, CancellationToken cancellationToken)
    {
        if (attribute.AttributeConstructor is null || attribute.ConstructorArguments.Length != 1 || BrokenDeclarations.HasAttributeTwice(type, KnownNames.PythonModuleAttribute))
        {
            return null; // the compiler already reports the malformed or repeated attribute
        }

        bool valid = true;
        if (type.TypeKind != TypeKind.Class || !type.IsStatic)
        {
            sink.Report(PythonModuleDescriptors.ModuleNotStaticClass, SourceLocations.Of(type), type.Name);
            valid = false;
        }

        TypeLocation? location = TypeLocationParser.Parse(type, sink);
        string? moduleName = attribute.ConstructorArguments[0].Value as string;
        if (PythonNames.Problem(moduleName) is { } nameProblem)
        {
            sink.Report(PythonModuleDescriptors.InvalidModuleName, SourceLocations.AttributeArgument(attribute, type), DiagnosticText.Quote(moduleName), nameProblem);
            return null;
        }

        // The entry point's class, the types' classes and the wrappers are private: named against every name of the
        // class, the members its capsule exports generate included, they never clash. Its capsules come from the
        // capsule pipeline's models (PythonModuleCapsules).
        HashSet<string> taken = GeneratedNames.TakenIn(type);
        taken.UnionWith(GeneratedNames.OfExports(type));
        string entryPoint = Identifiers.Take(GeneratedNames.PythonEntryPoint(moduleName!), taken);
        ModuleClasses classes = ModuleClasses.Find(type, taken);

        ModuleMembers members = new(moduleName!, sink);
        var functions = new List<PythonFunction>();
        foreach (IMethodSymbol method in PythonFunctionTargets.MethodsOf(type))
        {
            if (Attributes.Find(method, KnownNames.PythonFunctionAttribute) is not { } functionAttribute)
            {
                continue;
            }

            PythonFunction? function = ParseFunction(method, functionAttribute, PythonCallee.ModuleFunction, classes, sink, cancellationToken);
            if (function is null)
            {
                valid = false;
            }
            else if (members.Claim(function.PythonName, ModuleMembers.FunctionOwner(type.Name, method.Name), SourceLocations.AttributeArgument(functionAttribute, method)))
            {
                functions.Add(function);
            }
            else
            {
                valid = false;
            }
        }

        var parsedClasses = new List<PythonClass>();
        foreach ((INamedTypeSymbol symbol, AttributeData classAttribute, PythonClassReference reference) in classes.All)
        {
            PythonClass? parsed = PythonClassParser.Parse(symbol, classAttribute, reference, moduleName!, classes, sink, cancellationToken);
            valid &= parsed is not null && members.Claim(parsed.PythonName, $"the class '{symbol.Name}'", SourceLocations.AttributeArgument(classAttribute, symbol));
            if (parsed is not null)
            {
                parsedClasses.Add(parsed);
            }
        }

        if (!valid || location is null)
        {
            return null;
        }

        EquatableArray<PythonFunction> named = functions
            .Select(function => function with { WrapperName = Identifiers.Take(GeneratedNames.PythonWrapper(moduleName!, function.PythonName), taken) })
            .ToEquatableArray();
        return new PythonModule(
            location, moduleName!, DocComments.Summary(type, cancellationToken), named, EquatableArray<PythonModuleCapsule>.Empty, entryPoint, parsedClasses.ToEquatableArray());
    }

    /// <summary>A module function, or a method of a type (<paramref name="callee"/> says which); null, with the reasons reported, if it cannot be one.</summary>
    internal static PythonFunction? ParseFunction(IMethodSymbol method, AttributeData attribute, PythonCallee callee, ModuleClasses classes, DiagnosticSink sink, CancellationToken cancellationToken)
    {
        if (BrokenDeclarations.IsBroken(method))
        {
            return null; // the compiler reports it
        }

        if (PythonFunctionTargets.Problem(method) is { } targetProblem)
        {
            sink.Report(Descriptors.UnsupportedTarget, SourceLocations.Of(method), ExportParser.DisplayName(method), PythonFunctionTargets.PythonFunction, targetProblem);
            return null;
        }

        string display = method.ContainingType.Name + "." + method.Name;
        bool valid = true;
        if (!method.IsStatic && callee == PythonCallee.ModuleFunction)
        {
            sink.Report(PythonModuleDescriptors.FunctionNotStatic, SourceLocations.Of(method), display);
            valid = false;
        }

        if (method.IsGenericMethod)
        {
            sink.Report(Descriptors.GenericNotSupported, SourceLocations.Of(method), display);
            valid = false;
        }

        if (method.IsAsync)
        {
            sink.Report(PythonModuleDescriptors.FunctionIsAsync, SourceLocations.Of(method), display);
            valid = false;
        }

        if (ExportParser.RemovedCallProblem(method) is { } removed)
        {
            sink.Report(Descriptors.CallsRemoved, SourceLocations.Of(method), display, removed);
            valid = false;
        }

        string? pythonName = attribute.ConstructorArguments.Length == 1 ? attribute.ConstructorArguments[0].Value as string : method.Name;
        if (PythonNames.Problem(pythonName) is { } nameProblem)
        {
            sink.Report(PythonModuleDescriptors.InvalidFunctionName, SourceLocations.AttributeArgument(attribute, method), DiagnosticText.Quote(pythonName), display, nameProblem);
            valid = false;
        }

        valid &= TryParseParameters(method, display, classes, sink, out List<PythonParameter> parameters);
        PythonValueKind? returnKind = null;
        PythonClassReference? returnClass = null;
        string? returnProblem = method.ReturnsByRef || method.ReturnsByRefReadonly
            ? "a reference return cannot be held by Python; return the value"
            : null;
        if (returnProblem is null)
        {
            returnKind = classes.Resolve(method.ReturnType, isReturn: true, out returnProblem, out returnClass);
        }

        // An async method's Task is a consequence of 'async'; making it synchronous fixes both.
        if (returnProblem is not null && !method.IsAsync)
        {
            sink.Report(PythonModuleDescriptors.TypeCannotCrossToPython, SourceLocations.ReturnType(method), "return value", display, Shown(method.ReturnType), returnProblem);
            valid = false;
        }

        bool releasesGil = attribute.NamedArguments.Any(argument => argument is { Key: KnownNames.ReleaseGilProperty, Value.Value: true });
        if (releasesGil)
        {
            foreach ((IParameterSymbol parameter, PythonParameter parsed) in method.Parameters.Zip(parameters, (symbol, parsed) => (symbol, parsed)))
            {
                if (parsed.Kind == PythonValueKind.Object)
                {
                    sink.Report(PythonModuleDescriptors.ObjectWithoutGil, SourceLocations.ParameterType(parameter), $"parameter '{parameter.Name}'", display);
                    valid = false;
                }
            }

            if (returnKind == PythonValueKind.Object)
            {
                sink.Report(PythonModuleDescriptors.ObjectWithoutGil, SourceLocations.ReturnType(method), "return value", display);
                valid = false;
            }
        }

        (int positionalOnly, int keywordOnly) = PythonParameterNames.Kinds(method, display, sink);
        valid &= PythonParameterNames.DefaultsComeLast(method, display, sink);
        valid &= keywordOnly >= positionalOnly;
        return valid && returnKind is { } kind
            ? new PythonFunction(
                Identifiers.Escape(method.Name), pythonName!, DocComments.Summary(method, cancellationToken), parameters.ToEquatableArray(), kind,
                NamedDeprecation(DeprecationReader.Of(method), parameters, returnClass), releasesGil, positionalOnly, keywordOnly, Callee: callee, ReturnClass: returnClass)
            : null;
    }

    /// <summary>Parses each parameter of <paramref name="method"/>; false, with every problem reported, if one cannot cross.</summary>
    internal static bool TryParseParameters(IMethodSymbol method, string display, ModuleClasses classes, DiagnosticSink sink, out List<PythonParameter> parameters)
    {
        bool valid = true;
        parameters = new List<PythonParameter>();
        string[] pythonNames = PythonParameterNames.Of(method.Parameters);
        foreach (IParameterSymbol parameter in method.Parameters)
        {
            if (ParseParameter(parameter, pythonNames[parameter.Ordinal], display, classes, sink) is { } parsed)
            {
                parameters.Add(parsed);
            }
            else
            {
                valid = false;
            }
        }

        return valid;
    }

    /// <summary>What a wrapper names that is obsolete or experimental: the method, and the types of the module its parameters and result are.</summary>
    internal static Deprecation NamedDeprecation(Deprecation own, IEnumerable<PythonParameter> parameters, PythonClassReference? returnClass) =>
        parameters.Select(parameter => parameter.Class).Append(returnClass)
            .Aggregate(own, (all, reference) => reference is null ? all : all.Union(reference.Deprecation));

    private static PythonParameter? ParseParameter(IParameterSymbol parameter, string pythonName, string display, ModuleClasses classes, DiagnosticSink sink)
    {
        PythonValueKind? kind = null;
        PythonClassReference? reference = null;
        string? problem = parameter switch
        {
            { IsParams: true } => "a 'params' array is not converted; take a PyObject (a list or a tuple)",
            { RefKind: not RefKind.None } => $"'{RefKeyword(parameter.RefKind)}' passes a reference, which Python cannot give; return the value instead",
            _ => null,
        };
        if (problem is null)
        {
            kind = classes.Resolve(parameter.Type, isReturn: false, out problem, out reference);
        }

        if (problem is not null || kind is not { } resolved)
        {
            sink.Report(PythonModuleDescriptors.TypeCannotCrossToPython, SourceLocations.ParameterType(parameter), $"parameter '{parameter.Name}'", display, Shown(parameter.Type), problem);
            return null;
        }

        bool nullDefault = parameter.HasExplicitDefaultValue && parameter.ExplicitDefaultValue is null;
        if (nullDefault && resolved is not (PythonValueKind.String or PythonValueKind.Capsule or PythonValueKind.Object or PythonValueKind.Instance) && !resolved.TakesNone() && !resolved.IsArray())
        {
            return null; // a default that is no constant of the type ('double x = double.'): the compiler reports it
        }

        // A default of null where the type is not declared nullable ('Capsule capsule = null') says the method takes null:
        // Python's None then passes it too, as the text signature's 'capsule=None' promises.
        bool forgivesNull = nullDefault && resolved is (PythonValueKind.String or PythonValueKind.Capsule or PythonValueKind.Instance);
        if (forgivesNull)
        {
            resolved = resolved switch
            {
                PythonValueKind.String => PythonValueKind.StringOrNone,
                PythonValueKind.Capsule => PythonValueKind.CapsuleOrNone,
                _ => PythonValueKind.InstanceOrNone,
            };
        }

        DefaultValues.TryWrite(parameter, resolved, out string? csharpDefault, out string? pythonDefault);
        string managedType = reference is null ? PythonTypeResolver.ManagedType(resolved, parameter.Type) : reference.ManagedType + (resolved == PythonValueKind.InstanceOrNone ? "?" : string.Empty);
        return new PythonParameter(Identifiers.Escape(parameter.Name), pythonName, resolved, managedType, csharpDefault, pythonDefault, forgivesNull, reference);
    }

    internal static string Shown(ITypeSymbol type) => type.ToDisplayString(SymbolDisplayFormat.MinimallyQualifiedFormat);

    private static string RefKeyword(RefKind kind) => kind switch { RefKind.Out => "out", RefKind.In => "in", _ => "ref" };
}
