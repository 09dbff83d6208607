using System.ComponentModel;

namespace CapsuleGen.Interop;

/// <summary>
/// The assembly's manifest entry for one exported function: its capsule name and C signature.
/// Generated, one per export, so that a project referencing this assembly can check its imports
/// against the exports at compile time without scanning every type.
/// </summary>
[AttributeUsage(AttributeTargets.Assembly, AllowMultiple = true, Inherited = false)]
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class ExportedCapsuleAttribute : Attribute
{
    /// <summary>Records an exported function.</summary>
    public ExportedCapsuleAttribute(string? name, string signature)
    {
        Name = name;
        Signature = signature;
    }

    /// <summary>The capsule's name.</summary>
    public string? Name { get; }

    /// <summary>The function's C signature.</summary>
    public string Signature { get; }

    /// <summary>The layout of every struct the signature reaches (see <see cref="CapsuleSignature.StructLayouts"/>), or <see langword="null"/>.</summary>
    public string[]? StructLayouts { get; set; }
}

/// <summary>The assembly's manifest entry for one exported table: its capsule name and each slot's C signature (null for an empty slot).</summary>
[AttributeUsage(AttributeTargets.Assembly, AllowMultiple = true, Inherited = false)]
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class ExportedCapsuleTableAttribute : Attribute
{
    /// <summary>Records an exported table.</summary>
    public ExportedCapsuleTableAttribute(string? name, string?[] slots)
    {
        Name = name;
        Slots = slots;
    }

    /// <summary>The capsule's name.</summary>
    public string? Name { get; }

    /// <summary>Each slot's C signature, or null where the table holds no function.</summary>
    public IReadOnlyList<string?> Slots { get; }

    /// <summary>The layout of every struct the slots' signatures reach (see <see cref="CapsuleSignature.StructLayouts"/>), or <see langword="null"/>.</summary>
    public string[]? StructLayouts { get; set; }
}
