using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using CapsuleGen.Generator.Emitting;
using CapsuleGen.Generator.Model;
using CapsuleGen.Generator.Parsing;

namespace CapsuleGen.Generator.PythonModules;

/// <summary>
/// Writes a module's <c>PyInit_&lt;name&gt;</c> entry point and one wrapper per function, named
/// as a C extension would name them (<c>Bird_setQuack</c>). A wrapper converts each argument,
/// calls the method, converts the result, and turns any exception into a Python exception.
/// </summary>
internal static class PythonModuleEmitter
{
    private const string UnmanagedCallersOnly = RuntimeNames.UnmanagedCallersOnlyCdecl;

    public const string Kind = "PythonModule";

    private const string IntPtr = RuntimeNames.IntPtr;

    /// <summary>The module's files: its entry point and functions, then one per type.</summary>
    public static IEnumerable<GeneratedSource> Files(PythonModule module, bool clsCompliant) =>
        module.Classes.Select(type => new GeneratedSource(module.Location.FullName + "." + type.ClassName, PythonClassEmitter.Kind, PythonClassEmitter.Emit(module, type, clsCompliant)))
            .Prepend(new GeneratedSource(module.Location.FullName, Kind, Emit(module, clsCompliant)))
            .Append(new GeneratedSource(module.Location.FullName, Stubs.StubEmitter.Kind, Stubs.StubEmitter.Emit(module, clsCompliant)));

    public static string Emit(PythonModule module, bool clsCompliant)
    {
        // What the wrappers call and the entry point reads may be obsolete or experimental: the user's choice, not the file's.
        Deprecation deprecation = module.Functions.Select(function => function.Deprecation)
            .Concat(module.Capsules.Select(capsule => capsule.Deprecation))
            .Concat(module.Classes.Select(type => type.Reference.Deprecation))
            .Aggregate(Deprecation.None, (all, one) => all.Union(one));
        SourceWriter writer = FileScaffold.Open(module.Location, "unsafe", deprecation, clsCompliant);
        WriteEntryPoint(writer, module);
        WrapperSite site = WrapperSite.Of(module);
        foreach (PythonFunction function in module.Functions)
        {
            writer.Line();
            WriteWrapper(writer, site, function);
        }

        return FileScaffold.Close(writer, module.Location);
    }

    /// <summary>
    /// Writes the entry point in a nested class of its own: a method of the module's class would run that
    /// class's static constructor before its first statement, so an exception thrown there would escape
    /// to CPython and end the process. From the nested class the constructor runs inside the <c>try</c>,
    /// and a failure becomes <c>ImportError</c>.
    /// </summary>
    private static void WriteEntryPoint(SourceWriter writer, PythonModule module)
    {
        string moduleClass = module.Location.FullyQualifiedName;
        writer.Line("/// <summary>");
        writer.Line($"/// The entry point CPython calls when it imports <c>{module.ModuleName}</c> from <c>{module.ModuleName}.so</c>: creates the module.");
        writer.Line("/// </summary>");
        writer.Line(RuntimeNames.GeneratedMember);
        writer.OpenBlock($"private static class {module.EntryPointClass}");
        foreach (PythonFunction function in module.Functions.Where(function => function.Parameters.Count > 0))
        {
            writer.Line($"/// <summary>How <c>{module.ModuleName}.{function.PythonName}</c> takes its arguments.</summary>");
            writer.Line($"internal static readonly {RuntimeNames.PythonSignature} {function.WrapperName} = {Signature(module.ModuleName + ".", function)};");
            writer.Line();
        }

        writer.Line($"[{UnmanagedCallersOnly}, EntryPoint = {CSharpText.Literal(module.EntryPoint)})]");
        writer.OpenBlock($"public static {IntPtr} Create()");
        writer.OpenBlock("try");
        writer.Line($"{RuntimeNames.RunClassConstructor}(typeof({moduleClass}).TypeHandle);");
        writer.Line($"return {RuntimeNames.ExtensionModule}.Create(");
        writer.Indent();
        writer.Line($"{CSharpText.Literal(module.ModuleName)},");
        writer.Line($"{CSharpText.Literal(module.Doc)},");
        WriteArray(writer, RuntimeNames.PythonMethod, module.Functions.Select(function =>
            $"new({CSharpText.Literal(function.PythonName)}, ({IntPtr})({FunctionPointerType(function)})&{moduleClass}.{function.WrapperName}, " +
            $"{RuntimeNames.PythonMethodKind}.{(function.Parameters.Count == 0 ? "NoArguments" : "FastCallWithKeywords")}, {CSharpText.Literal(Docstring(function, "module"))})"), last: false);
        WriteArray(writer, RuntimeNames.PythonModuleCapsule, module.Capsules.Select(capsule =>
            $"new({CSharpText.Literal(capsule.AttributeName)}, {(capsule.NeedsReader ? capsule.ReaderName + "()" : moduleClass + "." + capsule.Property)})"), last: module.Classes.Count == 0);
        if (module.Classes.Count > 0)
        {
            WriteArray(writer, RuntimeNames.PythonType, module.Classes.Select(type => type.Reference.TypeField), last: true);
        }

        writer.Outdent();
        writer.CloseBlock();
        writer.OpenBlock($"catch ({RuntimeNames.Exception} exception)");
        writer.Line($"return {RuntimeNames.ExtensionModule}.Fail({CSharpText.Literal(module.ModuleName)}, exception);");
        writer.CloseBlock();
        writer.CloseBlock();
        foreach (PythonModuleCapsule capsule in module.Capsules.Where(capsule => capsule.NeedsReader))
        {
            writer.Line();
            WriteReader(writer, moduleClass, capsule);
        }

        writer.CloseBlock();
    }

