using CapsuleGen.Generator.Emitting;
using CapsuleGen.Generator.Model;

namespace CapsuleGen.Generator.PythonModules.Stubs;

/// <summary>
/// Writes what the build needs of a module beyond its code, as assembly metadata it reads from the
/// compiled assembly after publishing: the module's name, its type stub, and the oldest CPython its
/// wheel may be tagged for, with the reason. A generator cannot write files; metadata travels with
/// the assembly, wherever the build puts it.
/// </summary>
internal static class StubEmitter
{
    public const string Kind = "PythonStub";

    /// <summary>The metadata key naming a module; the others are <c>&lt;key&gt;.&lt;module&gt;.&lt;what&gt;</c>.</summary>
    private const string ModuleKey = "CapsuleGen.PythonModule";

    public static string Emit(PythonModule module, bool clsCompliant)
    {
        SourceWriter writer = FileScaffold.Header(Deprecation.None, clsCompliant);
        PythonRequirement requirement = PythonRequirement.Of(module);
        Metadata(writer, ModuleKey, module.ModuleName);
        Metadata(writer, $"{ModuleKey}.{module.ModuleName}.Stub", StubWriter.Write(module));
        Metadata(writer, $"{ModuleKey}.{module.ModuleName}.RequiresPython", requirement.Version);
        if (requirement.Reason is not null)
        {
            Metadata(writer, $"{ModuleKey}.{module.ModuleName}.RequiresPythonReason", requirement.Reason);
        }

        return writer.ToString();
    }

    private static void Metadata(SourceWriter writer, string key, string value) => AssemblyMetadataWriter.Line(writer, key, value);
}
