// The two MSBuild tasks of CapsuleGen.Python.targets, compiled by MSBuild itself (RoslynCodeTaskFactory)
// when a build first uses them. From what the source generator wrote into a [PythonModule] assembly (read
// by CapsuleGen's own CapsuleGenReadAssemblyMetadata) they make the module's stub (.pyi) and its wheel (PEP 427).
#nullable enable
using System;
using System.Collections.Generic;
using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;

/// <summary>
/// Finds the Python module an assembly declares (AssemblyMetadata "CapsuleGen.PythonModule"), checks the
/// wheel's settings, and says what the wheel will be called. Writes nothing.
/// </summary>
public sealed class CapsuleGenReadPythonModule : Task
{
    /// <summary>The IL assembly the generator wrote the metadata into.</summary>
    [Required] public string Assembly { get; set; } = "";

    /// <summary>Its "CapsuleGen.PythonModule…" AssemblyMetadata pairs, as CapsuleGenReadAssemblyMetadata (CapsuleGen's task) reads them.</summary>
    public ITaskItem[] Metadata { get; set; } = Array.Empty<ITaskItem>();

    /// <summary>The published library's name without extension: the module Python imports from it.</summary>
    [Required] public string LibraryName { get; set; } = "";

    public string RuntimeIdentifier { get; set; } = "";
    public string WheelName { get; set; } = "";
    public string WheelVersion { get; set; } = "";
    public string MinimumPython { get; set; } = "";
    /// <summary>"linux" (the default), or "manylinux": a PEP 600 tag worked out from what the library needs of the system.</summary>
    public string Platform { get; set; } = "";
    /// <summary>The published library, read for a manylinux tag.</summary>
    public string Library { get; set; } = "";

    /// <summary>Empty when the assembly declares no Python module.</summary>
    [Output] public string ModuleName { get; set; } = "";
    /// <summary>Python, ABI and platform tag, such as cp311-abi3-linux_x86_64.</summary>
    [Output] public string WheelTag { get; set; } = "";
    [Output] public string RequiresPython { get; set; } = "";
    [Output] public string WheelFileName { get; set; } = "";
    [Output] public string DistInfoName { get; set; } = "";