    internal static void WriteArray(SourceWriter writer, string type, IEnumerable<string> items, bool last)
    {
        string end = last ? ");" : ",";
        string[] elements = items.ToArray();
        if (elements.Length == 0)
        {
            writer.Line($"global::System.Array.Empty<{type}>(){end}");
            return;
        }

        writer.Line($"new {type}[]");
        writer.Line("{");
        writer.Indent();
        foreach (string element in elements)
        {
            writer.Line(element + ",");
        }

        writer.Outdent();
        writer.Line("}" + end);
    }

    /// <summary>Writes the wrapper CPython calls for a module function, or a type's method or constructor.</summary>
    internal static void WriteWrapper(SourceWriter writer, WrapperSite site, PythonFunction function)
    {
        string qualified = CSharpText.Literal(site.Prefix + function.PythonName);
        bool constructor = function.Callee == PythonCallee.Constructor;

        // The wrapper's own parameters and locals share a scope with the method's parameters, and
        // one named like the method would hide it.
        string method = function.MethodName.TrimStart('@');
        var taken = new HashSet<string>(function.Parameters.Select(parameter => parameter.PlainName)) { method };
        string self = Identifiers.Take(function.Callee switch { PythonCallee.ModuleFunction => "module", PythonCallee.Constructor => "type", _ => "self" }, taken);
        string args = Identifiers.Take("args", taken);
        string count = Identifiers.Take(constructor ? "kwargs" : "count", taken);
        string keywords = constructor ? string.Empty : Identifiers.Take("keywords", taken);
        string given = Identifiers.Take("given", taken);
        string arguments = Identifiers.Take("arguments", taken);
        string unused = Identifiers.Take("unused", taken);
        string exception = Identifiers.Take("exception", taken);

        string target = constructor ? $"the constructor of <c>{site.ShownClass}</c>" : $"<c>{method}</c>";
        writer.Line("/// <summary>");
        writer.Line($"/// <c>{site.Prefix}{function.PythonName}</c> as CPython calls it: converts the arguments, calls {target} and converts its result.");
        writer.Line("/// </summary>");
        if (function.Deprecation.Obsolete)
        {
            writer.Line(FileScaffold.ObsoleteContext); // it calls an obsolete method, which only obsolete code names without a diagnostic
        }

        writer.Line(RuntimeNames.GeneratedMember);
        writer.Line($"[{UnmanagedCallersOnly})]");
        string parameters = constructor ? $"{IntPtr} {self}, {IntPtr} {args}, {IntPtr} {count}"
            : function.Parameters.Count == 0 ? $"{IntPtr} {self}, {IntPtr} {unused}"
            : $"{IntPtr} {self}, {IntPtr}* {args}, {IntPtr} {count}, {IntPtr} {keywords}";
        writer.OpenBlock($"private static {IntPtr} {function.WrapperName}({parameters})");

        // Capsule arguments are handles lent for the call, released in the finally below, however the call ends.
        PythonParameter[] lent = function.Parameters.Where(parameter => parameter.Kind is PythonValueKind.Capsule or PythonValueKind.CapsuleOrNone).ToArray();
        foreach (PythonParameter capsule in lent)
        {
            writer.Line($"{RuntimeNames.Capsule}? {capsule.Name} = null;");
        }

        // Array arguments hold a buffer or a consumed tensor for the call, given back in the same finally.
        var arrays = function.Parameters.Where(parameter => parameter.Kind.IsArray())
            .ToDictionary(parameter => parameter, parameter => Identifiers.Take(parameter.PlainName + "Array", taken));
        foreach (string array in arrays.Values)
        {
            writer.Line($"{RuntimeNames.ArrayArgument} {array} = default;");
        }

        if (lent.Length > 0 || arrays.Count > 0)
        {
            writer.Line();
        }

        writer.OpenBlock("try");
        if (function.Parameters.Count == 0)
        {
            WriteCheck(writer, constructor ? $"!{RuntimeNames.PythonCall}.Enter({site.Signatures}.{function.WrapperName}, {args}, {count})" : $"!{RuntimeNames.PythonCall}.Enter({qualified})");
        }
        else
        {
            // Each parameter's argument, or zero where the call left it to its default.
            string signature = $"{site.Signatures}.{function.WrapperName}";
            string passed = constructor ? $"{args}, {count}" : $"{args}, {count}, {keywords}";
            writer.Line($"{IntPtr}* {given} = stackalloc {IntPtr}[{Number(function.Parameters.Count)}];");
            writer.Line($"{IntPtr}* {arguments} = {RuntimeNames.PythonCall}.Enter({signature}, {passed}, {given});");
            WriteCheck(writer, $"{arguments} == null");
        }

        for (int i = 0; i < function.Parameters.Count; i++)
        {
            PythonParameter parameter = function.Parameters[i];
            string argument = $"{arguments}[{Number(i)}]";
            if (parameter.Kind == PythonValueKind.Object)
            {
                // Any object is accepted as it is. The handle lives for the call; a method that keeps the object takes its own reference.
                string take = $"{RuntimeNames.PythonArguments}.Object({argument})";
                writer.Line(parameter.DefaultValue is null
                    ? $"using {parameter.ManagedType} {parameter.Name} = {take};"
                    : $"using {parameter.ManagedType} {parameter.Name} = {argument} != 0 ? {take} : {parameter.DefaultValue};");
                writer.Line();
            }
            else if (lent.Contains(parameter))
            {
                string take = Conversion(parameter, argument, qualified, $"out {parameter.Name}");
                WriteCheck(writer, parameter.DefaultValue is null ? "!" + take : $"{argument} != 0 && !{take}");
            }
            else if (parameter.DefaultValue is null)
            {
                string output = arrays.TryGetValue(parameter, out string? array) ? $"ref {array}, out " : "out ";
                WriteCheck(writer, "!" + Conversion(parameter, argument, qualified, $"{output}{parameter.ManagedType} {parameter.Name}"));
            }
            else
            {
                string output = arrays.TryGetValue(parameter, out string? array) ? $"ref {array}, out " : "out ";
                writer.Line($"{parameter.ManagedType} {parameter.Name} = {parameter.DefaultValue};");
                WriteCheck(writer, $"{argument} != 0 && !" + Conversion(parameter, argument, qualified, $"{output}{parameter.Name}"));
            }
        }

        // A parameter named like the method hides it; the method's full name reaches it anyway.
        bool hidden = function.Parameters.Any(parameter => parameter.PlainName == method);
        string passedOn = string.Join(", ", function.Parameters.Select(parameter => parameter.Argument));
        string call = function.Callee switch
        {
            PythonCallee.Constructor => $"new {function.MethodName}({passedOn})",
            PythonCallee.InstanceMethod => $"{RuntimeNames.PythonType}.Target<{site.Class}>({self}).{function.MethodName}({passedOn})",
            _ => $"{(hidden || site.Class != site.Module ? site.Class + "." : string.Empty)}{function.MethodName}({passedOn})",
        };
        if (function.ReleasesGil)
        {
            call = WriteCallWithoutGil(writer, function, call, Identifiers.Take("released", taken), Identifiers.Take("result", taken));
        }

        if (function.ReturnKind == PythonValueKind.Void)
        {
            if (!function.ReleasesGil)
            {
                writer.Line(call + ";");
            }

            writer.Line($"return {RuntimeNames.PythonResults}.None();");
        }
        else
        {
            writer.Line(function.ReturnClass is { } type ? $"return {type.TypeField}.Wrap({call});" : $"return {RuntimeNames.PythonResults}.From({call});");
        }

        writer.CloseBlock();
        writer.OpenBlock($"catch ({RuntimeNames.Exception} {exception})");
        writer.Line($"return {RuntimeNames.PythonCall}.Raise({exception});");
        writer.CloseBlock();
        if (lent.Length > 0 || arrays.Count > 0)
        {
            writer.OpenBlock("finally");
            foreach (PythonParameter capsule in lent)
            {
                writer.Line($"{RuntimeNames.PythonArguments}.Release({capsule.Name});");
            }

            foreach (string array in arrays.Values)
            {
                writer.Line($"{array}.Release();");
            }

            writer.CloseBlock();
        }

        writer.CloseBlock();
    }

