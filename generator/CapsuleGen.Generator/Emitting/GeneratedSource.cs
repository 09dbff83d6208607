namespace CapsuleGen.Generator.Emitting;

/// <summary>A generated file: what it is generated for (<c>Ns.Duck</c>, <c>Exports</c>), its text, and once assigned, its hint name.</summary>
internal sealed record GeneratedSource(string FullName, string Kind, string Text, string HintName = "");
