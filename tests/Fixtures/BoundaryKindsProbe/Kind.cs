using CapsuleGen;

namespace BoundaryKinds;

/// <summary>One kind of value: the export native code calls, and a check of a binding to that kind's function (in C or in C#).</summary>
internal sealed record Kind(string Name, Capsule Export, Func<Capsule, bool> CallsThroughBinding);
