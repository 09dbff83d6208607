using System.ComponentModel;
using System.Runtime.InteropServices;

namespace CapsuleGen.Interop;

/// <summary>
/// The capsules generated exports hand out. Each is created on first use and lives as long as the
/// process, like a C module's static table; every call returns a new handle to it, which the caller
/// may dispose without affecting anyone else. Called by generated code.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static unsafe class ExportedCapsules
{
    private static readonly Dictionary<nint, Capsule> s_exported = new();

    /// <summary>A new handle to the capsule holding the trampoline <paramref name="function"/>.</summary>
    /// <param name="function">The trampoline's native address, which also identifies the capsule.</param>
    /// <param name="name">The capsule's name.</param>
    /// <param name="signature">The function's C signature.</param>
    /// <param name="structLayouts">The layout of each struct the signature passes by value or behind a pointer.</param>
    public static Capsule Function(nint function, string? name, string signature, params string[] structLayouts) =>
        Share(function, () => new Capsule(function, name, signature: Described(CapsuleSignature.Function(signature), structLayouts)));

    /// <summary>A new handle to the capsule holding a table of <c>slots.Length</c> pointers, which <paramref name="fill"/> writes once.</summary>
    /// <param name="fill">Writes each slot's trampoline into the zeroed table; its address also identifies the capsule.</param>
    /// <param name="name">The capsule's name.</param>
    /// <param name="slots">Each slot's C signature, or <see langword="null"/> for a slot no method fills.</param>
    /// <param name="structLayouts">The layout of each struct the slots' signatures pass.</param>
    public static Capsule Table(delegate*<nint*, void> fill, string? name, string?[] slots, params string[] structLayouts) =>
        Share((nint)fill, () =>
        {
            // Never freed: the table lives as long as the process, so every pointer read from it stays valid.
            var table = (nint*)NativeMemory.AllocZeroed((nuint)slots.Length, (nuint)sizeof(nint));
            fill(table);
            return new Capsule((nint)table, name, signature: Described(CapsuleSignature.Table(slots), structLayouts));
        });

    private static Capsule Share(nint key, Func<Capsule> create)
    {
        lock (s_exported)
        {
            if (!s_exported.TryGetValue(key, out Capsule? exported))
            {
                exported = create();
                s_exported.Add(key, exported); // the registry's handle is never disposed
            }

            return exported.Share();
        }
    }

    private static CapsuleSignature Described(CapsuleSignature signature, string[] structLayouts) =>
        structLayouts.Length == 0 ? signature : signature.WithStructLayouts(structLayouts);
}
