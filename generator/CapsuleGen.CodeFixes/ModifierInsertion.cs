namespace CapsuleGen.CodeFixes;

/// <summary>Adds one modifier keyword to a declaration where the C# style puts it, without disturbing the text around it.</summary>
internal static class ModifierInsertion
{
    // The conventional order (IDE0036's default); 'partial' is handled apart because it always comes last.
    private static readonly SyntaxKind[] s_order =
    {
        SyntaxKind.PublicKeyword, SyntaxKind.PrivateKeyword, SyntaxKind.ProtectedKeyword, SyntaxKind.InternalKeyword,
        SyntaxKind.FileKeyword, SyntaxKind.StaticKeyword, SyntaxKind.ExternKeyword, SyntaxKind.NewKeyword,
        SyntaxKind.VirtualKeyword, SyntaxKind.AbstractKeyword, SyntaxKind.SealedKeyword, SyntaxKind.OverrideKeyword,
        SyntaxKind.ReadOnlyKeyword, SyntaxKind.UnsafeKeyword, SyntaxKind.RequiredKeyword, SyntaxKind.VolatileKeyword,
        SyntaxKind.AsyncKeyword,
    };

    /// <summary>Adds <c>partial</c> right before the type keyword: <c>public static partial class</c>.</summary>
    public static TypeDeclarationSyntax AddPartial(TypeDeclarationSyntax type) =>
        (TypeDeclarationSyntax)Insert(type, SyntaxKind.PartialKeyword, type.Modifiers.Count, type.Keyword);

    /// <summary>
    /// Adds <c>static</c> after the accessibility and before the other modifiers, and drops
    /// <c>readonly</c> (a struct's instance method may have it; a static method cannot: CS8657).
    /// </summary>
    public static MethodDeclarationSyntax AddStatic(MethodDeclarationSyntax method)
    {
        int rank = Rank(SyntaxKind.StaticKeyword);
        int index = method.Modifiers.TakeWhile(modifier => Rank(modifier.Kind()) < rank).Count();
        var withStatic = (MethodDeclarationSyntax)Insert(method, SyntaxKind.StaticKeyword, index, method.ReturnType.GetFirstToken());

        // 'static' sits before 'readonly' and took its leading trivia, so only the keyword and its space go.
        SyntaxToken readOnly = withStatic.Modifiers.FirstOrDefault(modifier => modifier.IsKind(SyntaxKind.ReadOnlyKeyword));
        return readOnly.IsKind(SyntaxKind.ReadOnlyKeyword) ? withStatic.WithModifiers(withStatic.Modifiers.Remove(readOnly)) : withStatic;
    }

    /// <param name="afterModifiers">The token that follows the modifiers; used when the keyword goes last.</param>
    private static MemberDeclarationSyntax Insert(MemberDeclarationSyntax declaration, SyntaxKind kind, int index, SyntaxToken afterModifiers)
    {
        // The keyword takes over the leading trivia (indentation, comments) of the token it goes in
        // front of, so a declaration with no modifiers keeps its layout: "    class" -> "    partial class".
        SyntaxToken next = index < declaration.Modifiers.Count ? declaration.Modifiers[index] : afterModifiers;
        SyntaxToken keyword = SyntaxFactory.Token(next.LeadingTrivia, kind, SyntaxFactory.TriviaList(SyntaxFactory.Space));
        if (index < declaration.Modifiers.Count)
        {
            SyntaxTokenList modifiers = declaration.Modifiers.Replace(next, next.WithLeadingTrivia()).Insert(index, keyword);
            return declaration.WithModifiers(modifiers);
        }

        MemberDeclarationSyntax moved = declaration.ReplaceToken(next, next.WithLeadingTrivia());
        return moved.WithModifiers(moved.Modifiers.Add(keyword));
    }

    private static int Rank(SyntaxKind kind)
    {
        int rank = Array.IndexOf(s_order, kind);
        return rank < 0 ? s_order.Length : rank;
    }
}
