using System.ComponentModel;

namespace CapsuleGen.Interop;

/// <summary>
/// The checks generated imports make when they bind a capsule: name first, then the signature
/// the capsule carries (if any). Called by generated code; done once per bind, never per call.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static partial class CapsuleUnwrap
{
    /// <summary>
    /// Opens a capsule that must hold one function with the C signature <paramref name="signature"/>,
    /// and takes the binding's reference to it.
    /// </summary>
    /// <param name="capsule">The capsule to open.</param>
    /// <param name="name">The name the importer expects.</param>
    /// <param name="signature">The function's C signature as the importer declares it.</param>
    /// <param name="importer">The importing interface, for messages.</param>
    /// <returns>A lease whose pointer is the function; it keeps the capsule alive while it is reachable.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="capsule"/> is null.</exception>
    /// <exception cref="ObjectDisposedException">The handle has been disposed, or the capsule is being destroyed.</exception>
    /// <exception cref="CapsuleNameMismatchException">The capsule has another name.</exception>
    /// <exception cref="CapsuleSignatureMismatchException">The capsule says it holds something else.</exception>
    public static CapsuleLease OpenFunction(Capsule capsule, string? name, string signature, string importer)
    {
        ArgumentNullException.ThrowIfNull(capsule);
        ArgumentException.ThrowIfNullOrEmpty(signature);
        return Open(capsule, name, (signature, importer), static (lease, name, declared) => CheckFunctionSignature(lease.Signature, name, declared.signature, declared.importer));
    }

    /// <summary>
    /// Opens a capsule that must point to a table holding every slot in <paramref name="slots"/>:
    /// checks the name, then (if the capsule describes itself) that it is a table long enough whose
    /// function slots have the declared signatures, then that no function slot is null.
    /// </summary>
    /// <returns>A lease whose pointer is the table, to be read at <c>slot * sizeof(void*)</c>; it keeps the capsule alive while it is reachable.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="capsule"/> is null.</exception>
    /// <exception cref="ObjectDisposedException">The handle has been disposed, or the capsule is being destroyed.</exception>
    /// <exception cref="CapsuleNameMismatchException">The capsule has another name.</exception>
    /// <exception cref="CapsuleSignatureMismatchException">The capsule's table is shorter, or a slot has another signature; the message names the slot.</exception>
    /// <exception cref="InvalidCapsuleException">A function slot the interface needs is null.</exception>
    public static unsafe CapsuleLease OpenTable(Capsule capsule, string? name, TableSlot[] slots, string importer)
    {
        ArgumentNullException.ThrowIfNull(capsule);
        ArgumentNullException.ThrowIfNull(slots);
        return Open(capsule, name, (slots, importer), static (lease, name, declared) =>
        {
            (TableSlot[] slots, string importer) = declared;
            if (lease.Signature is { } actual)
            {
                CheckTableSignature(actual, name, slots, importer);
            }

            var table = (nint*)lease.Pointer;
            foreach (TableSlot slot in slots)
            {
                if (slot.IsFunction && table[slot.Index] == 0)
                {
                    throw new InvalidCapsuleException(
                        $"{importer}.{slot.Member} needs a function in slot {slot.Index} of capsule {Capsule.Describe(name)}, but that slot is null.");
                }
            }
        });
    }

    /// <summary>Takes a reference, checks the name and then <paramref name="check"/> while holding it, and gives it back if a check fails.</summary>
    private static CapsuleLease Open<TDeclared>(Capsule capsule, string? name, TDeclared declared, Action<CapsuleLease, string?, TDeclared> check)
    {
        CapsuleLease lease = CapsuleLease.Take(capsule);
        try
        {
            if (!Capsule.NamesMatch(lease.Name, name))
            {
                throw new CapsuleNameMismatchException(expectedName: name, actualName: lease.Name);
            }

            check(lease, name, declared);
            return lease;
        }
        catch
        {
            lease.Return();
            throw;
        }
    }

    private static void CheckFunctionSignature(CapsuleSignature? actual, string? name, string signature, string importer)
    {
        if (actual is null)
        {
            return; // a foreign capsule is trusted by name alone, as in C
        }

        if (actual.IsTable || actual.IsStruct)
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
    }

    private static void CheckTableSignature(CapsuleSignature actual, string? name, TableSlot[] slots, string importer)
    {
        if (!actual.IsTable)
        {
            string held = actual.IsStruct ? $"a {actual}" : $"one function \"{actual.FunctionSignature}\"";
            throw new CapsuleSignatureMismatchException(
                $"{importer} expects capsule {Capsule.Describe(name)} to hold a table, but it holds {held}.",
                name, slot: null, "table", actual.IsStruct ? actual.ToString() : actual.FunctionSignature);
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
