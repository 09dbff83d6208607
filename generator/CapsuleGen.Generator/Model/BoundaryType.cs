namespace CapsuleGen.Generator.Model;

/// <summary>What kind of value crosses the boundary; decides conversions and the failure value.</summary>
internal enum BoundaryTypeKind
{
    Void,
    Integer,
    FloatingPoint,
    Pointer,
    FunctionPointer,
    Enum,
    Struct,

    /// <summary>A C# <c>bool</c> carried as an integer of the width its <c>MarshalAs</c> names.</summary>
    Bool,

    /// <summary>A C# <c>char</c> carried as a 16-bit code unit.</summary>
    Char,
}

/// <summary>
/// A type as it crosses the native boundary.
/// </summary>
/// <param name="ManagedName">The type as the user's C# declares it, fully qualified (<c>global::Ns.Point</c>, <c>double*</c>).</param>
/// <param name="NativeName">The blittable type used in trampolines and function pointers; differs only for <c>bool</c> and <c>char</c>.</param>
/// <param name="Kind">What kind of value it is.</param>
/// <param name="CSpelling">The C spelling used in signature strings (<c>double *</c>, <c>intptr_t</c>).</param>
internal sealed record BoundaryType(string ManagedName, string NativeName, BoundaryTypeKind Kind, string CSpelling)
{
    public static BoundaryType Void { get; } = new("void", "void", BoundaryTypeKind.Void, "void");

    public bool IsVoid => Kind == BoundaryTypeKind.Void;

    /// <summary>Whether a value must be converted between <see cref="ManagedName"/> and <see cref="NativeName"/>.</summary>
    public bool NeedsConversion => Kind is BoundaryTypeKind.Bool or BoundaryTypeKind.Char;
}

/// <summary>A parameter of an exported or imported function.</summary>
/// <param name="Name">The parameter's name, escaped if it is a keyword.</param>
/// <param name="Type">How it crosses.</param>
/// <param name="DefaultValue">Its default value as C# writes it (<c>1.5</c>, <c>(global::Ns.Shape)2</c>), or null if it has none; kept on the binding's methods.</param>
/// <param name="CallerLineNumber">Whether it carries <c>[CallerLineNumber]</c>, which the binding's method must carry too.</param>
internal sealed record BoundaryParameter(string Name, BoundaryType Type, string? DefaultValue = null, bool CallerLineNumber = false);
