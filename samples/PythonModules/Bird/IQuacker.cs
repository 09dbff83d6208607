using CapsuleGen;

namespace Samples.PythonModules;

/// <summary>What Bird needs from a capsule named "quacker"; the default body is the fallback.</summary>
[ImportCapsule("quacker")]
public partial interface IQuacker
{
    /// <summary>Makes a noise.</summary>
    void Quack() => Console.WriteLine("No noise came out.");
}
