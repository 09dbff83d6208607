// CapsuleGen's MSBuild tasks, compiled by MSBuild itself (RoslynCodeTaskFactory) when a build first uses
// them: one reads what the source generator wrote into an assembly's AssemblyMetadata (CapsuleGen.Python's
// build step reads its modules' stubs with it), one writes the C header and Cython declarations from there.
#nullable enable
using System;
using System.Collections.Generic;
using System.IO;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using System.Text;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;

/// <summary>
/// Writes &lt;stem&gt;.h and &lt;stem&gt;.pxd (AssemblyMetadata "CapsuleGen.NativeHeader", ".h", ".pxd") into
/// each directory, leaving a file alone when it already holds the same text, so that a C build that
/// depends on the header rebuilds only when a declaration changed. An assembly that exports no capsule
/// has no header: nothing is written, and files an earlier build wrote are deleted.
/// </summary>
public sealed class CapsuleGenWriteNativeHeader : Task
{
    private const string Key = "CapsuleGen.NativeHeader";

    /// <summary>The compiled assembly.</summary>
    [Required] public string Assembly { get; set; } = "";

    /// <summary>Where the files go.</summary>
    [Required] public string[] Directories { get; set; } = Array.Empty<string>();

    /// <summary>The stem of the last files written here, recorded so they can be deleted when the exports go.</summary>
    [Required] public string StemFile { get; set; } = "";

    /// <summary>The header's path in the first directory, or empty when the assembly exports nothing.</summary>
    [Output] public string HeaderFile { get; set; } = "";

    public override bool Execute()
    {
        Dictionary<string, string> values;
        try
        {
            values = AssemblyMetadata.Read(Assembly, Key);
        }
        catch (Exception exception) when (exception is IOException or BadImageFormatException or InvalidOperationException)
        {
            Log.LogError(null, "CAPS1009", null, null, 0, 0, 0, 0, "CapsuleGen could not read the C header from {0}: {1}", Assembly, exception.Message);
            return false;
        }

        string previous = File.Exists(StemFile) ? File.ReadAllText(StemFile).Trim() : "";
        values.TryGetValue(Key, out string? stem);
        if (previous.Length > 0 && previous != stem)
        {
            foreach (string directory in Directories)
            {
                DeleteIfPresent(Path.Combine(directory, previous + ".h"));
                DeleteIfPresent(Path.Combine(directory, previous + ".pxd"));
            }
        }

        if (stem is null || !values.TryGetValue(Key + ".h", out string? header) || !values.TryGetValue(Key + ".pxd", out string? declarations))
        {
            DeleteIfPresent(StemFile);
            return true;
        }

        foreach (string directory in Directories)
        {
            Directory.CreateDirectory(directory);
            WriteIfChanged(Path.Combine(directory, stem + ".h"), header);
            WriteIfChanged(Path.Combine(directory, stem + ".pxd"), declarations);
        }

        WriteIfChanged(StemFile, stem);
        HeaderFile = Path.Combine(Directories[0], stem + ".h");
        return true;
    }

    // File.Delete throws when the directory is missing too (a project that never exported anything).
    private static void DeleteIfPresent(string path)
    {
        if (File.Exists(path))
        {
            File.Delete(path);
        }
    }

    private static void WriteIfChanged(string path, string text)
    {
        byte[] bytes = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false).GetBytes(text);
        if (!File.Exists(path) || !System.Linq.Enumerable.SequenceEqual(File.ReadAllBytes(path), bytes))
        {
            File.WriteAllBytes(path, bytes);
        }
    }
}

/// <summary>
/// The AssemblyMetadata pairs of an assembly whose keys start with Prefix, in the order the assembly
/// declares them, repeats included: one item each, its ItemSpec the key and its Value metadata the
/// value, taken literally (MSBuild does not expand '%', '$' or '@' in it).
/// </summary>
public sealed class CapsuleGenReadAssemblyMetadata : Task
{
    [Required] public string Assembly { get; set; } = "";

    [Required] public string Prefix { get; set; } = "";

    /// <summary>The error code for an assembly that cannot be read, and what a message says was being read ("its Python module").</summary>
    [Required] public string ErrorCode { get; set; } = "";

