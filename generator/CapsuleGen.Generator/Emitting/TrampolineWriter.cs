using System.Linq;
using CapsuleGen.Generator.Model;

namespace CapsuleGen.Generator.Emitting;

/// <summary>
/// Writes an exported method's two entry points: the <c>[UnmanagedCallersOnly]</c> Cdecl trampoline
/// native callers get, and the managed entry it forwards to, which bindings in the same process call
/// directly. The entry converts <c>bool</c>/<c>char</c>, calls the method and never lets an exception
/// out, so both ways in behave alike.
/// </summary>
internal static class TrampolineWriter
{
    /// <summary>The trampoline's address as a pointer-sized integer.</summary>
    public static string AddressOf(ExportedFunction function) =>
        $"({CSharpText.IntPtr})({function.Signature.FunctionPointerType})&{function.TrampolineName}";

    /// <summary>The managed entry's address as a pointer-sized integer.</summary>
    public static string EntryAddressOf(ExportedFunction function) =>
        $"({CSharpText.IntPtr})({function.Signature.ManagedFunctionPointerType})&{function.EntryName}";

    public static void Write(SourceWriter writer, ExportedFunction function)
    {
        FunctionSignature signature = function.Signature;
        string parameters = CSharpText.ParameterList(signature.Parameters, native: true);
        string returnType = signature.ReturnType.NativeName;

        WriteObsoleteContext(writer, function);
        writer.Line("[global::System.Runtime.InteropServices.UnmanagedCallersOnly(CallConvs = new[] { typeof(global::System.Runtime.CompilerServices.CallConvCdecl) })]");
        writer.Line($"private static {returnType} {function.TrampolineName}({parameters}) => {function.EntryName}({CSharpText.ArgumentList(signature.Parameters)});");
        writer.Line();

        string exception = CSharpText.UniqueLocal("exception", signature.Parameters);
        string arguments = string.Join(", ", signature.Parameters.Select(parameter => CSharpText.ToManaged(parameter.Type, parameter.Name)));

        // A parameter with the method's own name hides the method; the full name reaches it anyway.
        bool hidden = signature.Parameters.Any(parameter => parameter.Name.TrimStart('@') == function.MethodName.TrimStart('@'));
        string call = $"{(hidden ? function.Location.FullyQualifiedName + "." : string.Empty)}{function.MethodName}({arguments})";

        WriteObsoleteContext(writer, function);
        writer.OpenBlock($"private static {returnType} {function.EntryName}({parameters})");
        writer.OpenBlock("try");
        writer.Line(signature.ReturnType.IsVoid ? call + ";" : "return " + CSharpText.ToNative(signature.ReturnType, call) + ";");
        writer.CloseBlock();
        writer.OpenBlock($"catch (global::System.Exception {exception})");
        string report = function.FailFast ? "FailFast" : "Record";
        writer.Line($"{CSharpText.CapsuleBoundary}.{report}({CSharpText.Literal(function.CapsuleName)}, {CSharpText.Literal(function.DisplayName)}, {exception});");
        if (!signature.ReturnType.IsVoid)
        {
            writer.Line($"return {CSharpText.FailureValue(signature.ReturnType)};{(function.FailFast ? " // not reached: FailFast ends the process" : string.Empty)}");
        }

        writer.CloseBlock();
        writer.CloseBlock();
    }

    private static void WriteObsoleteContext(SourceWriter writer, ExportedFunction function)
    {
        if (function.Deprecation.Obsolete)
        {
            writer.Line(FileScaffold.ObsoleteContext);
        }
    }
}