    public override bool Execute()
    {
        IReadOnlyDictionary<string, string> metadata;
        try
        {
            metadata = PythonModuleMetadata.From(Metadata);
        }
        catch (InvalidOperationException error)
        {
            Log.LogError(null, "CAPS1007", null, Assembly, 0, 0, 0, 0, $"The Python module metadata of {Assembly} cannot be read: {error.Message}");
            return false;
        }

        if (!metadata.TryGetValue(PythonModuleMetadata.ModuleKey, out string? module))
        {
            return true;
        }

        if (module != LibraryName)
        {
            Log.LogError(null, "CAPS1007", null, Assembly, 0, 0, 0, 0,
                $"The assembly declares the Python module '{module}', but its library is {LibraryName}: Python looks for PyInit_{module} in {module}.so. Name the assembly after the module (AssemblyName {module}).");
            return false;
        }

        string requiresKey = $"{PythonModuleMetadata.ModuleKey}.{module}.RequiresPython";
        if (!metadata.TryGetValue($"{PythonModuleMetadata.ModuleKey}.{module}.Stub", out _) || !metadata.TryGetValue(requiresKey, out string? requires) || PythonWheelRules.MinorVersion(requires) is not int moduleMinor)
        {
            Log.LogError(null, "CAPS1007", null, Assembly, 0, 0, 0, 0,
                $"The assembly declares the Python module '{module}' without its stub or a RequiresPython of the form 3.N; was it built with CapsuleGen's source generator, in the same version as the CapsuleGen.Python package?");
            return false;
        }

        string platform = PythonWheelRules.Platform(RuntimeIdentifier);
        if (platform.Length == 0)
        {
            Log.LogError(null, "CAPS1003", null, null, 0, 0, 0, 0,
                $"A wheel of the Python module '{module}' can be made for the runtime identifiers linux-x64 and linux-arm64, not '{RuntimeIdentifier}'. Publish for one of those, or set PythonWheel to false.");
            return false;
        }

        if (Platform is not ("" or "linux" or "manylinux"))
        {
            Log.LogError(null, "CAPS1008", null, null, 0, 0, 0, 0, $"PythonWheelPlatform is 'linux' (the default) or 'manylinux', not '{Platform}'.");
            return false;
        }

        if (Platform == "manylinux")
        {
            string? problem = ManylinuxTag.Of(Library, platform, out string? tag);
            if (tag is null)
            {
                Log.LogError(null, "CAPS1008", null, Library, 0, 0, 0, 0,
                    $"The wheel of the Python module '{module}' cannot be tagged manylinux: {problem}. Set PythonWheelPlatform to linux (installable here, not uploadable to PyPI), or build where the library needs no more.");
                return false;
            }

            platform = tag;
        }

        if (!PythonWheelRules.IsValidName(WheelName))
        {
            Log.LogError(null, "CAPS1004", null, null, 0, 0, 0, 0,
                $"PythonWheelName '{WheelName}' is not a valid Python distribution name: letters, digits, '.', '-' and '_', starting and ending with a letter or digit. Set PythonWheelName (it defaults to PackageId).");
            return false;
        }

        if (!PythonWheelRules.IsCanonicalVersion(WheelVersion))
        {
            Log.LogError(null, "CAPS1005", null, null, 0, 0, 0, 0,
                $"PythonWheelVersion '{WheelVersion}' is not a PEP 440 version in its normal form, such as 1.2.0, 1.2.0rc1, 1.2.0.post1, 1.2.0.dev3 or 1.2.0+local.1 (a NuGet prerelease such as 1.2.0-beta.1 is 1.2.0b1 in Python). Set PythonWheelVersion (it defaults to Version).");
            return false;
        }

        int minor = moduleMinor;
        if (MinimumPython.Length > 0)
        {
            if (PythonWheelRules.MinorVersion(MinimumPython) is not int wanted)
            {
                Log.LogError(null, "CAPS1006", null, null, 0, 0, 0, 0, $"PythonWheelMinimumPython '{MinimumPython}' is not a Python version of the form 3.N.");
                return false;
            }

            if (wanted < moduleMinor)
            {
                metadata.TryGetValue($"{PythonModuleMetadata.ModuleKey}.{module}.RequiresPythonReason", out string? reason);
                Log.LogError(null, "CAPS1006", null, null, 0, 0, 0, 0,
                    $"PythonWheelMinimumPython is {MinimumPython}, but the Python module '{module}' needs Python {requires} or later: {(string.IsNullOrEmpty(reason) ? "it uses CPython's stable ABI as of that version" : reason)}. Raise PythonWheelMinimumPython to {requires}, or remove it.");
                return false;
            }

            minor = wanted;
        }

        string distribution = PythonWheelRules.NormalizedName(WheelName);
        ModuleName = module;
        WheelTag = $"cp3{minor}-abi3-{platform}";
        RequiresPython = $">=3.{minor}";
        DistInfoName = $"{distribution}-{WheelVersion}.dist-info";
        WheelFileName = $"{distribution}-{WheelVersion}-{WheelTag}.whl";
        return true;
    }
}

/// <summary>Writes the module's stub beside its library, and its wheel.</summary>
public sealed class CapsuleGenWritePythonWheel : Task
{
    /// <summary>The assembly's "CapsuleGen.PythonModule…" AssemblyMetadata pairs (CapsuleGenReadAssemblyMetadata).</summary>
    [Required] public ITaskItem[] Metadata { get; set; } = Array.Empty<ITaskItem>();
    [Required] public string ModuleName { get; set; } = "";
    [Required] public string Library { get; set; } = "";
    [Required] public string StubFile { get; set; } = "";

