using System.Collections.Generic;
using System.Linq;
using CapsuleGen.Generator.Emitting;
using CapsuleGen.Generator.Model;

namespace CapsuleGen.Generator.PythonModules;

/// <summary>
/// Writes a <c>[PythonClass]</c> class's Python type, in a file of its own: a private class nested in the
/// module's class that holds the <c>PythonType</c> and the wrappers CPython calls for its constructor,
/// methods and attributes, each of which converts as a module function does.
/// </summary>
internal static class PythonClassEmitter
{
    public const string Kind = "PythonClass";

    /// <summary>The class in the holder whose fields are the signatures: no wrapper has its name, as every wrapper's has an underscore.</summary>
    public const string SignaturesClass = "Signatures";

    private const string IntPtr = RuntimeNames.IntPtr;

    public static string Emit(PythonModule module, PythonClass type, bool clsCompliant)
    {
        Deprecation deprecation = type.Methods.Select(method => method.Deprecation)
            .Concat(type.Properties.Select(property => property.Deprecation))
            .Append(type.Constructor?.Deprecation ?? Deprecation.None)
            .Aggregate(type.Reference.Deprecation, (all, one) => all.Union(one));
        SourceWriter writer = FileScaffold.Open(module.Location, "unsafe", deprecation, clsCompliant);
        string qualified = module.ModuleName + "." + type.PythonName;
        writer.Line("/// <summary>");
        writer.Line($"/// The Python type <c>{qualified}</c>, whose instances each own a <c>{type.ClassName}</c>: the type and the methods CPython calls.");
        writer.Line("/// </summary>");
        writer.Line(RuntimeNames.GeneratedMember);
        writer.OpenBlock($"private static class {type.HolderName}");
        WriteType(writer, type, qualified);

        PythonFunction[] withSignatures = type.Methods.Where(method => method.Parameters.Count > 0).Prepend(type.Constructor).OfType<PythonFunction>().ToArray();
        if (withSignatures.Length > 0)
        {
            writer.Line();
            writer.Line($"/// <summary>How the constructor and methods of <c>{qualified}</c> take their arguments.</summary>");
            writer.OpenBlock($"private static class {SignaturesClass}");
            foreach (PythonFunction function in withSignatures)
            {
                string prefix = function.Callee == PythonCallee.Constructor ? module.ModuleName + "." : qualified + ".";
                writer.Line($"internal static readonly {RuntimeNames.PythonSignature} {function.WrapperName} = {PythonModuleEmitter.Signature(prefix, function)};");
            }

            writer.CloseBlock();
        }

        WrapperSite site = WrapperSite.Of(module, type);
        if (type.Constructor is { } constructor)
        {
            writer.Line();
            PythonModuleEmitter.WriteWrapper(writer, site with { Prefix = module.ModuleName + "." }, constructor);
        }

        foreach (PythonFunction method in type.Methods)
        {
            writer.Line();
            PythonModuleEmitter.WriteWrapper(writer, site, method);
        }

        foreach (PythonClassProperty property in type.Properties)
        {
            writer.Line();
            WriteGetter(writer, type, qualified, property);
            if (property.Settable)
            {
                writer.Line();
                WriteSetter(writer, type, qualified, property);
            }
        }

        writer.CloseBlock();
        return FileScaffold.Close(writer, module.Location);
    }

    private static void WriteType(SourceWriter writer, PythonClass type, string qualified)
    {
        writer.Line("/// <summary>The type, made once per process, when a module object is made or an instance is returned.</summary>");
        writer.Line($"internal static readonly {RuntimeNames.PythonType} Type = new(");
        writer.Indent();
        writer.Line($"{CSharpText.Literal(qualified)},");
        string? doc = type.Constructor is { } constructor ? PythonModuleEmitter.Docstring(constructor with { Doc = type.Doc }, bound: null) : type.Doc;
        writer.Line($"{CSharpText.Literal(doc)},");
        writer.Line(type.Constructor is { } made ? $"({IntPtr})(delegate* unmanaged[Cdecl]<{IntPtr}, {IntPtr}, {IntPtr}, {IntPtr}>)&{made.WrapperName}," : "0, // Python cannot make instances: the class has no public constructor");
        PythonModuleEmitter.WriteArray(writer, RuntimeNames.PythonMethod, type.Methods.Select(Method), last: false);
        PythonModuleEmitter.WriteArray(writer, RuntimeNames.PythonProperty, type.Properties.Select(property =>
            $"new({CSharpText.Literal(property.PythonName)}, ({IntPtr})(delegate* unmanaged[Cdecl]<{IntPtr}, {IntPtr}, {IntPtr}>)&{property.GetterName}, " +
            (property.Settable ? $"({IntPtr})(delegate* unmanaged[Cdecl]<{IntPtr}, {IntPtr}, {IntPtr}, int>)&{property.SetterName}" : "0") +
            $", {CSharpText.Literal(property.Doc)})"), last: false);
        writer.Line($"representsWithToString: {(type.RepresentsWithToString ? "true" : "false")});");
        writer.Outdent();
    }

