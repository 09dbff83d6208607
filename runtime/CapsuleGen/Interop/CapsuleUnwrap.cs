using System.ComponentModel;

namespace CapsuleGen.Interop;

/// <summary>
/// The checks generated imports make when they bind a capsule: name first, then the signature
/// the capsule carries (if any). Called by generated code; done once per bind, never per call.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static partial class CapsuleUnwrap
{
    /// <summary>Opens a capsule that must hold one function with the C signature <paramref name="signature"/>.</summary>
    /// <param name="capsule">The capsule to open.</param>
    /// <param name="name">The name the importer expects.</param>
    /// <param name="signature">The function's C signature as the importer declares it.</param>
    /// <param name="importer">The importing interface, for messages.</param>
    /// <exception cref="ArgumentNullException"><paramref name="capsule"/> is null.</exception>
    /// <exception cref="ObjectDisposedException">The capsule has been disposed.</exception>
    /// <exception cref="CapsuleNameMismatchException">The capsule has another name.</exception>
    /// <exception cref="CapsuleSignatureMismatchException">The capsule says it holds something else.</exception>
    public static nint OpenFunction(Capsule capsule, string? name, string signature, string importer)
    {
        ArgumentNullException.ThrowIfNull(capsule);
        ArgumentException.ThrowIfNullOrEmpty(signature);
        nint pointer = capsule.GetPointer(name);
        CapsuleSignature? actual = capsule.Signature;
        if (actual is null)
        {
            return pointer; // a foreign capsule is trusted by name alone, as in C
        }

        if (actual.IsTable)
        {
            throw new CapsuleSignatureMismatchException(
                $"{importer} expects capsule {Capsule.Describe(name)} to hold one function \"{signature}\", but it holds a {actual}.",
                name, slot: null, signature, actual.ToString());
        }

        if (!string.Equals(actual.FunctionSignature, signature, StringComparison.Ordinal))
        {
            throw new CapsuleSignatureMismatchException(
                $"{importer} expects capsule {Capsule.Describe(name)} to hold \"{signature}\", but it holds \"{actual.FunctionSignature}\".",
                name, slot: null, signature, actual.FunctionSignature);
        }

        return pointer;
    }

    /// <summary>
    /// Opens a capsule that must point to a table holding every slot in <paramref name="slots"/>:
    /// checks the name, then (if the capsule describes itself) that it is a table long enough whose
    /// function slots have the declared signatures, then that no function slot is null.
    /// </summary>
    /// <returns>The table, to be read at <c>slot * sizeof(void*)</c>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="capsule"/> is null.</exception>
    /// <exception cref="ObjectDisposedException">The capsule has been disposed.</exception>
    /// <exception cref="CapsuleNameMismatchException">The capsule has another name.</exception>
    /// <exception cref="CapsuleSignatureMismatchException">The capsule's table is shorter, or a slot has another signature; the message names the slot.</exception>
    /// <exception cref="InvalidCapsuleException">A function slot the interface needs is null.</exception>
    public static unsafe nint* OpenTable(Capsule capsule, string? name, TableSlot[] slots, string importer)
    {
        ArgumentNullException.ThrowIfNull(capsule);
        ArgumentNullException.ThrowIfNull(slots);
        var table = (nint*)capsule.GetPointer(name);
        CapsuleSignature? actual = capsule.Signature;
        if (actual is not null)
        {
            CheckTableSignature(actual, name, slots, importer);
        }

        foreach (TableSlot slot in slots)
        {
            if (slot.IsFunction && table[slot.Index] == 0)
            {
                throw new InvalidCapsuleException(
                    $"{importer}.{slot.Member} needs a function in slot {slot.Index} of capsule {Capsule.Describe(name)}, but that slot is null.");
            }
        }

        return table;
    }

    private static void CheckTableSignature(CapsuleSignature actual, string? name, TableSlot[] slots, string importer)
    {
        if (!actual.IsTable)
        {
            throw new CapsuleSignatureMismatchException(
                $"{importer} expects capsule {Capsule.Describe(name)} to hold a table, but it holds one function \"{actual.FunctionSignature}\".",
                name, slot: null, "table", actual.FunctionSignature);
        }

        TableSlot last = slots.Length == 0 ? default : slots.MaxBy(slot => slot.Index);
        if (slots.Length > 0 && last.Index >= actual.SlotCount)
        {
            throw new CapsuleSignatureMismatchException(
                $"{importer}.{last.Member} reads slot {last.Index} of capsule {Capsule.Describe(name)}, but its table has {actual.SlotCount} slot{(actual.SlotCount == 1 ? string.Empty : "s")} (0 to {actual.SlotCount - 1}).",
                name, last.Index, last.Signature, actual.ToString());
        }

        foreach (TableSlot slot in slots.OrderBy(slot => slot.Index))
        {
            string? found = actual.GetSlot(slot.Index);
            if (slot.IsFunction && !string.Equals(found, slot.Signature, StringComparison.Ordinal))
            {
                string foundText = found is null ? "no function" : $"\"{found}\"";
                throw new CapsuleSignatureMismatchException(
                    $"{importer}.{slot.Member} expects slot {slot.Index} of capsule {Capsule.Describe(name)} to hold \"{slot.Signature}\", but it holds {foundText}.",
                    name, slot.Index, slot.Signature, found);
            }
        }
    }
}
