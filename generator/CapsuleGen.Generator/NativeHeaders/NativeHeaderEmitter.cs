using CapsuleGen.Generator.Emitting;
using CapsuleGen.Generator.Model;

namespace CapsuleGen.Generator.NativeHeaders;

/// <summary>
/// Puts the assembly's C header and Cython declarations into its metadata, from which CapsuleGen's
/// build step writes <c>&lt;stem&gt;.h</c> and <c>&lt;stem&gt;.pxd</c> after compiling.
/// </summary>
internal static class NativeHeaderEmitter
{
    public const string HintName = "CapsuleGen.NativeHeader.g.cs";

    /// <summary>The metadata key naming the files' stem; the texts are under <c>&lt;key&gt;.h</c> and <c>&lt;key&gt;.pxd</c>.</summary>
    public const string Key = "CapsuleGen.NativeHeader";

    public static string Emit(NativeHeader header, bool clsCompliant)
    {
        SourceWriter writer = FileScaffold.Header(Deprecation.None, clsCompliant);
        AssemblyMetadataWriter.Line(writer, Key, header.FileStem);
        AssemblyMetadataWriter.Line(writer, Key + ".h", CHeaderEmitter.Emit(header));
        AssemblyMetadataWriter.Line(writer, Key + ".pxd", CythonEmitter.Emit(header));
        return writer.ToString();
    }
}
