namespace CapsuleGen.Generator.Model;

/// <summary>One type of the chain a generated declaration sits in, outermost first.</summary>
/// <param name="Keyword">The declaration keyword: <c>class</c>, <c>struct</c>, <c>interface</c>, <c>record</c> or <c>record struct</c>.</param>
/// <param name="Name">The type's name, escaped if it is a keyword.</param>
/// <param name="IsRefStruct">Whether it is a <c>ref struct</c>, whose every partial declaration says <c>ref</c>, before <c>partial</c>.</param>
internal sealed record ContainingType(string Keyword, string Name, bool IsRefStruct = false)
{
    /// <summary>The partial declaration's header: <c>partial class Duck</c>, <c>ref partial struct Span</c>.</summary>
    public string PartialDeclaration => (IsRefStruct ? "ref " : string.Empty) + "partial " + Keyword + " " + Name;
}

/// <summary>Where a generated declaration goes: a namespace (null for the global one) and the types around it.</summary>
/// <param name="Namespace">The namespace as C# writes it, each segment escaped if it is a keyword (<c>@class.Api</c>).</param>
/// <param name="Types">The types around the declaration, outermost first.</param>
/// <param name="MarkedClsCompliant">Whether one of the types is marked <c>[CLSCompliant(true)]</c>, so C# checks the CLS rules in the generated part too.</param>
internal sealed record TypeLocation(string? Namespace, EquatableArray<ContainingType> Types, bool MarkedClsCompliant = false)
{
    /// <summary>The dotted name used for messages, without the namespace.</summary>
    public string NestedName => string.Join(".", System.Linq.Enumerable.Select(Types, type => type.Name.TrimStart('@')));

    /// <summary>The dotted name with the namespace and without escapes (<c>class.Api.Duck</c>), from which hint names are made.</summary>
    public string FullName => (Namespace is null ? string.Empty : Namespace.Replace("@", string.Empty) + ".") + NestedName;

    /// <summary>Whether the innermost type is nested directly in <paramref name="outer"/>'s innermost type.</summary>
    public bool IsNestedDirectlyIn(TypeLocation outer) =>
        Namespace == outer.Namespace &&
        Types.Count == outer.Types.Count + 1 &&
        System.Linq.Enumerable.SequenceEqual(System.Linq.Enumerable.Take(Types, outer.Types.Count), outer.Types);

    /// <summary>The innermost type as code anywhere names it: <c>global::Ns.Outer.Duck</c>.</summary>
    public string FullyQualifiedName =>
        "global::" + (Namespace is null ? string.Empty : Namespace + ".") + string.Join(".", System.Linq.Enumerable.Select(Types, type => type.Name));
}