    /// <summary>Empty: the stub only.</summary>
    public string WheelFile { get; set; } = "";
    public string DistInfoName { get; set; } = "";
    public string WheelTag { get; set; } = "";
    public string WheelName { get; set; } = "";
    public string WheelVersion { get; set; } = "";
    public string RequiresPython { get; set; } = "";
    public string Summary { get; set; } = "";
    public string Author { get; set; } = "";
    public string License { get; set; } = "";
    public string HomePage { get; set; } = "";
    public string Generator { get; set; } = "";

    private static readonly System.Reflection.PropertyInfo? s_externalAttributes = typeof(ZipArchiveEntry).GetProperty("ExternalAttributes");

    public override bool Execute()
    {
        string stub = PythonModuleMetadata.From(Metadata)[$"{PythonModuleMetadata.ModuleKey}.{ModuleName}.Stub"];
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(StubFile))!);
        File.WriteAllText(StubFile, stub, new UTF8Encoding(false));
        if (WheelFile.Length == 0)
        {
            return true;
        }

        var files = new List<(string Name, byte[] Bytes, bool Executable)>
        {
            ($"{ModuleName}/__init__.abi3.so", File.ReadAllBytes(Library), true),
            ($"{ModuleName}/__init__.pyi", Encoding.UTF8.GetBytes(stub), false),
            ($"{ModuleName}/py.typed", Array.Empty<byte>(), false),
            ($"{DistInfoName}/METADATA", Encoding.UTF8.GetBytes(PythonWheelRules.Metadata(WheelName, WheelVersion, Summary, Author, License, HomePage, RequiresPython)), false),
            ($"{DistInfoName}/WHEEL", Encoding.UTF8.GetBytes($"Wheel-Version: 1.0\nGenerator: {Generator}\nRoot-Is-Purelib: false\nTag: {WheelTag}\n"), false),
        };
        files.Sort((a, b) => string.CompareOrdinal(a.Name, b.Name));

        var record = new StringBuilder();
        foreach ((string name, byte[] bytes, _) in files)
        {
            record.Append(PythonWheelRules.RecordLine(name, bytes)).Append('\n');
        }

        record.Append(DistInfoName).Append("/RECORD,,\n");
        files.Add(($"{DistInfoName}/RECORD", Encoding.UTF8.GetBytes(record.ToString()), false));

        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(WheelFile))!);
        string partial = WheelFile + ".partial";
        using (var stream = new FileStream(partial, FileMode.Create, FileAccess.Write))
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create))
        {
            foreach ((string name, byte[] bytes, bool executable) in files)
            {
                ZipArchiveEntry entry = zip.CreateEntry(name, CompressionLevel.Optimal);
                // Fixed: two publishes of the same module make the same bytes.
                entry.LastWriteTime = new DateTimeOffset(1980, 1, 1, 0, 0, 0, TimeSpan.Zero);
                // A regular file, rwxr-xr-x or rw-r--r--, in the Unix half of the attributes that pip reads
                // (ExternalAttributes is not in the netstandard2.0 that inline tasks compile against).
                s_externalAttributes?.SetValue(entry, (executable ? 0x81ED : 0x81A4) << 16);
                using Stream content = entry.Open();
                content.Write(bytes, 0, bytes.Length);
            }
        }

        File.Copy(partial, WheelFile, overwrite: true);
        File.Delete(partial);
        Log.LogMessage(MessageImportance.High, $"  {ModuleName} -> {Path.GetFullPath(WheelFile)}");
        return true;
    }
}

/// <summary>The AssemblyMetadata attributes the source generator writes for each [PythonModule].</summary>
internal static class PythonModuleMetadata
{
    public const string ModuleKey = "CapsuleGen.PythonModule";

    /// <summary>The pairs as a dictionary, refusing two modules and a key given twice with two values.</summary>
    public static IReadOnlyDictionary<string, string> From(ITaskItem[] pairs)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (ITaskItem pair in pairs)
        {
            string key = pair.ItemSpec;
            string value = pair.GetMetadata("Value");
            if (key == ModuleKey && values.TryGetValue(key, out string? first) && first != value)
            {
                throw new InvalidOperationException($"it declares two Python modules, '{first}' and '{value}', but one library is one module");
            }

            if (values.TryGetValue(key, out string? earlier) && earlier != value)
            {
                throw new InvalidOperationException($"'{key}' is declared twice with different values (a hand-written declaration beside the generator's?)");
            }

            values[key] = value;
        }

