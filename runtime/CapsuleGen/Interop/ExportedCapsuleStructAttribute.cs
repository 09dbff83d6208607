using System.ComponentModel;

namespace CapsuleGen.Interop;

/// <summary>
/// The assembly's manifest entry for one table exported as a C struct: its capsule name, size, and
/// each field's offset and C type (see <see cref="CapsuleStructField"/>).
/// </summary>
[AttributeUsage(AttributeTargets.Assembly, AllowMultiple = true, Inherited = false)]
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class ExportedCapsuleStructAttribute : Attribute
{
    /// <summary>Records an exported C struct table; <paramref name="offsets"/> and <paramref name="fieldTypes"/> pair up.</summary>
    public ExportedCapsuleStructAttribute(string? name, int size, int[] offsets, string[] fieldTypes)
    {
        Name = name;
        Size = size;
        Offsets = offsets;
        FieldTypes = fieldTypes;
    }

    /// <summary>The capsule's name.</summary>
    public string? Name { get; }

    /// <summary>The struct's size in bytes.</summary>
    public int Size { get; }

    /// <summary>Each field's byte offset, in order.</summary>
    public IReadOnlyList<int> Offsets { get; }

    /// <summary>Each field's C type, in the order of <see cref="Offsets"/>.</summary>
    public IReadOnlyList<string> FieldTypes { get; }

    /// <summary>The layout of every struct the fields reach (see <see cref="CapsuleSignature.StructLayouts"/>), or <see langword="null"/>.</summary>
    public string[]? StructLayouts { get; set; }
}