    [Required] public string Subject { get; set; } = "";

    [Output] public ITaskItem[] Pairs { get; set; } = Array.Empty<ITaskItem>();

    public override bool Execute()
    {
        if (!File.Exists(Assembly))
        {
            Log.LogError(null, ErrorCode, null, Assembly, 0, 0, 0, 0, $"The assembly {Assembly} does not exist, so {Subject} cannot be read.");
            return false;
        }

        var pairs = new List<ITaskItem>();
        try
        {
            foreach ((string key, string value) in AssemblyMetadata.Pairs(Assembly, Prefix))
            {
                var item = new TaskItem(EscapeSpec(key));
                ((ITaskItem2)item).SetMetadataValueLiteral("Value", value);
                pairs.Add(item);
            }
        }
        catch (Exception error) when (error is IOException or BadImageFormatException or InvalidOperationException)
        {
            Log.LogError(null, ErrorCode, null, Assembly, 0, 0, 0, 0, $"The metadata of {Assembly} cannot be read, so neither can {Subject}: {error.Message}");
            return false;
        }

        Pairs = pairs.ToArray();
        return true;
    }

    /// <summary>A key as an item's spec, which MSBuild unescapes: %XX for the characters it would read.</summary>
    private static string EscapeSpec(string key)
    {
        var text = new StringBuilder(key.Length);
        foreach (char c in key)
        {
            text.Append(c is '%' or '*' or '?' or '@' or '$' or '(' or ')' or ';' or '\'' ? "%" + ((int)c).ToString("X2") : c.ToString());
        }

        return text.ToString();
    }
}

/// <summary>Reads an assembly's AssemblyMetadata attributes without loading it.</summary>
internal static class AssemblyMetadata
{
    /// <summary>Every key starting with <paramref name="prefix"/>, with its value; a key given twice with two values is an error.</summary>
    public static Dictionary<string, string> Read(string assembly, string prefix)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach ((string key, string value) in Pairs(assembly, prefix))
        {
            if (values.TryGetValue(key, out string? earlier) && earlier != value)
            {
                throw new InvalidOperationException($"'{key}' is declared twice with different values (a hand-written declaration beside the generator's?)");
            }

            values[key] = value;
        }

        return values;
    }

    /// <summary>Every pair whose key starts with <paramref name="prefix"/>, in the order the assembly declares them.</summary>
    public static List<(string Key, string Value)> Pairs(string assembly, string prefix)
    {
        var pairs = new List<(string Key, string Value)>();
        using var stream = File.OpenRead(assembly);
        using var pe = new PEReader(stream);
        MetadataReader reader = pe.GetMetadataReader();
        foreach (CustomAttributeHandle handle in reader.GetAssemblyDefinition().GetCustomAttributes())
        {
            CustomAttribute attribute = reader.GetCustomAttribute(handle);
            if (!IsAssemblyMetadata(reader, attribute.Constructor))
            {
                continue;
            }

            // ECMA-335 II.23.3: the prolog 0x0001, then the two string arguments as SerStrings.
            BlobReader blob = reader.GetBlobReader(attribute.Value);
            if (blob.ReadUInt16() != 1)
            {
                throw new InvalidOperationException("an AssemblyMetadata attribute has a malformed blob");
            }

            string? key = blob.ReadSerializedString();
            string? value = blob.ReadSerializedString();
            if (key is not null && key.StartsWith(prefix, StringComparison.Ordinal))
            {
                pairs.Add((key, value ?? ""));
            }
        }

        return pairs;
    }

    private static bool IsAssemblyMetadata(MetadataReader reader, EntityHandle constructor)
    {
        if (constructor.Kind != HandleKind.MemberReference)
        {
            return false;
        }

        EntityHandle parent = reader.GetMemberReference((MemberReferenceHandle)constructor).Parent;
        if (parent.Kind != HandleKind.TypeReference)
        {
            return false;
        }

        TypeReference type = reader.GetTypeReference((TypeReferenceHandle)parent);
        return reader.StringComparer.Equals(type.Name, "AssemblyMetadataAttribute") && reader.StringComparer.Equals(type.Namespace, "System.Reflection");
    }
}
