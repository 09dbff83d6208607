using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Text;
using CapsuleGen.Tests.Shared;

namespace CapsuleGen.CodeFixes.Tests.Infrastructure;

/// <summary>A project in a workspace, compiled as a user's project would be: the runtime referenced, unsafe code allowed.</summary>
internal static class TestDocument
{
    /// <summary>The one document of a one-file project.</summary>
    public static Document Create(string source) => CreateProject([source]).Documents.Single();

    /// <summary>A project of one document per source, named <c>Source0.cs</c>, <c>Source1.cs</c>... in order.</summary>
    public static Project CreateProject(IReadOnlyList<string> sources)
    {
        var workspace = new AdhocWorkspace();
        ProjectInfo project = ProjectInfo.Create(
            ProjectId.CreateNewId(),
            VersionStamp.Create(),
            name: "UserCode",
            assemblyName: "UserCode",
            LanguageNames.CSharp,
            compilationOptions: new CSharpCompilationOptions(
                OutputKind.DynamicallyLinkedLibrary, allowUnsafe: true, nullableContextOptions: NullableContextOptions.Enable),
            parseOptions: new CSharpParseOptions(LanguageVersion.Latest),
            metadataReferences: UserCodeReferences.All);
        Project created = workspace.AddProject(project);
        for (int i = 0; i < sources.Count; i++)
        {
            created = created.AddDocument($"Source{i}.cs", SourceText.From(sources[i])).Project;
        }

        // The workspace's current solution is what the fixes' operations apply to.
        Assert.True(workspace.TryApplyChanges(created.Solution));
        return workspace.CurrentSolution.GetProject(created.Id)!;
    }

}
