using Microsoft.CodeAnalysis;

namespace CapsuleGen.Generator.Parsing.Layouts;

/// <summary>
/// Why a struct declared in another assembly cannot cross by value, with the alternative that fits
/// it best. The compiler sees such a struct through a reference assembly, which hides its fields and
/// its layout (<c>DateTime</c> and <c>Guid</c> look alike there), so neither the runtime's verdict
/// nor the layout a C caller needs can be known at compile time.
/// </summary>
internal static class KnownStructs
{
    public static string Problem(INamedTypeSymbol type)
    {
        string shown = type.ToDisplayString(SymbolDisplayFormat.MinimallyQualifiedFormat);
        return (type.ContainingNamespace?.ToDisplayString() + "." + type.MetadataName) switch
        {
            "System.DateTime" =>
                "'DateTime' has automatic layout, which the runtime refuses at a native boundary; pass its 'Ticks' as a 'long' (or 'ToBinary()' to keep its kind)",
            "System.DateTimeOffset" =>
                "'DateTimeOffset' has automatic layout, which the runtime refuses at a native boundary; pass its 'UtcTicks' as a 'long' and its offset in minutes as a 'short'",
            "System.Int128" or "System.UInt128" =>
                $"the runtime refuses '{shown}' at a native boundary ('Int128 and UInt128 cannot be passed by value to unmanaged'); pass a pointer ('{shown}*') or two 'ulong' halves",
            "System.Decimal" =>
                "'decimal' has no C equivalent; use 'double'",
            "System.Runtime.InteropServices.CLong" or "System.Runtime.InteropServices.CULong" =>
                $"'{shown}' is declared in another assembly, whose layout the compiler cannot see; C's 'long' is 64 bits on Linux x64, so use '{(type.Name == "CLong" ? "long" : "ulong")}'",
            _ =>
                $"'{shown}' is declared in assembly '{type.ContainingAssembly?.Name}', whose fields and layout the compiler cannot see (reference assemblies hide them), so CapsuleGen cannot check it as the runtime will; declare a struct with the same fields in this project, or pass a pointer ('{shown}*')",
        };
    }
}