    /// <summary>The function's <c>PythonSignature</c>: the parameters' Python names joined by NULs, and their kinds.</summary>
    internal static string Signature(string prefix, PythonFunction function)
    {
        string qualified = CSharpText.Literal(prefix + function.PythonName);
        string names = CSharpText.Literal(string.Join("\0", function.Parameters.Select(parameter => parameter.PythonName)));
        int required = function.Parameters.Count(parameter => parameter.DefaultValue is null);
        return $"new({qualified}, {names}, {Number(function.Parameters.Count)}, {Number(required)}, {Number(function.PositionalOnly)}, {Number(function.KeywordOnly)})";
    }

    /// <summary>
    /// Writes the call with the GIL let go, taken back however the call ends; returns the local that
    /// holds the result (for a method that returns one).
    /// </summary>
    private static string WriteCallWithoutGil(SourceWriter writer, PythonFunction function, string call, string released, string result)
    {
        bool returns = function.ReturnKind != PythonValueKind.Void;
        writer.Line($"{IntPtr} {released} = {RuntimeNames.PythonCall}.ReleaseGil();");
        if (returns)
        {
            writer.Line($"{(function.ReturnClass is { } type ? type.ManagedType + "?" : PythonTypeResolver.ManagedType(function.ReturnKind))} {result};");
        }

        writer.OpenBlock("try");
        writer.Line(returns ? $"{result} = {call};" : call + ";");
        writer.CloseBlock();
        writer.OpenBlock("finally");
        writer.Line($"{RuntimeNames.PythonCall}.RestoreGil({released});");
        writer.CloseBlock();
        writer.Line();
        return result;
    }

