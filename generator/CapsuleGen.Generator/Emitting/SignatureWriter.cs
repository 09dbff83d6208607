using CapsuleGen.Generator.Model;

namespace CapsuleGen.Generator.Emitting;

/// <summary>Writes the <c>CapsuleSignature</c> an exported capsule carries: the C signature(s), then any struct layouts.</summary>
internal static class SignatureWriter
{
    private const string Signature = "global::CapsuleGen.CapsuleSignature";

    /// <summary>The argument <c>signature: CapsuleSignature.Function("...")</c>, ending the constructor call.</summary>
    public static void Function(SourceWriter writer, string cSignature, EquatableArray<string> structLayouts)
    {
        string call = $"signature: {Signature}.Function({CSharpText.Literal(cSignature)})";
        if (structLayouts.Count == 0)
        {
            writer.Line(call + ");");
            return;
        }

        writer.Line(call);
        WriteLayouts(writer, structLayouts);
    }

    /// <summary>The argument <c>signature: CapsuleSignature.Table(...)</c>, one slot per line, ending the constructor call.</summary>
    public static void Table(SourceWriter writer, string?[] slots, EquatableArray<string> structLayouts)
    {
        writer.Line($"signature: {Signature}.Table(");
        writer.Indent();
        for (int i = 0; i < slots.Length; i++)
        {
            bool last = i == slots.Length - 1;
            writer.Line($"{CSharpText.Literal(slots[i])}{(!last ? "," : structLayouts.Count == 0 ? "));" : ")")}");
        }

        writer.Outdent();
        if (structLayouts.Count > 0)
        {
            WriteLayouts(writer, structLayouts);
        }
    }

    private static void WriteLayouts(SourceWriter writer, EquatableArray<string> structLayouts)
    {
        writer.Indent();
        writer.Line(".WithStructLayouts(");
        writer.Indent();
        for (int i = 0; i < structLayouts.Count; i++)
        {
            writer.Line(CSharpText.Literal(structLayouts[i]) + (i == structLayouts.Count - 1 ? "));" : ","));
        }

        writer.Outdent();
        writer.Outdent();
    }
}