    private static string Method(PythonFunction method)
    {
        bool isStatic = method.Callee == PythonCallee.StaticMethod;
        string kind = (isStatic ? "Static" : string.Empty) + (method.Parameters.Count == 0 ? "NoArguments" : "FastCallWithKeywords");
        string doc = PythonModuleEmitter.Docstring(method, isStatic ? null : "self");
        return $"new({CSharpText.Literal(method.PythonName)}, ({IntPtr})({PythonModuleEmitter.FunctionPointerType(method)})&{method.WrapperName}, {RuntimeNames.PythonMethodKind}.{kind}, {CSharpText.Literal(doc)})";
    }

    private static void WriteGetter(SourceWriter writer, PythonClass type, string qualified, PythonClassProperty property)
    {
        string attribute = CSharpText.Literal(qualified + "." + property.PythonName);
        string value = $"{RuntimeNames.PythonType}.Target<{type.Reference.ManagedType}>(self).{property.PropertyName}";
        WriteHeader(writer, $"<c>{qualified}.{property.PythonName}</c> as CPython reads it: converts <c>{property.PropertyName.TrimStart('@')}</c>.", property.Deprecation);
        writer.OpenBlock($"private static {IntPtr} {property.GetterName}({IntPtr} self, {IntPtr} closure)");
        writer.OpenBlock("try");
        WriteFailure(writer, $"!{RuntimeNames.PythonCall}.Enter({attribute})", "0");
        writer.Line(property.Class is { } reference ? $"return {reference.TypeField}.Wrap({value});" : $"return {RuntimeNames.PythonResults}.From({value});");
        writer.CloseBlock();
        writer.OpenBlock($"catch ({RuntimeNames.Exception} exception)");
        writer.Line($"return {RuntimeNames.PythonCall}.Raise(exception);");
        writer.CloseBlock();
        writer.CloseBlock();
    }

    private static void WriteSetter(SourceWriter writer, PythonClass type, string qualified, PythonClassProperty property)
    {
        string attribute = CSharpText.Literal(qualified + "." + property.PythonName);
        var converted = new PythonParameter("converted", "value", property.Kind, property.ManagedType, null, null, Class: property.Class);
        WriteHeader(writer, $"<c>{qualified}.{property.PythonName}</c> as CPython sets it: converts the value and sets <c>{property.PropertyName.TrimStart('@')}</c>.", property.Deprecation);
        writer.OpenBlock($"private static int {property.SetterName}({IntPtr} self, {IntPtr} value, {IntPtr} closure)");
        writer.OpenBlock("try");
        WriteFailure(writer, $"!{RuntimeNames.PythonCall}.Enter({attribute})", "-1");
        writer.OpenBlock("if (value == 0)");
        writer.Line($"return {type.Reference.TypeField}.RefuseDelete({CSharpText.Literal(property.PythonName)});");
        writer.CloseBlock();
        writer.Line();
        WriteFailure(writer, "!" + PythonModuleEmitter.Conversion(converted, "value", attribute, $"out {property.ManagedType} converted"), "-1");
        writer.Line($"{RuntimeNames.PythonType}.Target<{type.Reference.ManagedType}>(self).{property.PropertyName} = converted;");
        writer.Line("return 0;");
        writer.CloseBlock();
        writer.OpenBlock($"catch ({RuntimeNames.Exception} exception)");
        writer.Line($"{RuntimeNames.PythonCall}.Raise(exception);");
        writer.Line("return -1;");
        writer.CloseBlock();
        writer.CloseBlock();
    }

    private static void WriteHeader(SourceWriter writer, string summary, Deprecation deprecation)
    {
        writer.Line($"/// <summary>{summary}</summary>");
        if (deprecation.Obsolete)
        {
            writer.Line(FileScaffold.ObsoleteContext);
        }

        writer.Line(RuntimeNames.GeneratedMember);
        writer.Line($"[{RuntimeNames.UnmanagedCallersOnlyCdecl})]");
    }

    /// <summary>Writes <c>if (failed) return failure;</c>: every failed check has already set a Python exception.</summary>
    private static void WriteFailure(SourceWriter writer, string failed, string failure)
    {
        writer.OpenBlock($"if ({failed})");
        writer.Line($"return {failure};");
        writer.CloseBlock();
        writer.Line();
    }
}