    /// <summary>
    /// Writes the method that reads a capsule property only obsolete code can name (one of a table class
    /// obsolete as an error), for the entry point, which is not obsolete itself.
    /// </summary>
    private static void WriteReader(SourceWriter writer, string moduleClass, PythonModuleCapsule capsule)
    {
        writer.Line(FileScaffold.ObsoleteContext);
        writer.Line($"private static {RuntimeNames.Capsule} {capsule.ReaderName}() => {moduleClass}.{capsule.Property};");
    }

    /// <summary>Writes <c>if (failed) return 0;</c>: every failed check has already set a Python exception.</summary>
    private static void WriteCheck(SourceWriter writer, string failed)
    {
        writer.OpenBlock($"if ({failed})");
        writer.Line("return 0;");
        writer.CloseBlock();
        writer.Line();
    }

    internal static string Conversion(PythonParameter parameter, string argument, string qualified, string output) =>
        $"{RuntimeNames.PythonArguments}.{(parameter.Kind.TakesNone() || (parameter.Kind.IsArray() && parameter.DefaultValue is not null) ? "TryConvertOrNone" : "TryConvert")}" +
        $"({argument}, {qualified}, {CSharpText.Literal(parameter.PythonName)}, {(parameter.Class is { } type ? type.TypeField + ", " : string.Empty)}{output})";

    internal static string FunctionPointerType(PythonFunction function) => function.Parameters.Count == 0
        ? $"delegate* unmanaged[Cdecl]<{IntPtr}, {IntPtr}, {IntPtr}>"
        : $"delegate* unmanaged[Cdecl]<{IntPtr}, {IntPtr}*, {IntPtr}, {IntPtr}, {IntPtr}>";

    /// <summary>
    /// The docstring, led by a text signature (<c>scale($module, x, /, factor=2.0, *, clamp=False)</c> and
    /// <c>--</c>), from which <c>help()</c> and <c>inspect.signature</c> read the parameters and their kinds.
    /// </summary>
    /// <param name="function">The function, method or constructor.</param>
    /// <param name="bound">What the call is bound to, <c>module</c> or <c>self</c>, which the text signature names first with a <c>$</c> (another name if a parameter takes it), or null for nothing.</param>
    internal static string Docstring(PythonFunction function, string? bound)
    {
        List<string> parameters = ParameterLayout.Write(function, parameter => parameter.PythonDefault is null ? parameter.PythonName : parameter.PythonName + "=" + parameter.PythonDefault);
        if (bound is not null)
        {
            parameters.Insert(0, "$" + ParameterLayout.Bound(function, bound));
        }

        return $"{function.PythonName}({string.Join(", ", parameters)})\n--\n\n{function.Doc}";
    }

    internal static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);
}
