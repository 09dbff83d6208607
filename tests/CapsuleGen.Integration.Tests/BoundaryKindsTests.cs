using CapsuleGen.Tests.Shared;

namespace CapsuleGen.Integration.Tests;

/// <summary>
/// Every kind of value CapsuleGen accepts at the boundary, called from C code built by the build and
/// calling C through generated bindings (tests/Fixtures/BoundaryKindsProbe). It runs as a child
/// process: a kind the runtime refused would abort the process, which then fails this test only.
/// </summary>
public sealed class BoundaryKindsTests
{
    private static readonly string[] s_kinds =
    [
        "int8", "uint8", "int16", "uint16", "int32", "uint32", "int64", "uint64", "intptr", "uintptr", "float", "double",
        "pointer", "void-pointer", "function-pointer", "enum", "flags", "bool1", "bool4", "char",
        "point", "mixed", "int-float", "floats3", "tiny", "word", "misaligned", "gapped", "pack-two", "pack-one", "sized", "named", "triple", "linked",
    ];

    /// <summary>The layouts native/kinds.c declares its twin structs with, and asserts with sizeof and offsetof.</summary>
    private static readonly string[] s_layouts =
    [
        "struct Floats3 (12 bytes, align 4) { float X at 0; float Y at 4; float Z at 8; }",
        "struct Gapped (24 bytes, align 8) { double A at 0; double B at 16; }",
        "struct IntFloat (8 bytes, align 4) { int A at 0; float B at 4; }",
        "struct Linked (24 bytes, align 8) { struct Linked *Next at 0; double (*Transform)(double) at 8; int Id at 16; }",
        "struct Misaligned (5 bytes, align 1) { uint8_t Tag at 0; int Value at 1; }",
        "struct Mixed (32 bytes, align 8) { uint8_t Tag at 0; int64_t Count at 8; struct Point Origin at 16; }",
        "struct Named (16 bytes, align 4) { uint16_t Name[5] at 0; int Length at 12; }",
        "struct PackOne (5 bytes, align 1) { uint8_t Tag at 0; int Value at 1; }",
        "struct PackTwo (12 bytes, align 2) { uint8_t Tag at 0; int64_t Value at 2; int16_t Tail at 10; }",
        "struct Point (16 bytes, align 8) { double X at 0; double Y at 8; }",
        "struct Sized (32 bytes, align 8) { int Id at 0; int64_t Count at 8; }",
        "struct Tiny (3 bytes, align 1) { uint8_t A at 0; uint8_t B at 1; uint8_t C at 2; }",
        "struct Triple (24 bytes, align 8) { double _element[3] at 0; }",
        "struct Word (4 bytes, align 4) { unsigned int Whole at 0; uint16_t Low at 0; uint16_t High at 2; }",
    ];

    [Fact]
    public async Task Every_accepted_kind_crosses_from_C_to_CSharp_and_back_with_its_values()
    {
        (int exitCode, string output, string error) = await SampleProcess.RunAsync("BoundaryKindsProbe");
        string[] lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries);

        Assert.True(exitCode == 0, $"exit code {exitCode}; the last kind started is the one that failed:{Environment.NewLine}{output}{error}");
        Assert.Equal(s_kinds.Select(kind => kind + " ... ok"), lines.Where(line => line.Contains(" ...", StringComparison.Ordinal)));
        Assert.Equal(s_layouts.Select(layout => "layout " + layout), lines.Where(line => line.StartsWith("layout ", StringComparison.Ordinal)));
        Assert.Equal($"{s_kinds.Length} kinds, 0 wrong", lines[^1]);
    }
}
