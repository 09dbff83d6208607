using CapsuleGen;
using CapsuleGen.Python;

namespace Samples.PythonModules;

/// <summary>The seed's bird, as a Python extension module written in C#: it calls whatever quack it was given, or its fallback.</summary>
[PythonModule("Bird")]
public static partial class Bird
{
    private static readonly IQuacker.Binding s_quacker = new();

    /// <summary>Binds a capsule named "quacker"; a wrong capsule raises ValueError and the current quack stays.</summary>
    [PythonFunction("setQuack")]
    public static void SetQuack(Capsule quack) => s_quacker.Bind(quack);

    /// <summary>Calls the quack bound now: unlike the seed's module, never a pointer captured earlier.</summary>
    [PythonFunction("callQuack")]
    public static void CallQuack() => s_quacker.Quack();

    /// <summary>Goes back to the fallback.</summary>
    [PythonFunction("resetQuack")]
    public static void ResetQuack() => s_quacker.Unbind();
}
