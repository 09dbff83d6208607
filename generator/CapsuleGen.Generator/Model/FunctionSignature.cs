namespace CapsuleGen.Generator.Model;

/// <summary>A function's boundary signature and its C spelling.</summary>
/// <param name="ReturnType">The return type, possibly <see cref="BoundaryType.Void"/>.</param>
/// <param name="Parameters">The parameters in order.</param>
/// <param name="CSignature">The C signature string, spelled as SciPy and Cython spell them: <c>double (int, double *, void *)</c>.</param>
/// <param name="TypesDeprecation">Whether a type it names is obsolete or experimental.</param>
internal sealed record FunctionSignature(BoundaryType ReturnType, EquatableArray<BoundaryParameter> Parameters, string CSignature, Deprecation TypesDeprecation)
{
    /// <summary>The function pointer type used to call it: <c>delegate* unmanaged[Cdecl]&lt;int, double&gt;</c>.</summary>
    public string FunctionPointerType => "delegate* unmanaged[Cdecl]<" + NativeTypes + ">";

    /// <summary>The managed function pointer type of the same function's managed entry: <c>delegate*&lt;int, double&gt;</c>.</summary>
    public string ManagedFunctionPointerType => "delegate*<" + NativeTypes + ">";

    private string NativeTypes =>
        string.Join(", ", System.Linq.Enumerable.Select(Parameters, p => p.Type.NativeName)) + (Parameters.Count > 0 ? ", " : string.Empty) + ReturnType.NativeName;
}
