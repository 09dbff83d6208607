using System.Collections.Generic;
using CapsuleGen.Generator.Parsing;

namespace CapsuleGen.Generator.PythonModules.Stubs;

/// <summary>
/// The private names a stub imports its helpers as (<c>_Any</c>, <c>_Capsule</c>...): a module may have a
/// function called <c>Any</c> or even <c>_Any</c>, and a stub's names share the module's namespace.
/// </summary>
internal sealed class StubNames
{
    public StubNames(IEnumerable<string> memberNames)
    {
        var taken = new HashSet<string>(memberNames);
        Sys = Identifiers.Take("_sys", taken);
        Builtins = Identifiers.Take("_builtins", taken);
        Any = Identifiers.Take("_Any", taken);
        Protocol = Identifiers.Take("_Protocol", taken);
        Capsule = Identifiers.Take("_Capsule", taken);
        Buffer = Identifiers.Take("_Buffer", taken);
        DLPackProducer = Identifiers.Take("_DLPackProducer", taken);
        Array = Identifiers.Take("_Array", taken);
        Tensor = Identifiers.Take("_DLPackTensor", taken);
    }

    public string Sys { get; }

    /// <summary>The module <c>builtins</c>, for a builtin type a member's name hides.</summary>
    public string Builtins { get; }

    public string Any { get; }

    public string Protocol { get; }

    /// <summary><c>types.CapsuleType</c> where it exists (3.13), <c>Any</c> before.</summary>
    public string Capsule { get; }

    /// <summary>Anything with the buffer protocol (PEP 688).</summary>
    public string Buffer { get; }

    /// <summary>Anything with <c>__dlpack__</c>.</summary>
    public string DLPackProducer { get; }

    /// <summary>What an array parameter takes: a buffer or a DLPack producer.</summary>
    public string Array { get; }

    /// <summary>The <c>capsulegen.DLPackTensor</c> a tensor result is.</summary>
    public string Tensor { get; }
}
