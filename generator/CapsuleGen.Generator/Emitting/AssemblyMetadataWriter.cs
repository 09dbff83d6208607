namespace CapsuleGen.Generator.Emitting;

/// <summary>
/// Writes an <c>AssemblyMetadata</c> attribute: how the generators hand the build text it writes to
/// files after compiling (a generator cannot write files; metadata travels with the assembly).
/// </summary>
internal static class AssemblyMetadataWriter
{
    public static void Line(SourceWriter writer, string key, string value) =>
        writer.Line($"[assembly: global::System.Reflection.AssemblyMetadata({CSharpText.Literal(key)}, {CSharpText.Literal(value)})]");
}
