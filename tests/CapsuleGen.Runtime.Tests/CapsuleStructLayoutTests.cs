using CapsuleGen;
using CapsuleGen.Interop;

namespace CapsuleGen.Runtime.Tests;

/// <summary>Struct layouts as part of a signature: carried, compared, and checked after the name and the C signature when an import binds.</summary>
public sealed class CapsuleStructLayoutTests
{
    private const string IntPoint = "struct Point (8 bytes, align 4) { int X at 0; int Y at 4; }";
    private const string DoublePoint = "struct Point (16 bytes, align 8) { double X at 0; double Y at 8; }";
    private const string Sample = "struct Sample (8 bytes, align 4) { float Value at 0; int Weight at 4; }";
    private const string Importer = "IMirror";

    [Fact]
    public void Layouts_are_kept_in_order_of_their_C_names_and_found_by_name()
    {
        CapsuleSignature signature = CapsuleSignature.Function("void (struct Sample, struct Point)").WithStructLayouts(Sample, IntPoint);

        Assert.Equal([IntPoint, Sample], signature.StructLayouts);
        Assert.Equal(Sample, signature.FindStructLayout("struct Sample"));
        Assert.Null(signature.FindStructLayout("struct Other"));
        Assert.Equal("void (struct Sample, struct Point)", signature.FunctionSignature);
        Assert.Equal("void (struct Sample, struct Point)", signature.ToString());
    }

    [Fact]
    public void Adding_layouts_leaves_the_original_signature_as_it_was()
    {
        CapsuleSignature plain = CapsuleSignature.Table("void (struct Point *)", null);

        CapsuleSignature described = plain.WithStructLayouts(IntPoint);

        Assert.Empty(plain.StructLayouts);
        Assert.Equal([IntPoint], described.StructLayouts);
        Assert.True(described.IsTable);
        Assert.Equal(2, described.SlotCount);
    }

    [Fact]
    public void Signatures_with_different_layouts_are_not_equal()
    {
        CapsuleSignature ints = CapsuleSignature.Function("struct Point (struct Point)").WithStructLayouts(IntPoint);
        CapsuleSignature doubles = CapsuleSignature.Function("struct Point (struct Point)").WithStructLayouts(DoublePoint);

        Assert.NotEqual(ints, doubles);
        Assert.NotEqual(ints, CapsuleSignature.Function("struct Point (struct Point)"));
        Assert.Equal(ints, CapsuleSignature.Function("struct Point (struct Point)").WithStructLayouts(IntPoint));
        Assert.Equal(ints.GetHashCode(), CapsuleSignature.Function("struct Point (struct Point)").WithStructLayouts(IntPoint).GetHashCode());
    }

