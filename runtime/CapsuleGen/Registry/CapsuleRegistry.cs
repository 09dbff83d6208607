using CapsuleGen.Ownership;

namespace CapsuleGen;

/// <summary>
/// A process-wide table of published capsules, playing the part of <c>PyCapsule_Import</c>:
/// a module publishes a capsule under a dotted name, and any other module imports it by that name
/// without referencing the publisher. As in CPython, a capsule's own name must equal the name it
/// is published under.
/// </summary>
public static class CapsuleRegistry
{
    private static readonly Dictionary<string, CapsuleCore> s_published = new(StringComparer.Ordinal);

    /// <summary>
    /// Publishes <paramref name="capsule"/> under <paramref name="name"/>, replacing any capsule
    /// published there before. The registry takes a reference of its own: the caller keeps (and
    /// disposes) its handle, and the capsule stays importable until it is unpublished or replaced.
    /// </summary>
    /// <exception cref="ArgumentException">The name is not a dotted name such as <c>spam._C_API</c>.</exception>
    /// <exception cref="CapsuleNameMismatchException">The capsule's own name differs from <paramref name="name"/>.</exception>
    /// <exception cref="ObjectDisposedException">The handle has been disposed.</exception>
    public static void Publish(string name, Capsule capsule)
    {
        ValidateDottedName(name);
        ArgumentNullException.ThrowIfNull(capsule);
        _ = capsule.GetPointer(name); // the same name check an importer makes, done once here
        CapsuleCore published = capsule.AddReference();
        CapsuleCore? replaced;
        lock (s_published)
        {
            s_published.Remove(name, out replaced);
            s_published[name] = published;
        }

        replaced?.ReleaseDeferred();
    }

    /// <summary>Removes the capsule published under <paramref name="name"/> and drops the registry's reference to it; returns whether there was one.</summary>
    public static bool Unpublish(string name)
    {
        ValidateDottedName(name);
        CapsuleCore? removed;
        lock (s_published)
        {
            s_published.Remove(name, out removed);
        }

        removed?.ReleaseDeferred();
        return removed is not null;
    }

    /// <summary>
    /// Returns a new handle to the capsule published under <paramref name="name"/>, for the caller
    /// to dispose: disposing it never affects the publisher or other importers.
    /// </summary>
    /// <exception cref="CapsuleNotFoundException">Nothing is published under that name; the message lists what is.</exception>
    public static Capsule Import(string name)
    {
        ValidateDottedName(name);
        return TryImport(name, out Capsule? capsule)
            ? capsule
            : throw new CapsuleNotFoundException(name, $"No capsule is published as \"{name}\". {DescribePublished()}");
    }

    /// <summary>Finds the capsule published under <paramref name="name"/> and returns a new handle to it, for the caller to dispose. Never throws.</summary>
    public static bool TryImport(string? name, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out Capsule? capsule)
    {
        lock (s_published)
        {
            if (name is not null && s_published.TryGetValue(name, out CapsuleCore? published) && published.TryAddReference())
            {
                capsule = Capsule.FromNewReference(published);
                return true;
            }
        }

        capsule = null;
        return false;
    }

    private static void ValidateDottedName(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (name.Length == 0 || name.Split('.').Any(part => part.Length == 0) || name.IndexOf('\0') >= 0)
        {
            throw new ArgumentException($"\"{name}\" is not a dotted capsule name: expected non-empty parts separated by single dots, such as \"spam._C_API\".", nameof(name));
        }
    }

    private static string DescribePublished()
    {
        string[] names;
        lock (s_published)
        {
            names = s_published.Keys.OrderBy(key => key, StringComparer.Ordinal).ToArray();
        }

        return names.Length == 0
            ? "Nothing is published."
            : "Published: " + string.Join(", ", names.Take(10).Select(key => "\"" + key + "\"")) + (names.Length > 10 ? $", and {names.Length - 10} more." : ".");
    }
}
