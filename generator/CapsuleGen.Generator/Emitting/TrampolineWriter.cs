using System.Linq;
using CapsuleGen.Generator.Model;

namespace CapsuleGen.Generator.Emitting;

/// <summary>
/// Writes an exported method's <c>[UnmanagedCallersOnly]</c> Cdecl trampoline: it converts
/// <c>bool</c>/<c>char</c>, calls the method, and never lets an exception reach native code.
/// </summary>
internal static class TrampolineWriter
{
    /// <summary>The trampoline's address as a pointer-sized integer.</summary>
    public static string AddressOf(ExportedFunction function) =>
        $"(nint)({function.Signature.FunctionPointerType})&{function.TrampolineName}";

    public static void Write(SourceWriter writer, ExportedFunction function)
    {
        FunctionSignature signature = function.Signature;
        string exception = CSharpText.UniqueLocal("exception", signature.Parameters);
        string arguments = string.Join(", ", signature.Parameters.Select(parameter => CSharpText.ToManaged(parameter.Type, parameter.Name)));

        // A parameter with the method's own name hides the method; the full name reaches it anyway.
        bool hidden = signature.Parameters.Any(parameter => parameter.Name.TrimStart('@') == function.MethodName.TrimStart('@'));
        string call = $"{(hidden ? function.Location.FullyQualifiedName + "." : string.Empty)}{function.MethodName}({arguments})";

        if (function.Deprecation.Obsolete)
        {
            writer.Line(FileScaffold.ObsoleteContext);
        }

        writer.Line("[global::System.Runtime.InteropServices.UnmanagedCallersOnly(CallConvs = new[] { typeof(global::System.Runtime.CompilerServices.CallConvCdecl) })]");
        writer.OpenBlock($"private static {signature.ReturnType.NativeName} {function.TrampolineName}({CSharpText.ParameterList(signature.Parameters, native: true)})");
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
}
