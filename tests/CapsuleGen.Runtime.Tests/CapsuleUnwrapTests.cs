using CapsuleGen;
using CapsuleGen.Interop;

namespace CapsuleGen.Runtime.Tests;

/// <summary>The checks generated imports make when they bind: name first, then the signature if the capsule carries one.</summary>
public sealed class CapsuleUnwrapTests
{
    private const string Importer = "IQuacker";

    [Fact]
    public void A_null_capsule_throws_ArgumentNullException()
    {
        ArgumentNullException error = Assert.Throws<ArgumentNullException>(
            () => CapsuleUnwrap.OpenFunction(null!, "quacker", "double (double)", Importer));

        Assert.Equal("capsule", error.ParamName);
    }

    [Fact]
    public void A_disposed_capsule_throws_ObjectDisposedException()
    {
        var capsule = new Capsule(0x1234, "quacker", signature: CapsuleSignature.Function("double (double)"));
        capsule.Dispose();

        ObjectDisposedException error = Assert.Throws<ObjectDisposedException>(
            () => CapsuleUnwrap.OpenFunction(capsule, "quacker", "double (double)", Importer).Pointer);

        Assert.Contains("\"quacker\"", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_capsule_with_another_name_throws_a_name_mismatch()
    {
        using var capsule = new Capsule(0x1234, "honker", signature: CapsuleSignature.Function("double (double)"));

        CapsuleNameMismatchException error = Assert.Throws<CapsuleNameMismatchException>(
            () => CapsuleUnwrap.OpenFunction(capsule, "quacker", "double (double)", Importer).Pointer);

        Assert.Equal("quacker", error.ExpectedName);
        Assert.Equal("honker", error.ActualName);
    }

    [Fact]
    public void The_name_is_checked_before_the_signature()
    {
        using var capsule = new Capsule(0x1234, "honker", signature: CapsuleSignature.Function("int (int)"));

        Assert.Throws<CapsuleNameMismatchException>(
            () => CapsuleUnwrap.OpenFunction(capsule, "quacker", "double (double)", Importer).Pointer);
    }

    [Fact]
    public void A_capsule_without_a_signature_is_trusted_by_name_and_returns_its_pointer()
    {
        using var capsule = new Capsule(0x1234, "quacker");

        Assert.Equal((nint)0x1234, CapsuleUnwrap.OpenFunction(capsule, "quacker", "double (double)", Importer).Pointer);
    }

    [Fact]
    public void A_capsule_with_a_null_name_opens_with_a_null_name()
    {
        using var capsule = new Capsule(0x1234, null, signature: CapsuleSignature.Function("double (double)"));

        Assert.Equal((nint)0x1234, CapsuleUnwrap.OpenFunction(capsule, null, "double (double)", Importer).Pointer);
        Assert.Throws<CapsuleNameMismatchException>(() => CapsuleUnwrap.OpenFunction(capsule, string.Empty, "double (double)", Importer));
    }

    [Fact]
    public void A_capsule_with_the_matching_signature_returns_its_pointer()
    {
        using var capsule = new Capsule(0x1234, "quacker", signature: CapsuleSignature.Function("double (int, double *, void *)"));

        Assert.Equal((nint)0x1234, CapsuleUnwrap.OpenFunction(capsule, "quacker", "double (int, double *, void *)", Importer).Pointer);
    }

    [Fact]
    public void Opening_does_not_dispose_or_change_the_capsule()
    {
        using var capsule = new Capsule(0x1234, "quacker", context: 0x99, signature: CapsuleSignature.Function("void (void)"));

        CapsuleUnwrap.OpenFunction(capsule, "quacker", "void (void)", Importer);

        Assert.False(capsule.IsDisposed);
        Assert.Equal((nint)0x1234, capsule.GetPointer("quacker"));
        Assert.Equal((nint)0x99, capsule.Context);
    }

    [Fact]
    public void A_different_signature_throws_a_signature_mismatch_with_both_signatures()
    {
        using var capsule = new Capsule(0x1234, "quacker", signature: CapsuleSignature.Function("int (int)"));

        CapsuleSignatureMismatchException error = Assert.Throws<CapsuleSignatureMismatchException>(
            () => CapsuleUnwrap.OpenFunction(capsule, "quacker", "double (double)", Importer).Pointer);

        Assert.Contains("\"double (double)\"", error.Message, StringComparison.Ordinal);
        Assert.Contains("\"int (int)\"", error.Message, StringComparison.Ordinal);
        Assert.Contains(Importer, error.Message, StringComparison.Ordinal);
        Assert.Contains("\"quacker\"", error.Message, StringComparison.Ordinal);
        Assert.Equal("double (double)", error.ExpectedSignature);
        Assert.Equal("int (int)", error.ActualSignature);
        Assert.Equal("quacker", error.CapsuleName);
        Assert.Null(error.Slot);
        Assert.IsAssignableFrom<CapsuleException>(error);
    }

    [Theory]
    [InlineData("double (double)", "double(double)")]
    [InlineData("double(double)", "double (double)")]
    [InlineData("double (double)", "Double (double)")]
    [InlineData("double (double)", "double (double) ")]
    [InlineData("double (double *)", "double (double*)")]
    public void Signatures_are_compared_exactly(string actual, string expected)
    {
        using var capsule = new Capsule(0x1234, "quacker", signature: CapsuleSignature.Function(actual));

        CapsuleSignatureMismatchException error = Assert.Throws<CapsuleSignatureMismatchException>(
            () => CapsuleUnwrap.OpenFunction(capsule, "quacker", expected, Importer));

        Assert.Equal(expected, error.ExpectedSignature);
        Assert.Equal(actual, error.ActualSignature);
    }

    [Fact]
    public void A_table_signature_throws_a_signature_mismatch_saying_how_many_slots()
    {
        using var capsule = new Capsule(0x1234, "quacker", signature: CapsuleSignature.Table("double (double)", "int (int)", null));

        CapsuleSignatureMismatchException error = Assert.Throws<CapsuleSignatureMismatchException>(
            () => CapsuleUnwrap.OpenFunction(capsule, "quacker", "double (double)", Importer).Pointer);

        Assert.Contains("table of 3 slots", error.Message, StringComparison.Ordinal);
        Assert.Contains("\"double (double)\"", error.Message, StringComparison.Ordinal);
        Assert.Contains(Importer, error.Message, StringComparison.Ordinal);
        Assert.Equal("double (double)", error.ExpectedSignature);
        Assert.Equal("table of 3 slots", error.ActualSignature);
        Assert.Equal("quacker", error.CapsuleName);
        Assert.Null(error.Slot);
    }

    [Fact]
    public void A_one_slot_table_with_the_same_signature_is_still_a_mismatch()
    {
        using var capsule = new Capsule(0x1234, "quacker", signature: CapsuleSignature.Table("double (double)"));

        CapsuleSignatureMismatchException error = Assert.Throws<CapsuleSignatureMismatchException>(
            () => CapsuleUnwrap.OpenFunction(capsule, "quacker", "double (double)", Importer).Pointer);

        Assert.Contains("but it holds a table of 1 slot.", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_signature_mismatch_on_a_null_named_capsule_says_NULL()
    {
        using var capsule = new Capsule(0x1234, null, signature: CapsuleSignature.Function("int (int)"));

        CapsuleSignatureMismatchException error = Assert.Throws<CapsuleSignatureMismatchException>(
            () => CapsuleUnwrap.OpenFunction(capsule, null, "double (double)", Importer).Pointer);

        Assert.Contains("capsule NULL", error.Message, StringComparison.Ordinal);
        Assert.Null(error.CapsuleName);
    }
}
