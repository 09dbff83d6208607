namespace CapsuleGen.Generator.Model;

/// <summary>A static method exported as a capsule.</summary>
/// <param name="Location">Where the method's type is declared.</param>
/// <param name="MethodName">The method's name, escaped if it is a keyword.</param>
/// <param name="Accessibility">The capsule property's accessibility as C# spells it: the method's own, unless its type cannot have a protected member.</param>
/// <param name="CapsuleName">The capsule's name; null for a NULL name.</param>
/// <param name="Signature">The method's boundary signature.</param>
/// <param name="OnException">What the trampoline does with an exception the method throws.</param>
/// <param name="TrampolineName">The private trampoline's name, chosen so that it clashes with no name of the type.</param>
/// <param name="EntryName">The private managed entry's name (the trampoline's body, which bindings in the process call directly), chosen likewise.</param>
/// <param name="StructLayouts">The layout of every struct the signature reaches, ordered by C name.</param>
/// <param name="MethodDeprecation">Whether the method itself is obsolete or experimental.</param>
/// <param name="HidesInherited">Whether the capsule property hides the one generated for a base type's export, and so is declared <c>new</c>.</param>
internal sealed record ExportedFunction(
    TypeLocation Location,
    string MethodName,
    string Accessibility,
    string? CapsuleName,
    FunctionSignature Signature,
    ExceptionPolicy OnException,
    string TrampolineName,
    string EntryName,
    EquatableArray<string> StructLayouts,
    Deprecation MethodDeprecation,
    bool HidesInherited = false)
{
    /// <summary>The method as messages name it: <c>CppDuck.Quack</c>.</summary>
    public string DisplayName => Location.NestedName + "." + MethodName.TrimStart('@');

    /// <summary>The generated capsule property: <c>QuackCapsule</c>.</summary>
    public string PropertyName => Parsing.GeneratedNames.CapsuleProperty(MethodName);

    /// <summary>The capsule property's modifiers: <c>public static</c>, <c>internal static new</c>.</summary>
    public string PropertyModifiers => Accessibility + (HidesInherited ? " static new" : " static");

    /// <summary>Everything obsolete or experimental the generated code for this export names.</summary>
    public Deprecation Deprecation => MethodDeprecation.Union(Signature.TypesDeprecation);
}

/// <summary>Every export declared in one type: the unit of one generated file.</summary>
internal sealed record ExportingType(TypeLocation Location, EquatableArray<ExportedFunction> Functions);
