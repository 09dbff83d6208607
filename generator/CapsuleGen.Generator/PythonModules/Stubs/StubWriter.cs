using System.Collections.Generic;
using System.Linq;
using System.Text;
using CapsuleGen.Generator.Emitting;

namespace CapsuleGen.Generator.PythonModules.Stubs;

/// <summary>
/// Writes a module's type stub (<c>&lt;module&gt;.pyi</c>): each function with its parameters' names,
/// kinds, defaults and types as <c>inspect.signature</c> shows them, each capsule attribute, and the
/// few helper types those name, declared only when used.
/// </summary>
internal static class StubWriter
{
    public static string Write(PythonModule module)
    {
        string[] memberNames = module.Functions.Select(function => function.PythonName)
            .Concat(module.Capsules.Select(capsule => capsule.AttributeName))
            .Concat(module.Classes.Select(type => type.PythonName))
            .Concat(module.Classes.SelectMany(type => type.Methods.Select(method => method.PythonName).Concat(type.Properties.Select(property => property.PythonName))))
            .ToArray();
        var names = new StubNames(memberNames);
        var types = new StubTypes(names, module, memberNames);

        // The members first, so that what they use is known when the helpers are written; blocks are separated by a blank line.
        var members = new List<string>();
        if (module.Capsules.Count > 0)
        {
            members.Add(string.Concat(module.Capsules.Select(capsule => $"{capsule.AttributeName}: {types.Capsule()}\n")));
        }

        members.AddRange(module.Functions.Select(function => Function(function, types, indent: string.Empty)));
        members.AddRange(module.Classes.Select(type => Class(type, types)));
        if (types.UsesArray || types.UsesTensor)
        {
            types.Capsule(); // what __dlpack__ returns
        }

        var blocks = new List<string>();
        if (module.Doc is not null)
        {
            blocks.Add(Docstring(module.Doc) + "\n");
        }

        List<string> helpers = Helpers(names, types).ToList(); // before the imports, which depend on what they name
        blocks.Add($"# The module {module.ModuleName} as CapsuleGen generated it from C#.\n{Imports(names, types)}");
        blocks.AddRange(helpers);
        blocks.AddRange(members);
        return string.Join("\n", blocks);
    }

    /// <summary>
    /// A type: its constructor as <c>__init__</c> (none when Python cannot make instances), its properties, and its
    /// methods. Comparison, hashing and <c>repr</c> are <c>object</c>'s as the stub of every class has them.
    /// </summary>
    private static string Class(PythonClass type, StubTypes types)
    {
        var body = new StringBuilder();
        if (type.Doc is not null)
        {
            body.Append("    ").Append(Docstring(type.Doc)).Append('\n');
        }

        if (type.Constructor is not null)
        {
            body.Append(Function(type.Constructor, types, "    ", name: "__init__", self: true));
        }

        foreach (PythonClassProperty property in type.Properties)
        {
            string value = types.Property(property);
            string getter = $"    @{types.Builtin("property")}\n    def {property.PythonName}(self) -> {value}:";
            body.Append(property.Doc is null ? getter + " ...\n" : $"{getter}\n        {Docstring(property.Doc)}\n");
            if (property.Settable)
            {
                body.Append($"    @{property.PythonName}.setter\n    def {property.PythonName}(self, value: {value}) -> None: ...\n");
            }
        }

        foreach (PythonFunction method in type.Methods)
        {
            bool instance = method.Callee == PythonCallee.InstanceMethod;
            body.Append(instance ? string.Empty : $"    @{types.Builtin("staticmethod")}\n").Append(Function(method, types, "    ", self: instance));
        }

        return $"class {type.PythonName}:\n{(body.Length == 0 ? "    ...\n" : body.ToString())}";
    }

