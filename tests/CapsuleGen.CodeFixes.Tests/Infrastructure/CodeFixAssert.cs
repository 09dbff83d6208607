using Microsoft.CodeAnalysis.CodeFixes;

namespace CapsuleGen.CodeFixes.Tests.Infrastructure;

/// <summary>The checks every fix gets: the exact text it produces, and that the generator then takes the code.</summary>
internal static class CodeFixAssert
{
    public static async Task FixesAsync(CodeFixProvider provider, string diagnosticId, string before, string after, string? title = null, int index = 0)
    {
        string fixedCode = await CodeFixRunner.ApplyAsync(provider, before, diagnosticId, title, index);
        Assert.Equal(after, fixedCode);
        await FixedCode.AssertGeneratesCleanlyAsync(fixedCode);
    }

    public static async Task FixesAllAsync(CodeFixProvider provider, string diagnosticId, string before, string after, string? title = null)
    {
        string fixedCode = await CodeFixRunner.FixAllAsync(provider, before, diagnosticId, title);
        Assert.Equal(after, fixedCode);
        await FixedCode.AssertGeneratesCleanlyAsync(fixedCode);
    }

    public static async Task FixesAllInProjectAsync(CodeFixProvider provider, string diagnosticId, string[] before, string[] after)
    {
        string[] fixedCode = await CodeFixRunner.FixAllInProjectAsync(provider, before, diagnosticId);
        Assert.Equal(after, fixedCode);
        await FixedCode.AssertGeneratesCleanlyAsync(fixedCode);
    }

    public static async Task OffersNoFixAsync(CodeFixProvider provider, string diagnosticId, string source, int index = 0) =>
        Assert.Empty(await CodeFixRunner.ActionsAsync(provider, TestDocument.Create(source), diagnosticId, index));
}
