using System.Collections.Generic;
using System.Linq;
using CapsuleGen.Generator.Diagnostics;
using CapsuleGen.Generator.Model;
using Microsoft.CodeAnalysis;

namespace CapsuleGen.Generator.PythonModules;

/// <summary>A capsule export of the module's class, read from the capsule pipeline's model, that may become a module attribute.</summary>
/// <param name="Capsule">The attribute it becomes.</param>
/// <param name="Owner">The export as a clash names it: <c>the capsule of 'CppDuck.Quack'</c>.</param>
/// <param name="Where">Where a clash is reported (the analyzer knows; the generator reports nothing).</param>
internal readonly record struct CapsuleCandidate(PythonModuleCapsule Capsule, string Owner, Location? Where);

/// <summary>
/// Gives a parsed module the capsules its class exports, from the models the capsule pipeline made
/// of them: an exported method's capsule, an exported table class nested in the module's class, or
/// the module's class itself as a table. A capsule becomes an attribute when its name, without a
/// leading <c>&lt;module&gt;.</c>, is a Python name; invalid exports have no model, and the capsule
/// analyzer says why.
/// </summary>
internal static class PythonModuleCapsules
{
    /// <summary>What naming a generated property marked with <see cref="Emitting.FileScaffold.ObsoleteContext"/> raises.</summary>
    private static readonly Deprecation s_obsoleteProperty = new(Obsolete: true, ObsoleteAsError: false, EquatableArray<string>.Empty);

    /// <summary>The module with its capsules, or null if one of them takes a name another member has (reported to <paramref name="sink"/>).</summary>
    public static PythonModule? Attach(PythonModule module, IEnumerable<CapsuleCandidate> candidates, DiagnosticSink sink)
    {
        var members = new ModuleMembers(module.ModuleName, sink);
        string typeName = ModuleTypeName(module);
        foreach (PythonFunction function in module.Functions)
        {
            members.Claim(function.PythonName, ModuleMembers.FunctionOwner(typeName, function.MethodName), where: null);
        }

        bool valid = true;
        var capsules = new List<PythonModuleCapsule>();
        foreach (CapsuleCandidate candidate in candidates)
        {
            if (members.Claim(candidate.Capsule.AttributeName, candidate.Owner, candidate.Where))
            {
                capsules.Add(candidate.Capsule);
            }
            else
            {
                valid = false;
            }
        }

        // Ordered by name, so that the order the pipeline collects exports in does not matter.
        return valid
            ? module with { Capsules = capsules.OrderBy(capsule => capsule.AttributeName, System.StringComparer.Ordinal).ToEquatableArray() }
            : null;
    }

    /// <summary>The candidates among every export of the compilation: those declared in the module's class.</summary>
    public static IEnumerable<CapsuleCandidate> In(PythonModule module, IEnumerable<ExportedFunction> functions, IEnumerable<ExportedTable> tables) =>
        tables.Where(table => table.Location == module.Location).Select(table => Of(module, table, where: null))
            .Concat(functions.Where(function => function.Location == module.Location).Select(function => Of(module, function, where: null)))
            .Concat(tables.Where(table => table.Location.IsNestedDirectlyIn(module.Location)).Select(table => Of(module, table, where: null)))
            .Where(candidate => candidate is not null)
            .Select(candidate => candidate!.Value);

    /// <summary>An exported method's capsule; its property is obsolete when its signature names a type obsolete as an error.</summary>
    public static CapsuleCandidate? Of(PythonModule module, ExportedFunction function, Location? where) =>
        PythonNames.AttributeFor(function.CapsuleName, module.ModuleName) is { } attribute
            ? new CapsuleCandidate(
                new PythonModuleCapsule(attribute, function.PropertyName, function.Signature.TypesDeprecation.ObsoleteAsError ? s_obsoleteProperty : Deprecation.None),
                $"the capsule of '{ModuleTypeName(module)}.{function.MethodName.TrimStart('@')}'",
                where)
            : null;

    /// <summary>An exported table's capsule: the module's class itself, or a class nested in it, whose own deprecation its property has.</summary>
    public static CapsuleCandidate? Of(PythonModule module, ExportedTable table, Location? where)
    {
        if (PythonNames.AttributeFor(table.CapsuleName, module.ModuleName) is not { } attribute)
        {
            return null;
        }

        bool own = table.Location == module.Location;
        string property = own ? table.PropertyName : table.Location.Types[table.Location.Types.Count - 1].Name + "." + table.PropertyName;
        return new CapsuleCandidate(
            new PythonModuleCapsule(attribute, property, own ? Deprecation.None : table.ClassDeprecation),
            $"the capsule of '{(own ? ModuleTypeName(module) : ModuleTypeName(module) + "." + table.TypeName)}'",
            where);
    }

    private static string ModuleTypeName(PythonModule module) => module.Location.Types[module.Location.Types.Count - 1].Name.TrimStart('@');
}