    [Theory]
    [InlineData("Point (8 bytes)")]
    [InlineData("struct Point")]
    [InlineData("")]
    public void A_layout_that_does_not_start_with_the_struct_s_C_name_is_refused(string layout)
    {
        ArgumentException error = Assert.Throws<ArgumentException>(() => CapsuleSignature.Function("void (void)").WithStructLayouts(layout));

        Assert.Contains("starts with the struct's C name", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_struct_described_twice_is_refused()
    {
        ArgumentException error = Assert.Throws<ArgumentException>(() => CapsuleSignature.Function("void (void)").WithStructLayouts(IntPoint, DoublePoint));

        Assert.StartsWith("struct Point is described twice", error.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentNullException>(() => CapsuleSignature.Function("void (void)").WithStructLayouts(null!));
        Assert.Throws<ArgumentNullException>(() => CapsuleSignature.Function("void (void)").WithStructLayouts([null!]));
    }

    [Fact]
    public void Binding_a_function_whose_struct_is_laid_out_differently_names_both_layouts()
    {
        using var capsule = new Capsule(0x1234, "mirror", signature: CapsuleSignature.Function("struct Point (struct Point)").WithStructLayouts(IntPoint));

        CapsuleSignatureMismatchException error = Assert.Throws<CapsuleSignatureMismatchException>(
            () => CapsuleUnwrap.OpenFunction(capsule, "mirror", "struct Point (struct Point)", [DoublePoint], Importer));

        Assert.Equal($"IMirror expects capsule \"mirror\" to lay out struct Point as \"{DoublePoint}\", but the capsule's is \"{IntPoint}\".", error.Message);
        Assert.Equal("mirror", error.CapsuleName);
        Assert.Null(error.Slot);
        Assert.Equal(DoublePoint, error.ExpectedSignature);
        Assert.Equal(IntPoint, error.ActualSignature);
    }

    [Fact]
    public void Binding_a_function_whose_structs_are_laid_out_alike_returns_its_pointer()
    {
        using var capsule = new Capsule(0x1234, "mirror", signature: CapsuleSignature.Function("struct Point (struct Point)").WithStructLayouts(IntPoint, Sample));

        Assert.Equal((nint)0x1234, CapsuleUnwrap.OpenFunction(capsule, "mirror", "struct Point (struct Point)", [IntPoint], Importer).Pointer);
    }

    [Fact]
    public void A_capsule_that_does_not_describe_a_struct_the_importer_passes_is_refused()
    {
        using var capsule = new Capsule(0x1234, "mirror", signature: CapsuleSignature.Function("struct Point (struct Point)").WithStructLayouts(Sample));

        CapsuleSignatureMismatchException error = Assert.Throws<CapsuleSignatureMismatchException>(
            () => CapsuleUnwrap.OpenFunction(capsule, "mirror", "struct Point (struct Point)", [IntPoint], Importer));

        Assert.Equal($"IMirror expects capsule \"mirror\" to lay out struct Point as \"{IntPoint}\", but the capsule does not describe it.", error.Message);
        Assert.Null(error.ActualSignature);
    }

    [Fact]
    public void A_capsule_that_describes_no_layout_is_trusted_by_its_C_signature()
    {
        using var described = new Capsule(0x1234, "mirror", signature: CapsuleSignature.Function("struct Point (struct Point)"));
        using var foreign = new Capsule(0x5678, "mirror");

        Assert.Equal((nint)0x1234, CapsuleUnwrap.OpenFunction(described, "mirror", "struct Point (struct Point)", [IntPoint], Importer).Pointer);
        Assert.Equal((nint)0x5678, CapsuleUnwrap.OpenFunction(foreign, "mirror", "struct Point (struct Point)", [IntPoint], Importer).Pointer);
    }

    [Fact]
    public void The_name_and_the_C_signature_are_checked_before_the_layouts()
    {
        using var capsule = new Capsule(0x1234, "honker", signature: CapsuleSignature.Function("int (struct Point)").WithStructLayouts(IntPoint));

        Assert.Throws<CapsuleNameMismatchException>(() => CapsuleUnwrap.OpenFunction(capsule, "mirror", "struct Point (struct Point)", [DoublePoint], Importer));
        CapsuleSignatureMismatchException error = Assert.Throws<CapsuleSignatureMismatchException>(
            () => CapsuleUnwrap.OpenFunction(capsule, "honker", "struct Point (struct Point)", [DoublePoint], Importer));
        Assert.Equal("int (struct Point)", error.ActualSignature);
    }

    [Fact]
    public unsafe void Binding_a_table_checks_the_layouts_after_the_slots()
    {
        nint* table = stackalloc nint[2] { 0x10, 0x20 };
        using var capsule = new Capsule((nint)table, "stats._C_API", signature: CapsuleSignature.Table("int (int)", "double (struct Sample *, int)").WithStructLayouts(Sample));
        TableSlot[] slots = [new(1, "Mean", "double (struct Sample *, int)")];
        const string Reordered = "struct Sample (8 bytes, align 4) { int Weight at 0; float Value at 4; }";

        Assert.Equal((nint)table, CapsuleUnwrap.OpenTable(capsule, "stats._C_API", slots, [Sample], "IStats").Pointer);
        CapsuleSignatureMismatchException error = Assert.Throws<CapsuleSignatureMismatchException>(
            () => CapsuleUnwrap.OpenTable(capsule, "stats._C_API", slots, [Reordered], "IStats"));
        Assert.Equal($"IStats expects capsule \"stats._C_API\" to lay out struct Sample as \"{Reordered}\", but the capsule's is \"{Sample}\".", error.Message);
    }
}
