using CapsuleGen;
using CapsuleGen.Python;

namespace Samples.PythonModules;

/// <summary>The seed's duck, as a Python extension module written in C#: it hands out its quack in a capsule.</summary>
[PythonModule("CppDuck")]
public static partial class CppDuck
{
    // Both capsules are also module attributes, CppDuck.quacker and CppDuck.honker, for PyCapsule_Import.
    [ExportCapsule("quacker")]
    private static void Quack() => Console.WriteLine("C# Quack");

    [ExportCapsule("honker")]
    private static void Honk() => Console.WriteLine("C# Honk");

    /// <summary>The quack, in a capsule named "quacker".</summary>
    [PythonFunction("getQuack")]
    public static Capsule GetQuack() => QuackCapsule;

    /// <summary>A honk, in a capsule named "honker": the wrong capsule for a bird that wants a quack.</summary>
    [PythonFunction("getHonk")]
    public static Capsule GetHonk() => HonkCapsule;
}