        return values;
    }
}

/// <summary>The packaging specifications' rules for names, versions, tags and the files of a wheel's .dist-info.</summary>
internal static class PythonWheelRules
{
    // PEP 508's distribution name.
    private static readonly Regex s_name = new("^([A-Za-z0-9]|[A-Za-z0-9][A-Za-z0-9._-]*[A-Za-z0-9])$", RegexOptions.CultureInvariant);

    // PEP 440's canonical public version (Appendix B), with an optional local part.
    private static readonly Regex s_version = new(
        @"^([1-9][0-9]*!)?(0|[1-9][0-9]*)(\.(0|[1-9][0-9]*))*((a|b|rc)(0|[1-9][0-9]*))?(\.post(0|[1-9][0-9]*))?(\.dev(0|[1-9][0-9]*))?(\+[a-z0-9]+(\.[a-z0-9]+)*)?$",
        RegexOptions.CultureInvariant);

    public static bool IsValidName(string name) => s_name.IsMatch(name);

    public static bool IsCanonicalVersion(string version) => s_version.IsMatch(version);

    /// <summary>The name in a wheel's file name and .dist-info: each run of '-', '_' and '.' one '_', lower case.</summary>
    public static string NormalizedName(string name) => Regex.Replace(name, "[-_.]+", "_").ToLowerInvariant();

    /// <summary>"3.11" is 11; anything else, or a Python before 3.10 (the oldest the bridge supports), null.</summary>
    public static int? MinorVersion(string version)
    {
        Match match = Regex.Match(version, "^3\\.([1-9][0-9])$");
        return match.Success ? int.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) : null;
    }

    /// <summary>The platform tag of a runtime identifier; empty when none is made.</summary>
    public static string Platform(string runtimeIdentifier) => runtimeIdentifier switch
    {
        "linux-x64" => "linux_x86_64",
        "linux-arm64" => "linux_aarch64",
        _ => "",
    };

    /// <summary>Core metadata 2.1: the fields that have a value, one a line.</summary>
    public static string Metadata(string name, string version, string summary, string author, string license, string homePage, string requiresPython)
    {
        var text = new StringBuilder("Metadata-Version: 2.1\n");
        Field("Name", name);
        Field("Version", version);
        Field("Summary", summary);
        Field("Author", author);
        Field("License", license);
        Field("Home-page", homePage);
        Field("Requires-Python", requiresPython);
        return text.ToString();

        void Field(string field, string value)
        {
            // A header value is one line.
            string line = Regex.Replace(value, "\\s*[\\r\\n]+\\s*", " ").Trim();
            if (line.Length > 0)
            {
                text.Append(field).Append(": ").Append(line).Append('\n');
            }
        }
    }

    /// <summary>A RECORD line: path, sha256 in URL-safe base64 without padding, size.</summary>
    public static string RecordLine(string name, byte[] bytes)
    {
        using SHA256 sha = SHA256.Create();
        string hash = Convert.ToBase64String(sha.ComputeHash(bytes)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        return $"{name},sha256={hash},{bytes.Length.ToString(System.Globalization.CultureInfo.InvariantCulture)}";
    }
}

/// <summary>
/// A PEP 600 platform tag (manylinux_2_34_x86_64) for a library: the newest glibc symbol version it needs, if every
/// library it needs is one the manylinux policy lets a wheel take from the system (glibc's own). Reads the ELF
/// file's dynamic section (DT_NEEDED) and version needs (.gnu.version_r); 64-bit little-endian only, as both
/// runtime identifiers are.
/// </summary>
internal static class ManylinuxTag
{
    private static readonly HashSet<string> s_glibcLibraries = new(StringComparer.Ordinal)
    {
        "libc.so.6", "libm.so.6", "libdl.so.2", "librt.so.1", "libpthread.so.0", "ld-linux-x86-64.so.2", "ld-linux-aarch64.so.1",
    };

