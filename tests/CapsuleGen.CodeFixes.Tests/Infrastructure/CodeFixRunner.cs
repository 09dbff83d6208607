using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;

namespace CapsuleGen.CodeFixes.Tests.Infrastructure;

/// <summary>Runs a code fix as an IDE would: analyzer diagnostics in, the provider's actions out, their operations applied to the workspace.</summary>
internal static class CodeFixRunner
{
    private static CancellationToken CancellationToken => TestContext.Current.CancellationToken;

    /// <summary>The actions the provider offers for the <paramref name="index"/>-th diagnostic with the ID (in source order).</summary>
    public static async Task<ImmutableArray<CodeAction>> ActionsAsync(CodeFixProvider provider, Document document, string diagnosticId, int index = 0)
    {
        ImmutableArray<Diagnostic> diagnostics = [.. (await CapsuleDiagnostics.OfDocumentAsync(document, CancellationToken)).Where(diagnostic => diagnostic.Id == diagnosticId)];
        Assert.True(index < diagnostics.Length, $"Expected a {diagnosticId} number {index + 1}; the analyzer reported {diagnostics.Length}.");
        Assert.Contains(diagnosticId, provider.FixableDiagnosticIds);

        var actions = ImmutableArray.CreateBuilder<CodeAction>();
        var context = new CodeFixContext(document, diagnostics[index], (action, _) => actions.Add(action), CancellationToken);
        await provider.RegisterCodeFixesAsync(context);
        return actions.ToImmutable();
    }

    /// <summary>Applies the action with the title (or the only one offered) and returns the document's new text.</summary>
    public static async Task<string> ApplyAsync(CodeFixProvider provider, string source, string diagnosticId, string? title = null, int index = 0)
    {
        Document document = TestDocument.Create(source);
        ImmutableArray<CodeAction> actions = await ActionsAsync(provider, document, diagnosticId, index);
        CodeAction action = title is null
            ? Assert.Single(actions)
            : Assert.Single(actions, action => action.Title == title);
        return await ApplyAsync(document, action);
    }

    /// <summary>
    /// Runs the provider's fix-all over the document for every diagnostic with the ID, as choosing
    /// "fix all" on the action with the title (or on the first action offered) would.
    /// </summary>
    public static async Task<string> FixAllAsync(CodeFixProvider provider, string source, string diagnosticId, string? title = null)
    {
        Document document = TestDocument.Create(source);
        ImmutableArray<Diagnostic> diagnostics = await CapsuleDiagnostics.OfDocumentAsync(document, CancellationToken);
        CodeAction? chosen = null;
        for (int index = 0; chosen is null && index < diagnostics.Count(diagnostic => diagnostic.Id == diagnosticId); index++)
        {
            chosen = (await ActionsAsync(provider, document, diagnosticId, index)).FirstOrDefault(action => title is null || action.Title == title);
        }

        Assert.True(chosen is not null, $"No {diagnosticId} offers the action '{title}'.");
        FixAllProvider fixAll = provider.GetFixAllProvider() ?? throw new InvalidOperationException($"{provider.GetType().Name} has no fix-all.");
        var context = new FixAllContext(document, provider, FixAllScope.Document, chosen.EquivalenceKey, [diagnosticId], new CapsuleDiagnostics(), CancellationToken);
        CodeAction action = await fixAll.GetFixAsync(context) ?? throw new InvalidOperationException("The fix-all offered no action.");
        return await ApplyAsync(document, action);
    }

    /// <summary>
    /// Runs the provider's fix-all over a project of several documents, as choosing "fix all in
    /// project" on the first action offered would; returns each document's new text, in order.
    /// </summary>
    public static async Task<string[]> FixAllInProjectAsync(CodeFixProvider provider, IReadOnlyList<string> sources, string diagnosticId)
    {
        Project project = TestDocument.CreateProject(sources);
        Document first = project.Documents.First(document => document.Name == "Source0.cs");
        CodeAction chosen = (await ActionsAsync(provider, first, diagnosticId)).First();
        FixAllProvider fixAll = provider.GetFixAllProvider() ?? throw new InvalidOperationException($"{provider.GetType().Name} has no fix-all.");
        var context = new FixAllContext(project, provider, FixAllScope.Project, chosen.EquivalenceKey, [diagnosticId], new CapsuleDiagnostics(), CancellationToken);
        CodeAction action = await fixAll.GetFixAsync(context) ?? throw new InvalidOperationException("The fix-all offered no action.");
        Workspace workspace = project.Solution.Workspace;
        foreach (CodeActionOperation operation in await action.GetOperationsAsync(CancellationToken))
        {
            operation.Apply(workspace, CancellationToken);
        }

        Project changed = workspace.CurrentSolution.GetProject(project.Id)!;
        var texts = new string[sources.Count];
        for (int i = 0; i < texts.Length; i++)
        {
            texts[i] = (await changed.Documents.Single(document => document.Name == $"Source{i}.cs").GetTextAsync(CancellationToken)).ToString();
        }

        return texts;
    }

    private static async Task<string> ApplyAsync(Document document, CodeAction action)
    {
        Workspace workspace = document.Project.Solution.Workspace;
        foreach (CodeActionOperation operation in await action.GetOperationsAsync(CancellationToken))
        {
            operation.Apply(workspace, CancellationToken);
        }

        Document changed = workspace.CurrentSolution.GetDocument(document.Id)!;
        return (await changed.GetTextAsync(CancellationToken)).ToString();
    }
}
