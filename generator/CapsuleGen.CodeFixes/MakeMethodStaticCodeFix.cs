using Microsoft.CodeAnalysis.Operations;

namespace CapsuleGen.CodeFixes;

/// <summary>CAPS0001: adds <c>static</c> to an exported method.</summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(MakeMethodStaticCodeFix)), Shared]
public sealed class MakeMethodStaticCodeFix : SyntaxCodeFix<MethodDeclarationSyntax>
{
    private const string EquivalenceKey = DiagnosticIds.ExportNotStatic + ".MakeStatic";

    private protected override string DiagnosticId => DiagnosticIds.ExportNotStatic;

    // Reported on the method's identifier. A virtual, abstract or override method cannot simply
    // become static; what it should be instead is the author's call.
    private protected override MethodDeclarationSyntax? FindTarget(SyntaxNode root, Diagnostic diagnostic) =>
        root.FindToken(diagnostic.Location.SourceSpan.Start).Parent is MethodDeclarationSyntax method &&
        !method.Modifiers.Any(modifier => modifier.Kind() is SyntaxKind.StaticKeyword or SyntaxKind.VirtualKeyword or SyntaxKind.AbstractKeyword or SyntaxKind.OverrideKeyword)
            ? method
            : null;

    private protected override IEnumerable<FixOffer> OffersFor(MethodDeclarationSyntax method, SemanticModel model, CancellationToken cancellationToken) =>
        UsesInstance(method, model, cancellationToken)
            ? Array.Empty<FixOffer>()
            : new[] { new FixOffer($"Make '{method.Identifier.ValueText}' static", EquivalenceKey) };

    private protected override async Task<Document> RewriteAsync(
        Document document, SyntaxNode root, ImmutableArray<MethodDeclarationSyntax> methods, string? equivalenceKey, CancellationToken cancellationToken)
    {
        SemanticModel model = (await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false))!;
        IEnumerable<MethodDeclarationSyntax> fixable = methods.Where(method => !UsesInstance(method, model, cancellationToken));
        return document.WithSyntaxRoot(root.ReplaceNodes(fixable, (_, rewritten) => ModifierInsertion.AddStatic(rewritten)));
    }

    /// <summary>
    /// Whether the body reads the instance (<c>this</c>, <c>base</c>, or a member through either,
    /// written or implied, as in <c>=&gt; _x</c>): as a static method it would not compile (CS0120),
    /// and where the state should come from instead is the author's call.
    /// </summary>
    private static bool UsesInstance(MethodDeclarationSyntax method, SemanticModel model, CancellationToken cancellationToken) =>
        new SyntaxNode?[] { method.Body, method.ExpressionBody }
            .OfType<SyntaxNode>()
            .Select(body => model.GetOperation(body, cancellationToken))
            .Any(operation => operation?.DescendantsAndSelf().OfType<IInstanceReferenceOperation>()
                .Any(reference => reference.ReferenceKind == InstanceReferenceKind.ContainingTypeInstance) == true);
}
