namespace CapsuleGen.Interop;

public static partial class CapsuleUnwrap
{
    /// <summary>
    /// Opens a capsule that must point to a table laid out as a C struct of at least
    /// <paramref name="size"/> bytes holding every field in <paramref name="fields"/>: checks the
    /// name; then, if the capsule describes itself, that it is a C struct at least as long whose
    /// fields have the same offsets and C types (names may differ); then the struct's own size field,
    /// if the interface declares one; then that no function field is null.
    /// </summary>
    /// <param name="capsule">The capsule to open.</param>
    /// <param name="name">The name the importer expects.</param>
    /// <param name="size">The size of the struct the importer declares: a prefix of the exporter's is enough.</param>
    /// <param name="fields">The fields the importer reads.</param>
    /// <param name="importer">The importing interface, for messages.</param>
    /// <returns>A lease whose pointer is the struct; it keeps the capsule alive while it is reachable.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="capsule"/> is null.</exception>
    /// <exception cref="ObjectDisposedException">The handle has been disposed, or the capsule is being destroyed.</exception>
    /// <exception cref="CapsuleNameMismatchException">The capsule has another name.</exception>
    /// <exception cref="CapsuleSignatureMismatchException">The capsule holds no C struct, a shorter one, or another field at an offset; the message names the member, the offset and both types.</exception>
    /// <exception cref="InvalidCapsuleException">A function field the interface needs is null.</exception>
    public static unsafe CapsuleLease OpenStruct(Capsule capsule, string? name, int size, StructField[] fields, string importer)
    {
        ArgumentNullException.ThrowIfNull(capsule);
        ArgumentNullException.ThrowIfNull(fields);
        return Open(capsule, name, (size, fields, importer), static (lease, name, declared) =>
        {
            (int size, StructField[] fields, string importer) = declared;
            if (lease.Signature is { } actual)
            {
                CheckStructSignature(actual, name, size, fields, importer);
            }

            var table = (byte*)lease.Pointer;
            foreach (StructField field in fields)
            {
                if (field.IsStructSize)
                {
                    CheckSizeField(ReadSize(table, field), name, size, field, importer);
                }
                else if (field.IsFunction && *(nint*)(table + field.Offset) == 0)
                {
                    throw new InvalidCapsuleException(
                        $"{importer}.{field.Member} needs a function at offset {field.Offset} of capsule {Capsule.Describe(name)}, but that field is null.");
                }
            }
        });
    }

    /// <summary>Opens a C struct table whose structs are laid out as <paramref name="structLayouts"/> says; see <see cref="OpenStruct(Capsule, string?, int, StructField[], string)"/>.</summary>
    /// <exception cref="CapsuleSignatureMismatchException">The capsule lays out a struct differently; the message shows both layouts.</exception>
    /// <inheritdoc cref="OpenStruct(Capsule, string?, int, StructField[], string)"/>
    public static CapsuleLease OpenStruct(Capsule capsule, string? name, int size, StructField[] fields, string[] structLayouts, string importer) =>
        RequireStructLayouts(OpenStruct(capsule, name, size, fields, importer), name, structLayouts, importer);

    /// <summary>
    /// Whether a field of the importer's C type can read the exporter's: the same type, or a string
    /// constant (<c>const char *</c>) read through <c>byte*</c> or <c>sbyte*</c>, as C# spells
    /// <c>char *</c>.
    /// </summary>
    internal static bool CanRead(string importedType, string exportedType) =>
        string.Equals(importedType, exportedType, StringComparison.Ordinal) ||
        exportedType == "const char *" && importedType is "uint8_t *" or "int8_t *";

    private static void CheckStructSignature(CapsuleSignature actual, string? name, int size, StructField[] fields, string importer)
    {
        if (!actual.IsStruct)
        {
            throw new CapsuleSignatureMismatchException(
                $"{importer} expects capsule {Capsule.Describe(name)} to hold a C struct, but it holds a {actual}.",
                name, slot: null, "C struct", actual.ToString());
        }

        if (size > actual.StructSize)
        {
            throw new CapsuleSignatureMismatchException(
                $"{importer} declares a C struct of {size} bytes, but capsule {Capsule.Describe(name)} holds one of {actual.StructSize} bytes.",
                name, slot: null, $"C struct of {size} bytes", actual.ToString());
        }

        foreach (StructField field in fields)
        {
            CapsuleStructField? found = actual.FindStructField(field.Offset);
            string expected = field.Signature ?? field.CType;
            if (found is not { } exported || !CanRead(field.CType, exported.CType) || !string.Equals(field.Signature, exported.FunctionSignature, StringComparison.Ordinal))
            {
                string foundText = found is { } other ? $"\"{other.FunctionSignature ?? other.CType}\"" : "no field that starts there";
                throw new CapsuleSignatureMismatchException(
                    $"{importer}.{field.Member} expects offset {field.Offset} of capsule {Capsule.Describe(name)} to hold \"{expected}\", but it holds {foundText}.",
                    name, slot: null, expected, found?.FunctionSignature ?? found?.CType);
            }
        }
    }

    /// <summary>The struct's size field, read as its C type says.</summary>
    private static unsafe long ReadSize(byte* table, StructField field)
    {
        byte* at = table + field.Offset;
        return field.CType switch
        {
            "int" => *(int*)at,
            "unsigned int" => *(uint*)at,
            "int64_t" or "intptr_t" => *(long*)at,
            "uint64_t" or "uintptr_t" => (long)Math.Min(*(ulong*)at, long.MaxValue),
            _ => throw new InvalidOperationException($"{field.Member} holds the struct's size, so its type is an integer of 4 or 8 bytes, not {field.CType}."),
        };
    }

    private static void CheckSizeField(long found, string? name, int size, StructField field, string importer)
    {
        if (found < size)
        {
            throw new CapsuleSignatureMismatchException(
                $"{importer}.{field.Member} says capsule {Capsule.Describe(name)} holds a C struct of {found} bytes, but {importer} declares {size} bytes: the table was made for an older, shorter struct; declare only the fields it has.",
                name, slot: null, $"C struct of {size} bytes", $"C struct of {found} bytes");
        }
    }
}
