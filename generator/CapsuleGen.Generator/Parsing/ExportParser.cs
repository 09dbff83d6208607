using System.Linq;
using CapsuleGen.Generator.Diagnostics;
using CapsuleGen.Generator.Model;
using Microsoft.CodeAnalysis;

namespace CapsuleGen.Generator.Parsing;

/// <summary>Turns a method marked <c>[ExportCapsule]</c> into an <see cref="ExportedFunction"/>, or reports why it cannot be exported.</summary>
internal static class ExportParser
{
    public static ExportedFunction? Parse(IMethodSymbol method, AttributeData attribute, DiagnosticSink sink)
    {
        if (attribute.AttributeConstructor is null)
        {
            return null; // the compiler already reports the malformed attribute
        }

        FunctionSignature? signature = ParseMethod(method, sink);
        TypeLocation? location = TypeLocationParser.Parse(method.ContainingType, sink);
        bool namesFree = NamesAreFree(method, sink);

        string? name = null;
        bool nameValid = CapsuleNameParser.UsesSignatureName(attribute) || CapsuleNameParser.TryRead(attribute, method, sink, out name);
        if (!nameValid || !namesFree || location is null || signature is null)
        {
            return null;
        }

        return new ExportedFunction(
            location,
            Identifiers.Escape(method.Name),
            AccessibilityText.Of(method.DeclaredAccessibility),
            CapsuleNameParser.UsesSignatureName(attribute) ? signature.CSignature : name,
            signature,
            ReadsFailFast(attribute));
    }

    /// <summary>
    /// Checks what every exported method needs, alone or in a table: static, not generic, and a
    /// signature that can cross. Returns the signature, or null after reporting each problem.
    /// </summary>
    public static FunctionSignature? ParseMethod(IMethodSymbol method, DiagnosticSink sink)
    {
        string displayName = method.ContainingType.Name + "." + method.Name;
        bool valid = true;
        if (!method.IsStatic)
        {
            sink.Report(Descriptors.ExportNotStatic, SourceLocations.Of(method), displayName);
            valid = false;
        }

        if (method.IsGenericMethod)
        {
            sink.Report(Descriptors.GenericNotSupported, SourceLocations.Of(method), displayName);
            valid = false;
        }

        FunctionSignature? signature = SignatureParser.Parse(method, displayName, sink);
        return valid ? signature : null;
    }

    /// <summary>
    /// Whether the property, field and trampoline this export generates have names of their own: no
    /// member of the user's, no exported overload before it, no table slot generating the same trampoline.
    /// </summary>
    private static bool NamesAreFree(IMethodSymbol method, DiagnosticSink sink)
    {
        INamedTypeSymbol type = method.ContainingType;
        string display = type.Name + "." + method.Name;
        string property = method.Name + "Capsule";
        string trampoline = method.Name + "Trampoline";

        IMethodSymbol? earlier = type.GetMembers(method.Name)
            .OfType<IMethodSymbol>()
            .FirstOrDefault(other => HasAttribute(other, KnownNames.ExportCapsuleAttribute));
        if (earlier is not null && !SymbolEqualityComparer.Default.Equals(earlier, method))
        {
            sink.Report(Descriptors.GeneratedNameTaken, SourceLocations.Of(method), display, property, "an exported overload of it generates that already");
            return false;
        }

        if (HasAttribute(type, KnownNames.ExportCapsuleAttribute) && HasAttribute(method, KnownNames.CapsuleSlotAttribute))
        {
            sink.Report(Descriptors.GeneratedNameTaken, SourceLocations.Of(method), display, trampoline, $"it also fills a slot of the exported table '{type.Name}', which generates that already");
            return false;
        }

        return GeneratedNames.AreFree(type, method, display, sink, property, "s_" + property, trampoline);
    }

    private static bool HasAttribute(ISymbol symbol, string metadataName) =>
        symbol.GetAttributes().Any(attribute => attribute.AttributeClass?.ToDisplayString() == metadataName);

    /// <summary>Whether the attribute asks for <c>CapsuleExceptionPolicy.FailFast</c>.</summary>
    public static bool ReadsFailFast(AttributeData attribute)
    {
        foreach (var argument in attribute.NamedArguments)
        {
            if (argument.Key == "OnException" && argument.Value.Value is int policy)
            {
                return policy == KnownNames.FailFastPolicy;
            }
        }

        return false;
    }
}