    /// <summary>The tag, or null and why not.</summary>
    public static string? Of(string library, string linuxPlatform, out string? tag)
    {
        tag = null;
        byte[] elf;
        try
        {
            elf = File.ReadAllBytes(library);
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
            return $"{library} cannot be read ({error.Message})";
        }

        if (elf.Length < 64 || elf[0] != 0x7F || elf[1] != (byte)'E' || elf[2] != (byte)'L' || elf[3] != (byte)'F' || elf[4] != 2 || elf[5] != 1)
        {
            return $"{library} is not a 64-bit little-endian ELF library";
        }

        try
        {
            var needed = new List<string>();
            int glibcMinor = 17; // manylinux2014's glibc, the oldest tag pip still knows by this name
            long sectionTable = BitConverter.ToInt64(elf, 0x28);
            int sectionSize = BitConverter.ToUInt16(elf, 0x3A);
            int sections = BitConverter.ToUInt16(elf, 0x3C);
            for (int i = 0; i < sections; i++)
            {
                int header = checked((int)(sectionTable + (long)i * sectionSize));
                uint type = BitConverter.ToUInt32(elf, header + 4);
                long offset = BitConverter.ToInt64(elf, header + 0x18);
                long size = BitConverter.ToInt64(elf, header + 0x20);
                int link = BitConverter.ToInt32(elf, header + 0x28);
                int info = BitConverter.ToInt32(elf, header + 0x2C);
                long strings = BitConverter.ToInt64(elf, checked((int)(sectionTable + (long)link * sectionSize)) + 0x18);
                if (type == 6) // SHT_DYNAMIC: DT_NEEDED entries name the libraries
                {
                    for (long entry = offset; entry + 16 <= offset + size; entry += 16)
                    {
                        long tagValue = BitConverter.ToInt64(elf, checked((int)entry));
                        if (tagValue == 1)
                        {
                            needed.Add(CString(elf, strings + BitConverter.ToInt64(elf, checked((int)entry + 8))));
                        }
                    }
                }
                else if (type == 0x6FFFFFFE) // SHT_GNU_verneed: the symbol versions needed of each library
                {
                    long need = offset;
                    for (int n = 0; n < info; n++)
                    {
                        int count = BitConverter.ToUInt16(elf, checked((int)need + 2));
                        long aux = need + BitConverter.ToUInt32(elf, checked((int)need + 8));
                        for (int a = 0; a < count; a++)
                        {
                            Match version = Regex.Match(CString(elf, strings + BitConverter.ToUInt32(elf, checked((int)aux + 8))), "^GLIBC_2\\.([0-9]+)");
                            if (version.Success)
                            {
                                glibcMinor = Math.Max(glibcMinor, int.Parse(version.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture));
                            }

                            aux += BitConverter.ToUInt32(elf, checked((int)aux + 12));
                        }

                        need += BitConverter.ToUInt32(elf, checked((int)need + 12));
                    }
                }
            }

            string[] outside = needed.Where(name => !s_glibcLibraries.Contains(name)).ToArray();
            if (outside.Length > 0)
            {
                return $"{Path.GetFileName(library)} needs {string.Join(", ", outside)}, which the manylinux policy does not let a wheel take from the system";
            }

            string architecture = linuxPlatform.Substring("linux_".Length);
            tag = $"manylinux_2_{glibcMinor.ToString(System.Globalization.CultureInfo.InvariantCulture)}_{architecture}";
            return null;
        }
        catch (Exception error) when (error is ArgumentException or IndexOutOfRangeException or OverflowException)
        {
            return $"{library} is not an ELF library that can be read ({error.Message})";
        }
    }

    private static string CString(byte[] bytes, long start)
    {
        int end = checked((int)start);
        while (bytes[end] != 0)
        {
            end++;
        }

        return Encoding.ASCII.GetString(bytes, checked((int)start), end - checked((int)start));
    }
}
