using System.Linq;
using CapsuleGen.Generator.Model;

namespace CapsuleGen.Generator.Emitting;

/// <summary>
/// Writes an exported method's two entry points: the <c>[UnmanagedCallersOnly]</c> Cdecl trampoline
/// native callers get, and the managed entry bindings in the same process call directly. Both have
/// the same body, written once here: convert <c>bool</c>/<c>char</c>, call the method, never let an
/// exception out. The trampoline does not forward to the entry: a method with an exception handler is
/// not inlined, and the extra call would cost every native caller.
/// </summary>
internal static class TrampolineWriter
{
    /// <summary>The trampoline's address as a pointer-sized integer.</summary>
    public static string AddressOf(ExportedFunction function) =>
        $"({RuntimeNames.IntPtr})({function.Signature.FunctionPointerType})&{function.TrampolineName}";

    /// <summary>The managed entry's address as a pointer-sized integer.</summary>
    public static string EntryAddressOf(ExportedFunction function) =>
        $"({RuntimeNames.IntPtr})({function.Signature.ManagedFunctionPointerType})&{function.EntryName}";

    public static void Write(SourceWriter writer, ExportedFunction function)
    {
        WriteObsoleteContext(writer, function);
        writer.Line(RuntimeNames.GeneratedMember);
        writer.Line($"[{RuntimeNames.UnmanagedCallersOnlyCdecl})]");
        WriteMethod(writer, function, function.TrampolineName);
        writer.Line();
        WriteObsoleteContext(writer, function);
        writer.Line(RuntimeNames.GeneratedMember);
        WriteMethod(writer, function, function.EntryName);
    }

    private static void WriteMethod(SourceWriter writer, ExportedFunction function, string name)
    {
        FunctionSignature signature = function.Signature;
        string exception = CSharpText.UniqueLocal("exception", signature.Parameters);
        string arguments = string.Join(", ", signature.Parameters.Select(parameter => CSharpText.ToManaged(parameter.Type, parameter.Name)));

        // A parameter with the method's own name hides the method; the full name reaches it anyway.
        bool hidden = signature.Parameters.Any(parameter => parameter.Name.TrimStart('@') == function.MethodName.TrimStart('@'));
        string call = $"{(hidden ? function.Location.FullyQualifiedName + "." : string.Empty)}{function.MethodName}({arguments})";

        writer.OpenBlock($"private static {signature.ReturnType.NativeName} {name}({CSharpText.ParameterList(signature.Parameters, native: true)})");
        writer.OpenBlock("try");
        writer.Line(signature.ReturnType.IsVoid ? call + ";" : "return " + CSharpText.ToNative(signature.ReturnType, call) + ";");
        writer.CloseBlock();
        writer.OpenBlock($"catch ({RuntimeNames.Exception} {exception})");
        writer.Line($"{Handler(function.OnException)}({CSharpText.Literal(function.CapsuleName)}, {CSharpText.Literal(function.DisplayName)}, {exception});");
        if (!signature.ReturnType.IsVoid)
        {
            writer.Line($"return {CSharpText.FailureValue(signature.ReturnType)};{(function.OnException == ExceptionPolicy.FailFast ? " // not reached: FailFast ends the process" : string.Empty)}");
        }

        writer.CloseBlock();
        writer.CloseBlock();
    }

    /// <summary>The runtime method the catch block hands the exception to.</summary>
    private static string Handler(ExceptionPolicy policy) => policy switch
    {
        ExceptionPolicy.FailFast => RuntimeNames.CapsuleBoundary + ".FailFast",
        ExceptionPolicy.SetPythonError => RuntimeNames.PythonErrors + ".SetFromCallback",
        _ => RuntimeNames.CapsuleBoundary + ".Record",
    };

    private static void WriteObsoleteContext(SourceWriter writer, ExportedFunction function)
    {
        if (function.Deprecation.Obsolete)
        {
            writer.Line(FileScaffold.ObsoleteContext);
        }
    }
}