    private static string Function(PythonFunction function, StubTypes types, string indent, string? name = null, bool self = false)
    {
        List<string> parameters = ParameterLayout.Write(function, parameter =>
            $"{parameter.PythonName}: {types.Parameter(parameter)}{(parameter.PythonDefault is null ? string.Empty : " = " + StubDefault(parameter.PythonDefault))}");
        if (self)
        {
            parameters.Insert(0, ParameterLayout.Bound(function, "self"));
        }

        string result = name == "__init__" ? "None" : types.Result(function.ReturnKind, function.ReturnClass);
        string def = $"{indent}def {name ?? function.PythonName}({string.Join(", ", parameters)}) -> {result}:";
        return function.Doc is null ? def + " ...\n" : $"{def}\n{indent}    {Docstring(function.Doc)}\n";
    }

    /// <summary>
    /// A default as the stub shows it: the text signature's literal, except the expressions it spells infinity and
    /// NaN with, which a stub writes as <c>...</c> (a stub's defaults are documentation; type checkers read only literals).
    /// </summary>
    private static string StubDefault(string pythonDefault) => pythonDefault.Contains("1e999") ? "..." : pythonDefault;

    /// <summary>A docstring as a plain Python string literal (a stub is UTF-8), every character that could end it or hide escaped.</summary>
    private static string Docstring(string doc) => CSharpText.QuotedLiteral(doc, '"', asciiOnly: false);

    private static string Imports(StubNames names, StubTypes types)
    {
        var imports = new StringBuilder();
        if (types.UsesBuiltins)
        {
            imports.Append($"import builtins as {names.Builtins}\n");
        }

        if (types.UsesCapsule || types.UsesArray)
        {
            imports.Append($"import sys as {names.Sys}\n");
        }

        var typing = new List<string>();
        if (types.UsesAny || types.UsesCapsule)
        {
            typing.Add($"Any as {names.Any}");
        }

        if (types.UsesArray || types.UsesTensor)
        {
            typing.Add($"Protocol as {names.Protocol}");
        }

        if (typing.Count > 0)
        {
            imports.Append($"from typing import {string.Join(", ", typing)}\n");
        }

        return imports.ToString();
    }

    private static IEnumerable<string> Helpers(StubNames names, StubTypes types)
    {
        if (types.UsesCapsule)
        {
            yield return
                $"if {names.Sys}.version_info >= (3, 13):\n" +
                $"    from types import CapsuleType as {names.Capsule}\n" +
                "else:\n" +
                $"    {names.Capsule} = {names.Any}\n";
        }

        if (types.UsesArray)
        {
            yield return
                $"if {names.Sys}.version_info >= (3, 12):\n" +
                $"    from collections.abc import Buffer as {names.Buffer}\n" +
                "else:\n" +
                $"    from typing_extensions import Buffer as {names.Buffer}\n";
            yield return
                $"class {names.DLPackProducer}({names.Protocol}):\n" +
                $"    def __dlpack__(self, *, stream: {types.Builtin("int")} | None = None) -> {names.Capsule}: ...\n" +
                $"    def __dlpack_device__(self) -> {Device(types)}: ...\n";
            yield return
                "# An array: anything with the buffer protocol (NumPy, array.array, bytes, memoryview) or with __dlpack__ (torch).\n" +
                $"{names.Array} = {names.Buffer} | {names.DLPackProducer}\n";
        }

        if (types.UsesTensor)
        {
            string device = Device(types);
            yield return
                "# capsulegen.DLPackTensor: memory from C#, read with numpy.from_dlpack, torch.from_dlpack or memoryview.\n" +
                $"class {names.Tensor}({names.Protocol}):\n" +
                $"    def __dlpack__(self, *, stream: {types.Builtin("int")} | None = None, max_version: {device} | None = None, " +
                $"dl_device: {device} | None = None, copy: {types.Builtin("bool")} | None = None) -> {names.Capsule}: ...\n" +
                $"    def __dlpack_device__(self) -> {device}: ...\n" +
                $"    def __buffer__(self, flags: {types.Builtin("int")}, /) -> {types.Builtin("memoryview")}: ...\n";
        }
    }

    /// <summary>A DLPack device or version: a pair of ints.</summary>
    private static string Device(StubTypes types) => $"{types.Builtin("tuple")}[{types.Builtin("int")}, {types.Builtin("int")}]";
}
