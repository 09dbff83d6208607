using System.Collections.Concurrent;
using System.Runtime.InteropServices;

namespace CapsuleGen.Python.Native;

/// <summary>
/// Every CPython symbol the bridge resolves goes through here, which remembers its name and whether the
/// bridge needs it or can do without: the set a module resolves is then what <see cref="Resolved"/> lists,
/// not a list kept by hand beside the code (tests/CapsuleGen.Python.Tests checks it against CPython's
/// stable ABI).
/// </summary>
internal static class PythonSymbols
{
    private static readonly ConcurrentDictionary<string, bool> s_resolved = new(StringComparer.Ordinal);

    /// <summary>Each name resolved so far, and whether it was required (false: optional, looked up with <see cref="Optional"/>).</summary>
    public static IReadOnlyDictionary<string, bool> Resolved => s_resolved;

    /// <summary>The symbol's address in <paramref name="library"/>; throws <see cref="EntryPointNotFoundException"/> when it is not there.</summary>
    public static nint Required(nint library, string name)
    {
        s_resolved[name] = true;
        return NativeLibrary.GetExport(library, name);
    }

    /// <summary>The first of <paramref name="names"/> that <paramref name="library"/> has, or zero.</summary>
    public static nint Optional(nint library, params string[] names)
    {
        foreach (string name in names)
        {
            s_resolved.TryAdd(name, false);
            if (NativeLibrary.TryGetExport(library, name, out nint address))
            {
                return address;
            }
        }

        return 0;
    }
}
