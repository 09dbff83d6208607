namespace CapsuleGen.Python.Tests;

/// <summary>Tests that count what the whole process holds (capsules Python holds, native name bytes) run alone.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ProcessWideCounts
{
    public const string Name = "Process-wide counts";
}
