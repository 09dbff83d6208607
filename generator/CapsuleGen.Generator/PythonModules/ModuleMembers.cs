using System.Collections.Generic;
using CapsuleGen.Generator.Diagnostics;
using Microsoft.CodeAnalysis;

namespace CapsuleGen.Generator.PythonModules;

/// <summary>
/// The names a module's attributes take, each held by one owner: the attributes CPython sets or reads
/// on every module, then functions, then types, then capsules; or the names of a type's attributes. A
/// second claim on a name is reported where it is made.
/// </summary>
internal sealed class ModuleMembers
{
    private readonly Dictionary<string, string> _owners;
    private readonly string _moduleName;
    private readonly DiagnosticSink _sink;
    private readonly DiagnosticDescriptor _duplicate;

    public ModuleMembers(string moduleName, DiagnosticSink sink)
        : this(moduleName, sink, PythonModuleDescriptors.DuplicateName, PythonNames.ModuleAttributes)
    {
    }

    private ModuleMembers(string moduleName, DiagnosticSink sink, DiagnosticDescriptor duplicate, IReadOnlyDictionary<string, string> reserved)
    {
        _owners = new Dictionary<string, string>(reserved.Count, System.StringComparer.Ordinal);
        foreach (KeyValuePair<string, string> attribute in reserved)
        {
            _owners[attribute.Key] = attribute.Value;
        }

        _moduleName = moduleName;
        _sink = sink;
        _duplicate = duplicate;
    }

    /// <summary>The names of a type's methods and attributes (<c>__dunder__</c> names are refused before they are claimed).</summary>
    public static ModuleMembers OfType(string typeName, DiagnosticSink sink) =>
        new(typeName, sink, PythonModuleDescriptors.DuplicateClassMember, new Dictionary<string, string>());

    /// <summary>A function's owner as a clash names it: <c>the function 'Bird.SetQuack'</c>.</summary>
    public static string FunctionOwner(string typeName, string methodName) => $"the function '{typeName.TrimStart('@')}.{methodName.TrimStart('@')}'";

    /// <summary>Takes <paramref name="name"/> for <paramref name="owner"/>; false, with the clash reported, if another has it.</summary>
    public bool Claim(string name, string owner, Location? where)
    {
        if (_owners.TryGetValue(name, out string? existing))
        {
            _sink.Report(_duplicate, where, _moduleName, name, existing);
            return false;
        }

        _owners[name] = owner;
        return true;
    }
}
