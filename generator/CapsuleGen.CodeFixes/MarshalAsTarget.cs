namespace CapsuleGen.CodeFixes;

/// <summary>
/// Where a <c>[MarshalAs]</c> goes for a CAPS0004 reported on a type: the parameter that has the
/// type, or the method whose return type it is (as <c>[return: MarshalAs(...)]</c>).
/// </summary>
internal sealed class MarshalAsTarget
{
    private MarshalAsTarget(SyntaxNode owner, TypeSyntax type, bool isReturn)
    {
        Owner = owner;
        Type = type;
        IsReturn = isReturn;
    }

    /// <summary>The <see cref="ParameterSyntax"/> or <see cref="MethodDeclarationSyntax"/> that carries the attribute.</summary>
    public SyntaxNode Owner { get; }

    public TypeSyntax Type { get; }

    public bool IsReturn { get; }

    /// <summary>The target for the type syntax a diagnostic is reported on, or null if a <c>[MarshalAs]</c> there cannot help.</summary>
    public static MarshalAsTarget? Find(SyntaxNode root, Diagnostic diagnostic) =>
        root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true) is TypeSyntax type ? For(type) : null;

    /// <summary>The target for a parameter's or a method's return type, or null if a <c>[MarshalAs]</c> there cannot help.</summary>
    public static MarshalAsTarget? For(TypeSyntax type) => type.Parent switch
    {
        // 'ref', 'out', 'in' and 'params' are reported for their own sake; a width does not fix them.
        ParameterSyntax parameter when parameter.Type == type &&
            !parameter.Modifiers.Any(modifier => modifier.Kind() is SyntaxKind.RefKeyword or SyntaxKind.OutKeyword or SyntaxKind.InKeyword or SyntaxKind.ParamsKeyword)
            => new MarshalAsTarget(parameter, type, isReturn: false),
        MethodDeclarationSyntax method when method.ReturnType == type
            => new MarshalAsTarget(method, type, isReturn: true),
        _ => null,
    };

    /// <summary>The attribute lists that apply to the value: all of a parameter's, only the <c>return:</c> lists of a method.</summary>
    public bool AppliesToValue(AttributeListSyntax list) =>
        !IsReturn || list.Target?.Identifier.IsKind(SyntaxKind.ReturnKeyword) == true;

    /// <summary>
    /// A <c>[MarshalAs]</c> already there (with a width the generator does not accept), to be replaced:
    /// on this declaration or, for a partial method, on the same parameter or return of its other
    /// part, since C# merges the two parts' attributes and a second one would not compile (CS0579).
    /// It may be in another file.
    /// </summary>
    public AttributeSyntax? ExistingMarshalAs(SemanticModel model, CancellationToken cancellationToken) =>
        new[] { Owner, OtherPart(model, cancellationToken) }
            .OfType<SyntaxNode>()
            .SelectMany(owner => AttributeInsertion.AttributeLists(owner))
            .Where(AppliesToValue)
            .SelectMany(list => list.Attributes)
            .FirstOrDefault(attribute => IsMarshalAs(attribute, model, cancellationToken));

    /// <summary>The matching parameter or method declaration of the other part of a partial method; null for any other method.</summary>
    private SyntaxNode? OtherPart(SemanticModel model, CancellationToken cancellationToken)
    {
        ISymbol? symbol = model.GetDeclaredSymbol(Owner, cancellationToken);
        IMethodSymbol? method = symbol as IMethodSymbol ?? symbol?.ContainingSymbol as IMethodSymbol;
        IMethodSymbol? other = method?.PartialImplementationPart ?? method?.PartialDefinitionPart;
        ISymbol? counterpart = symbol is IParameterSymbol parameter ? other?.Parameters.ElementAtOrDefault(parameter.Ordinal) : other;
        return counterpart?.DeclaringSyntaxReferences.FirstOrDefault()?.GetSyntax(cancellationToken);
    }

    /// <summary>Whether the attribute is <c>[MarshalAs]</c>, asked of the model of the attribute's own file.</summary>
    private static bool IsMarshalAs(AttributeSyntax attribute, SemanticModel model, CancellationToken cancellationToken)
    {
        SemanticModel own = attribute.SyntaxTree == model.SyntaxTree ? model : model.Compilation.GetSemanticModel(attribute.SyntaxTree);
        return own.GetSymbolInfo(attribute, cancellationToken).Symbol?.ContainingType.ToDisplayString() == "System.Runtime.InteropServices.MarshalAsAttribute";
    }
}
