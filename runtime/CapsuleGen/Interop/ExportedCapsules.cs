using System.ComponentModel;
using System.Runtime.InteropServices;
using CapsuleGen.Ownership;

namespace CapsuleGen.Interop;

/// <summary>
/// The capsules generated exports hand out. Each is created on first use and lives as long as the
/// process, like a C module's static table; every call returns a new handle to it, which the caller
/// may dispose without affecting anyone else. For generated code only: a capsule made here carries
/// the managed entry that bindings in this process call instead of the native pointer, and nothing
/// checks that the two are the same function (CAPS0025 refuses a use outside generated code).
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static unsafe class ExportedCapsules
{
    private static readonly Dictionary<nint, CapsuleCore> s_exported = new();

    /// <summary>A new handle to the capsule holding the trampoline <paramref name="function"/>.</summary>
    /// <param name="function">The trampoline's native address, which also identifies the capsule.</param>
    /// <param name="entry">The managed entry the trampoline calls: same parameters, same exception policy.</param>
    /// <param name="name">The capsule's name.</param>
    /// <param name="signature">The function's C signature.</param>
    /// <param name="structLayouts">The layout of each struct the signature reaches.</param>
    public static Capsule Function(nint function, nint entry, string? name, string signature, params string[] structLayouts) =>
        Share(function, () => new CapsuleCore(function, entry, name, Described(CapsuleSignature.Function(signature), structLayouts)));

    /// <summary>
    /// A new handle to the capsule holding a table of <c>slots.Length</c> pointers, which
    /// <paramref name="fill"/> writes once together with the table of managed entries beside it.
    /// </summary>
    /// <param name="fill">Writes each slot's trampoline and managed entry into the zeroed tables; its address also identifies the capsule.</param>
    /// <param name="name">The capsule's name.</param>
    /// <param name="slots">Each slot's C signature, or <see langword="null"/> for a slot no method fills.</param>
    /// <param name="structLayouts">The layout of each struct the slots' signatures reach.</param>
    public static Capsule Table(delegate*<nint*, nint*, void> fill, string? name, string?[] slots, params string[] structLayouts) =>
        Share((nint)fill, () =>
        {
            // Never freed: the tables live as long as the process, so every pointer read from them stays valid.
            var table = (nint*)NativeMemory.AllocZeroed((nuint)slots.Length, (nuint)sizeof(nint));
            var entries = (nint*)NativeMemory.AllocZeroed((nuint)slots.Length, (nuint)sizeof(nint));
            fill(table, entries);
            return new CapsuleCore((nint)table, (nint)entries, name, Described(CapsuleSignature.Table(slots), structLayouts));
        });

    /// <summary>
    /// A new handle to the capsule holding a table laid out as a C struct of <paramref name="size"/>
    /// bytes, which <paramref name="fill"/> writes once, together with the table of managed entries
    /// beside it: the entry of the function at offset <c>n</c> goes at index <c>n / sizeof(void*)</c>.
    /// </summary>
    /// <param name="fill">Writes each field and each function's managed entry into the zeroed tables; its address also identifies the capsule.</param>
    /// <param name="name">The capsule's name.</param>
    /// <param name="size">The struct's size in bytes.</param>
    /// <param name="alignment">The struct's alignment, a power of two.</param>
    /// <param name="fields">Each field's offset and C type, in order of offset.</param>
    /// <param name="structLayouts">The layout of each struct the fields reach.</param>
    public static Capsule Struct(delegate*<byte*, nint*, void> fill, string? name, int size, int alignment, CapsuleStructField[] fields, params string[] structLayouts)
    {
        // Described before anything is allocated: a description that makes no sense throws here.
        CapsuleSignature signature = Described(CapsuleSignature.Struct(size, fields), structLayouts);
        return Share((nint)fill, () =>
        {
            // Never freed, like a C module's static struct: every pointer read from it stays valid.
            var table = (byte*)NativeMemory.AlignedAlloc((nuint)size, (nuint)alignment);
            NativeMemory.Clear(table, (nuint)size);
            int entryCount = (size + sizeof(nint) - 1) / sizeof(nint);
            var entries = (nint*)NativeMemory.AllocZeroed((nuint)entryCount, (nuint)sizeof(nint));
            fill(table, entries);
            return new CapsuleCore((nint)table, (nint)entries, name, signature);
        });
    }

    /// <summary>
    /// A NUL-terminated UTF-8 copy of <paramref name="text"/> in native memory that is never freed:
    /// a string constant of a C struct table, which C reads as a <c>const char *</c> for as long as the
    /// process runs. Called once per constant, when the table is built.
    /// </summary>
    public static byte* Utf8Constant(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        int length = System.Text.Encoding.UTF8.GetByteCount(text);
        var copy = (byte*)NativeMemory.AllocZeroed((nuint)length + 1);
        System.Text.Encoding.UTF8.GetBytes(text, new Span<byte>(copy, length));
        return copy;
    }

    private static Capsule Share(nint key, Func<CapsuleCore> create)
    {
        lock (s_exported)
        {
            if (!s_exported.TryGetValue(key, out CapsuleCore? exported))
            {
                exported = create();
                s_exported.Add(key, exported); // the registry's reference is never given back
            }

            return exported.TryAddReference()
                ? Capsule.FromNewReference(exported)
                : throw new InvalidOperationException("An exported capsule lost the reference the process holds on it.");
        }
    }

    private static CapsuleSignature Described(CapsuleSignature signature, string[] structLayouts) =>
        structLayouts.Length == 0 ? signature : signature.WithStructLayouts(structLayouts);
}
