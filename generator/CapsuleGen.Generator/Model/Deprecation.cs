using System.Collections.Generic;
using System.Linq;

namespace CapsuleGen.Generator.Model;

/// <summary>
/// What generated code inherits from the user's symbols it names that are <c>[Obsolete]</c> or
/// <c>[Experimental]</c>: the warnings to suppress in the generated file, and whether one of them is
/// obsolete as an error, which no <c>#pragma</c> can suppress (the generated member naming it must
/// then be obsolete itself, because C# reports nothing inside an obsolete member).
/// </summary>
internal sealed record Deprecation(bool Obsolete, bool ObsoleteAsError, EquatableArray<string> ExperimentalIds)
{
    public static Deprecation None { get; } = new(false, false, EquatableArray<string>.Empty);

    /// <summary>The diagnostics naming such a symbol raises: CS0612/CS0618 for obsolete ones, the experimental IDs.</summary>
    public IEnumerable<string> SuppressedIds => (Obsolete ? new[] { "CS0612", "CS0618" } : []).Concat(ExperimentalIds);

    public Deprecation Union(Deprecation other) =>
        new(Obsolete || other.Obsolete, ObsoleteAsError || other.ObsoleteAsError, ExperimentalIds.Concat(other.ExperimentalIds).Distinct().OrderBy(id => id, System.StringComparer.Ordinal).ToEquatableArray());
}
