namespace CapsuleGen.Interop;

public static partial class CapsuleUnwrap
{
    /// <summary>
    /// Opens a capsule that must hold one function with the C signature <paramref name="signature"/>,
    /// whose structs are laid out as <paramref name="structLayouts"/> says: the name is checked first,
    /// then the signature, then each struct's layout (see <see cref="CapsuleSignature.StructLayouts"/>).
    /// </summary>
    /// <exception cref="CapsuleSignatureMismatchException">The capsule lays out a struct differently; the message shows both layouts.</exception>
    /// <inheritdoc cref="OpenFunction(Capsule, string?, string, string)"/>
    public static CapsuleLease OpenFunction(Capsule capsule, string? name, string signature, string[] structLayouts, string importer) =>
        RequireStructLayouts(OpenFunction(capsule, name, signature, importer), name, structLayouts, importer);

    /// <summary>
    /// Opens a capsule that must point to a table holding every slot in <paramref name="slots"/>,
    /// whose structs are laid out as <paramref name="structLayouts"/> says; see
    /// <see cref="OpenTable(Capsule, string?, TableSlot[], string)"/>.
    /// </summary>
    /// <exception cref="CapsuleSignatureMismatchException">The capsule lays out a struct differently; the message shows both layouts.</exception>
    /// <inheritdoc cref="OpenTable(Capsule, string?, TableSlot[], string)"/>
    public static CapsuleLease OpenTable(Capsule capsule, string? name, TableSlot[] slots, string[] structLayouts, string importer) =>
        RequireStructLayouts(OpenTable(capsule, name, slots, importer), name, structLayouts, importer);

    /// <summary>
    /// Every struct the importer passes must be laid out alike on both sides: <c>struct Point</c> of
    /// two ints in one module and of two doubles in another have one C spelling, and binding them
    /// would give garbage. A capsule that describes no layout (a foreign one, or a signature written
    /// by hand) is trusted by its C signature, as C would. A lease that fails the check is given back.
    /// </summary>
    private static CapsuleLease RequireStructLayouts(CapsuleLease lease, string? name, string[] expected, string importer)
    {
        try
        {
            CheckStructLayouts(lease.Signature, name, expected, importer);
            return lease;
        }
        catch
        {
            lease.Return();
            throw;
        }
    }

    private static void CheckStructLayouts(CapsuleSignature? actual, string? name, string[] expected, string importer)
    {
        ArgumentNullException.ThrowIfNull(expected);
        if (actual is null || actual.StructLayouts.Count == 0)
        {
            return;
        }

        foreach (string layout in expected)
        {
            string structName = CapsuleSignature.StructName(layout);
            string? found = actual.FindStructLayout(structName);
            if (!string.Equals(found, layout, StringComparison.Ordinal))
            {
                throw new CapsuleSignatureMismatchException(
                    $"{importer} expects capsule {Capsule.Describe(name)} to lay out {structName} as \"{layout}\", but {(found is null ? "the capsule does not describe it" : $"the capsule's is \"{found}\"")}.",
                    name, slot: null, layout, found);
            }
        }
    }
}
