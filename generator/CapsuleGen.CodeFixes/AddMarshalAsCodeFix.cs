using Microsoft.CodeAnalysis.Editing;
using Microsoft.CodeAnalysis.Simplification;

namespace CapsuleGen.CodeFixes;

/// <summary>
/// CAPS0004 on a <c>bool</c> or <c>char</c>: gives it a defined width with <c>[MarshalAs]</c>, adding
/// <c>using System.Runtime.InteropServices;</c> when the file lacks it. Other types that cannot cross
/// need a different type, which is the author's choice, so they get no fix.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(AddMarshalAsCodeFix)), Shared]
public sealed class AddMarshalAsCodeFix : SyntaxCodeFix<TypeSyntax>
{
    private protected override string DiagnosticId => DiagnosticIds.TypeCannotCross;

    // Reported on the parameter's type or the method's return type.
    private protected override TypeSyntax? FindTarget(SyntaxNode root, Diagnostic diagnostic) =>
        MarshalAsTarget.Find(root, diagnostic)?.Type;

    // A [MarshalAs] on the other part of a partial method in another file would have to change there; that is left to the author.
    private protected override IEnumerable<FixOffer> OffersFor(TypeSyntax type, SemanticModel model, CancellationToken cancellationToken) =>
        MarshalAsTarget.For(type)?.ExistingMarshalAs(model, cancellationToken) is { } existing && existing.SyntaxTree != type.SyntaxTree
            ? Array.Empty<FixOffer>()
            : BoundaryWidth.For(model.GetTypeInfo(type, cancellationToken).Type).Select(width => width.Offer);

    private protected override async Task<Document> RewriteAsync(
        Document document, SyntaxNode root, ImmutableArray<TypeSyntax> types, string? equivalenceKey, CancellationToken cancellationToken)
    {
        SemanticModel model = (await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false))!;
        SyntaxTrivia lineBreak = AttributeInsertion.LineBreakOf(root);

        // A fix-all chosen from "one-byte bool" fixes the bools that way and leaves the chars alone.
        var rewrites = new Dictionary<SyntaxNode, Func<SyntaxNode, SyntaxNode>>();
        foreach (TypeSyntax type in types)
        {
            if (MarshalAsTarget.For(type) is not { } target ||
                BoundaryWidth.For(model.GetTypeInfo(type, cancellationToken).Type).FirstOrDefault(width => width.Offer.EquivalenceKey == equivalenceKey) is not { } width)
            {
                continue;
            }

            AttributeSyntax? existing = target.ExistingMarshalAs(model, cancellationToken);
            if (existing is not null && existing.SyntaxTree != root.SyntaxTree)
            {
                continue; // on the other part of a partial method, in another file: see OffersFor
            }

            if (existing is not null)
            {
                // A [MarshalAs] with a width the generator refuses; a second one would not compile.
                rewrites[existing] = current => MarshalAs(width).WithTriviaFrom(current);
            }
            else
            {
                AttributeLayout layout = target.IsReturn ? AttributeLayout.OwnLine : AttributeLayout.SameLine;
                rewrites[target.Owner] = current => AttributeInsertion.Add(current, QualifiedAttributes.ListOf(MarshalAs(width), target.IsReturn), layout, lineBreak);
            }
        }

        // A method's return and its parameters can both be fixed; ReplaceNodes hands the method its
        // already rewritten parameters.
        SyntaxNode fixedRoot = root.ReplaceNodes(rewrites.Keys, (original, rewritten) => rewrites[original](rewritten));
        Document fixedDocument = document.WithSyntaxRoot(fixedRoot);
        fixedDocument = await ImportAdder.AddImportsAsync(fixedDocument, Simplifier.AddImportsAnnotation, cancellationToken: cancellationToken).ConfigureAwait(false);
        return await Simplifier.ReduceAsync(fixedDocument, Simplifier.Annotation, cancellationToken: cancellationToken).ConfigureAwait(false);
    }

    // The workspace adds the using and shortens the name, knowing the file's usings, global usings and any conflicting names.
    private static AttributeSyntax MarshalAs(BoundaryWidth width) =>
        QualifiedAttributes.Create(
            "global::System.Runtime.InteropServices.MarshalAs",
            $"(global::System.Runtime.InteropServices.UnmanagedType.{width.UnmanagedType})",
            addUsing: true);
}
