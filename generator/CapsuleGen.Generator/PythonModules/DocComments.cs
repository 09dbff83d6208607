using System.Linq;
using System.Text;
using System.Text.RegularExpressions;
using System.Threading;
using System.Xml;
using System.Xml.Linq;
using Microsoft.CodeAnalysis;

namespace CapsuleGen.Generator.PythonModules;

/// <summary>
/// Reads the <c>&lt;summary&gt;</c> of a declaration's <c>///</c> comment as plain text, for a
/// Python docstring. It reads the comment from the syntax, so it works whether or not the project
/// generates documentation (without it, the compiler does not parse doc comments as XML).
/// </summary>
internal static class DocComments
{
    private static readonly Regex s_whitespace = new(@"\s+");

    /// <summary>The summary as one line of text, or null if there is none.</summary>
    public static string? Summary(ISymbol symbol, CancellationToken cancellationToken)
    {
        string? xml = symbol.DeclaringSyntaxReferences
            .Select(reference => CommentXml(reference.GetSyntax(cancellationToken)))
            .FirstOrDefault(comment => comment is not null);
        if (xml is null)
        {
            return null;
        }

        try
        {
            XElement? summary = XElement.Parse(xml).Element("summary");
            if (summary is null)
            {
                return null;
            }

            string text = s_whitespace.Replace(Flatten(summary), " ").Trim();
            return text.Length == 0 ? null : text;
        }
        catch (XmlException)
        {
            return null; // malformed documentation is the compiler's to report
        }
    }

    /// <summary>The <c>///</c> lines before a declaration, without their slashes, inside one root element; null if there are none.</summary>
    private static string? CommentXml(SyntaxNode declaration)
    {
        var text = new StringBuilder();
        foreach (SyntaxTrivia trivia in declaration.GetLeadingTrivia())
        {
            // Parsed documentation is one structured trivia; unparsed, each line is a plain comment.
            foreach (string line in trivia.ToFullString().Split('\n'))
            {
                string trimmed = line.Trim();
                if (trimmed.StartsWith("///", System.StringComparison.Ordinal))
                {
                    text.Append(trimmed.Substring(3)).Append('\n');
                }
            }
        }

        return text.Length == 0 ? null : "<doc>" + text + "</doc>";
    }

    private static string Flatten(XElement element)
    {
        var text = new StringBuilder();
        foreach (XNode node in element.Nodes())
        {
            switch (node)
            {
                case XText part:
                    text.Append(part.Value);
                    break;
                case XElement { Name.LocalName: "see" or "seealso" } reference:
                    text.Append(reference.Nodes().Any() ? Flatten(reference) : ReferenceName(reference));
                    break;
                case XElement { Name.LocalName: "paramref" or "typeparamref" } parameter:
                    text.Append((string?)parameter.Attribute("name"));
                    break;
                case XElement other:
                    text.Append(Flatten(other));
                    break;
            }
        }

        return text.ToString();
    }

    /// <summary><c>&lt;see cref="T:Ns.Type.Member"/&gt;</c> as <c>Member</c>; <c>&lt;see langword="null"/&gt;</c> as <c>null</c>.</summary>
    private static string ReferenceName(XElement reference)
    {
        string? langword = (string?)reference.Attribute("langword");
        if (langword is not null)
        {
            return langword;
        }

        string cref = (string?)reference.Attribute("cref") ?? (string?)reference.Attribute("href") ?? string.Empty;
        int parenthesis = cref.IndexOf('(');
        string name = parenthesis >= 0 ? cref.Substring(0, parenthesis) : cref;
        return name.Substring(name.LastIndexOfAny(new[] { ':', '.' }) + 1);
    }
}
