using CapsuleGen.Generator.Diagnostics;
using Microsoft.CodeAnalysis;

namespace CapsuleGen.Generator.Parsing;

/// <summary>Reads and checks the name given to <c>[ExportCapsule]</c> or <c>[ImportCapsule]</c>.</summary>
internal static class CapsuleNameParser
{
    /// <summary>Whether the attribute was written without a name, so the C signature names the capsule.</summary>
    public static bool UsesSignatureName(AttributeData attribute) => attribute.ConstructorArguments.Length == 0;

    /// <summary>
    /// The explicit name: a string, or null for <c>[ExportCapsule(null)]</c>, which gives the capsule
    /// a NULL name as CPython allows (NumPy's <c>_ARRAY_API</c> has one).
    /// </summary>
    public static bool TryRead(AttributeData attribute, ISymbol owner, DiagnosticSink sink, out string? name)
    {
        name = attribute.ConstructorArguments[0].Value as string;
        string? problem = name switch
        {
            null => null,
            "" => "a capsule name cannot be empty; C code would open it with \"\", which is easy to confuse with no name at all",
            _ when name.IndexOf('\0') >= 0 => "a capsule name cannot contain '\\0': C compares names with strcmp, which stops at the first NUL",
            _ when LoneSurrogate(name) is { } index =>
                $"a capsule name must be valid UTF-16, but this one has a lone surrogate (U+{(int)name[index]:X4}) at index {index}: it has no UTF-8 form for C code to compare",
            _ => null,
        };

        if (problem is null)
        {
            return true;
        }

        sink.Report(Descriptors.InvalidCapsuleName, SourceLocations.AttributeArgument(attribute, owner), DiagnosticText.Quote(name), problem);
        return false;
    }

    /// <summary>The index of the first surrogate half that is not part of a pair, which the runtime refuses in a name; null if there is none.</summary>
    private static int? LoneSurrogate(string name)
    {
        for (int i = 0; i < name.Length; i++)
        {
            if (char.IsSurrogatePair(name, i))
            {
                i++;
            }
            else if (char.IsSurrogate(name[i]))
            {
                return i;
            }
        }

        return null;
    }
}
