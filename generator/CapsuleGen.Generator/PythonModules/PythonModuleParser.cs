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
    /// <summary>What naming a generated property marked with <see cref="Emitting.FileScaffold.ObsoleteContext"/> raises.</summary>
    private static readonly Deprecation s_obsoleteProperty = new(Obsolete: true, ObsoleteAsError: false, EquatableArray<string>.Empty);

    public static PythonModule? Parse(INamedTypeSymbol type, AttributeData attribute, DiagnosticSink sink, CancellationToken cancellationToken)
    {
        if (attribute.AttributeConstructor is null || attribute.ConstructorArguments.Length != 1 || BrokenDeclarations.HasAttributeTwice(type, PythonNames.ModuleAttribute))
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
            sink.Report(PythonModuleDescriptors.InvalidModuleName, SourceLocations.AttributeArgument(attribute, type), Quote(moduleName), nameProblem);
            return null;
        }

        // Every module already has the attributes CPython sets or reads; a function or capsule must not replace one.
        var members = PythonNames.ModuleAttributes.ToDictionary(attribute => attribute.Key, attribute => attribute.Value, System.StringComparer.Ordinal);
        var functions = new List<PythonFunction>();
        foreach (IMethodSymbol method in PythonFunctionTargets.MethodsOf(type))
        {
            if (Attributes.Find(method, PythonNames.FunctionAttribute) is not { } functionAttribute)
            {
                continue;
            }

            PythonFunction? function = ParseFunction(method, functionAttribute, sink, cancellationToken);
            if (function is null)
            {
                valid = false;
            }
            else if (Claim(members, function.PythonName, $"the function '{type.Name}.{method.Name}'", moduleName!, SourceLocations.AttributeArgument(functionAttribute, method), sink))
            {
                functions.Add(function);
            }
            else
            {
                valid = false;
            }
        }

        var capsules = new List<PythonModuleCapsule>();
        foreach ((PythonModuleCapsule capsule, string owner, Location? where) in ExportedCapsules(type, moduleName!))
        {
            if (Claim(members, capsule.AttributeName, $"the capsule of '{owner}'", moduleName!, where, sink))
            {
                capsules.Add(capsule);
            }
            else
            {
                valid = false;
            }
        }

        if (!valid || location is null)
        {
            return null;
        }

        // The entry point's class and the wrappers are private: named against every name of the class, the
        // members its capsule exports generate included, they never clash.
        HashSet<string> taken = GeneratedNames.TakenIn(type);
        taken.UnionWith(GeneratedNames.OfExports(type));
        string entryPoint = Identifiers.Take(PythonModule.EntryPointFor(moduleName!), taken);
        EquatableArray<PythonFunction> named = functions
            .Select(function => function with { WrapperName = Identifiers.Take(moduleName + "_" + function.PythonName, taken) })
            .ToEquatableArray();
        EquatableArray<PythonModuleCapsule> read = capsules
            .Select(capsule => capsule.Deprecation.ObsoleteAsError ? capsule with { Reader = Identifiers.Take("Read" + capsule.Property.Substring(capsule.Property.LastIndexOf('.') + 1), taken) } : capsule)
            .ToEquatableArray();
        return new PythonModule(location, moduleName!, DocComments.Summary(type, cancellationToken), named, read, entryPoint);
    }

    private static PythonFunction? ParseFunction(IMethodSymbol method, AttributeData attribute, DiagnosticSink sink, CancellationToken cancellationToken)
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
        if (!method.IsStatic)
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
            sink.Report(PythonModuleDescriptors.InvalidFunctionName, SourceLocations.AttributeArgument(attribute, method), Quote(pythonName), display, nameProblem);
            valid = false;
        }

        var parameters = new List<PythonParameter>();
        foreach (IParameterSymbol parameter in method.Parameters)
        {
            if (ParseParameter(parameter, display, sink) is { } parsed)
            {
                parameters.Add(parsed);
            }
            else
            {
                valid = false;
            }
        }

        PythonValueKind? returnKind = null;
        string? returnProblem = method.ReturnsByRef || method.ReturnsByRefReadonly
            ? "a reference return cannot be held by Python; return the value"
            : null;
        if (returnProblem is null)
        {
            returnKind = PythonTypeResolver.Resolve(method.ReturnType, isReturn: true, out returnProblem);
        }

        // An async method's Task is a consequence of 'async'; making it synchronous fixes both.
        if (returnProblem is not null && !method.IsAsync)
        {
            sink.Report(PythonModuleDescriptors.TypeCannotCrossToPython, SourceLocations.ReturnType(method), "return value", display, Shown(method.ReturnType), returnProblem);
            valid = false;
        }

        bool releasesGil = attribute.NamedArguments.Any(argument => argument is { Key: PythonNames.ReleaseGilProperty, Value.Value: true });
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

        return valid && returnKind is { } kind
            ? new PythonFunction(Identifiers.Escape(method.Name), pythonName!, DocComments.Summary(method, cancellationToken), parameters.ToEquatableArray(), kind, DeprecationReader.Of(method), releasesGil)
            : null;
    }

    private static PythonParameter? ParseParameter(IParameterSymbol parameter, string display, DiagnosticSink sink)
    {
        PythonValueKind? kind = null;
        string? problem = parameter switch
        {
            { IsParams: true } => "a 'params' array is not converted; take a PyObject (a list or a tuple)",
            { RefKind: not RefKind.None } => $"'{RefKeyword(parameter.RefKind)}' passes a reference, which Python cannot give; return the value instead",
            _ => null,
        };
        if (problem is null)
        {
            kind = PythonTypeResolver.Resolve(parameter.Type, isReturn: false, out problem);
        }

        if (problem is not null || kind is not { } resolved)
        {
            sink.Report(PythonModuleDescriptors.TypeCannotCrossToPython, SourceLocations.ParameterType(parameter), $"parameter '{parameter.Name}'", display, Shown(parameter.Type), problem);
            return null;
        }

        bool nullDefault = parameter.HasExplicitDefaultValue && parameter.ExplicitDefaultValue is null;
        if (nullDefault && resolved is not (PythonValueKind.String or PythonValueKind.StringOrNone or PythonValueKind.Capsule or PythonValueKind.CapsuleOrNone or PythonValueKind.Object))
        {
            return null; // a default that is no constant of the type ('double x = double.'): the compiler reports it
        }

        // A default of null where the type is not declared nullable ('Capsule capsule = null') says the method takes null:
        // Python's None then passes it too, as the text signature's 'capsule=None' promises.
        bool forgivesNull = nullDefault && resolved is (PythonValueKind.String or PythonValueKind.Capsule);
        if (forgivesNull)
        {
            resolved = resolved == PythonValueKind.String ? PythonValueKind.StringOrNone : PythonValueKind.CapsuleOrNone;
        }

        PythonTypeResolver.TryDefault(parameter, resolved, out string? csharpDefault, out string? pythonDefault);
        return new PythonParameter(Identifiers.Escape(parameter.Name), resolved, PythonTypeResolver.ManagedType(resolved), csharpDefault, pythonDefault, forgivesNull);
    }

    /// <summary>Every capsule exported in the module's class that becomes a module attribute, with what reads it.</summary>
    private static IEnumerable<(PythonModuleCapsule Capsule, string Owner, Location? Where)> ExportedCapsules(INamedTypeSymbol type, string moduleName)
    {
        // The module's class may itself be the table of a C API ([ExportCapsule("M._C_API")] with [CapsuleSlot] methods).
        if (Attributes.Find(type, KnownNames.ExportCapsuleAttribute) is { } own &&
            TableExportParser.Parse(type, own, DiagnosticSink.None) is { } api &&
            PythonNames.AttributeFor(api.CapsuleName, moduleName) is { } apiAttribute)
        {
            yield return (new PythonModuleCapsule(apiAttribute, api.TypeName + "Capsule", Deprecation.None), type.Name, SourceLocations.AttributeArgument(own, type));
        }

        foreach (ISymbol member in type.GetMembers())
        {
            if (Attributes.Find(member, KnownNames.ExportCapsuleAttribute) is not { } export)
            {
                continue;
            }

            // Invalid exports generate no capsule property; the capsule analyzer reports them. A
            // property whose signature names a type obsolete as an error is itself obsolete.
            (string? capsuleName, string? property, Deprecation deprecation) = member switch
            {
                IMethodSymbol method when ExportParser.Parse(method, export, DiagnosticSink.None) is { } function =>
                    (function.CapsuleName, function.PropertyName, function.Signature.TypesDeprecation.ObsoleteAsError ? s_obsoleteProperty : Deprecation.None),
                INamedTypeSymbol nested when TableExportParser.Parse(nested, export, DiagnosticSink.None) is { } table =>
                    (table.CapsuleName, Identifiers.Escape(nested.Name) + "." + table.TypeName + "Capsule", DeprecationReader.Of(nested)),
                _ => (null, null, Deprecation.None),
            };

            if (property is not null && PythonNames.AttributeFor(capsuleName, moduleName) is { } attribute)
            {
                yield return (new PythonModuleCapsule(attribute, property, deprecation), type.Name + "." + member.Name, SourceLocations.AttributeArgument(export, member));
            }
        }
    }

    /// <summary>Takes <paramref name="name"/> for one member of the module; reports a clash if another already has it.</summary>
    private static bool Claim(Dictionary<string, string> members, string name, string owner, string moduleName, Location? where, DiagnosticSink sink)
    {
        if (members.TryGetValue(name, out string? existing))
        {
            sink.Report(PythonModuleDescriptors.DuplicateName, where, moduleName, name, existing);
            return false;
        }

        members[name] = owner;
        return true;
    }

    private static string Shown(ITypeSymbol type) => type.ToDisplayString(SymbolDisplayFormat.MinimallyQualifiedFormat);

    private static string RefKeyword(RefKind kind) => kind switch { RefKind.Out => "out", RefKind.In => "in", _ => "ref" };

    private static string Quote(string? name) => name is null ? "null" : "\"" + name + "\"";
}
