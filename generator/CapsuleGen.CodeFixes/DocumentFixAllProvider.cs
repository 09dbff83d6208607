using Microsoft.CodeAnalysis.CodeActions;

namespace CapsuleGen.CodeFixes;

/// <summary>Fixes a document's diagnostics together; <paramref name="equivalenceKey"/> says which of a diagnostic's fixes was chosen.</summary>
internal delegate Task<Document> FixDocumentAsync(Document document, ImmutableArray<Diagnostic> diagnostics, string? equivalenceKey, CancellationToken cancellationToken);

/// <summary>
/// A fix-all that hands every diagnostic of a document to one fix, instead of merging one fix per
/// diagnostic as <see cref="WellKnownFixAllProviders.BatchFixer"/> does. Fixes that share an edit
/// (the enclosing type several types need partial, the using several attributes need, the next slot
/// number) must make it once: the batch fixer drops a fix whose edit two others already made, and
/// would number every slot alike. Over a project or a solution the documents are fixed one after
/// another, each in the solution the ones before it left, so a fix that reads other files (the slots
/// a partial interface already uses in its other parts) sees what the fix-all wrote there.
/// </summary>
internal sealed class DocumentFixAllProvider : FixAllProvider
{
    private readonly FixDocumentAsync _fix;

    public DocumentFixAllProvider(FixDocumentAsync fix)
    {
        _fix = fix;
    }

    public override IEnumerable<FixAllScope> GetSupportedFixAllScopes() =>
        new[] { FixAllScope.Document, FixAllScope.Project, FixAllScope.Solution };

    public override Task<CodeAction?> GetFixAsync(FixAllContext fixAllContext)
    {
        (string title, IEnumerable<Document> documents) = fixAllContext.Scope switch
        {
            FixAllScope.Project => ("Fix all in project", fixAllContext.Project.Documents),
            FixAllScope.Solution => ("Fix all in solution", fixAllContext.Solution.Projects.SelectMany(project => project.Documents)),
            _ => ("Fix all in document", fixAllContext.Document is { } document ? new[] { document } : Array.Empty<Document>()),
        };

        Document[] toFix = documents.ToArray();
        return Task.FromResult<CodeAction?>(CodeAction.Create(
            title,
            cancellationToken => FixInTurnAsync(fixAllContext, toFix, cancellationToken),
            fixAllContext.CodeActionEquivalenceKey));
    }

    private async Task<Solution> FixInTurnAsync(FixAllContext context, Document[] documents, CancellationToken cancellationToken)
    {
        Solution solution = context.Solution;
        foreach (Document original in documents)
        {
            // Diagnostics are found in the original solution; a document's own text is unchanged until its turn.
            ImmutableArray<Diagnostic> diagnostics = await context.GetDocumentDiagnosticsAsync(original).ConfigureAwait(false);
            if (diagnostics.IsEmpty || solution.GetDocument(original.Id) is not { } current)
            {
                continue;
            }

            Document fixedDocument = await _fix(current, diagnostics, context.CodeActionEquivalenceKey, cancellationToken).ConfigureAwait(false);
            solution = fixedDocument.Project.Solution;
        }

        return solution;
    }
}
