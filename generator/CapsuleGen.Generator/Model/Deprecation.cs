using System.Collections.Generic;
using System.Linq;

namespace CapsuleGen.Generator.Model;

/// <summary>
/// What generated code inherits from the user's symbols it names that are <c>[Obsolete]</c> or
/// <c>[Experimental]</c>: the warnings to suppress in the generated file, and whether one of them is
/// obsolete as an error, which no <c>#pragma</c> can suppress (the generated member naming it must
/// then be obsolete itself, because C# reports nothing inside an obsolete member).
/// </summary>
/// <param name="Obsolete">Whether something named is obsolete.</param>
/// <param name="ObsoleteAsError">Whether something named is obsolete as an error.</param>
/// <param name="DiagnosticIds">The IDs the user chose for the diagnostics: an experimental ID, or an obsolete attribute's <c>DiagnosticId</c>.</param>
internal sealed record Deprecation(bool Obsolete, bool ObsoleteAsError, EquatableArray<string> DiagnosticIds)
{
    public static Deprecation None { get; } = new(false, false, EquatableArray<string>.Empty);

    /// <summary>The diagnostics naming such a symbol raises: CS0612/CS0618 for obsolete ones, and the IDs the user chose.</summary>
    public IEnumerable<string> SuppressedIds => (Obsolete ? new[] { "CS0612", "CS0618" } : []).Concat(DiagnosticIds);

    public Deprecation Union(Deprecation other) =>
        new(Obsolete || other.Obsolete, ObsoleteAsError || other.ObsoleteAsError, DiagnosticIds.Concat(other.DiagnosticIds).Distinct().OrderBy(id => id, System.StringComparer.Ordinal).ToEquatableArray());
}
