using CapsuleGen.Interop;

namespace CapsuleGen.Runtime.Tests;

/// <summary>
/// The third kind of signature, a table laid out as a C struct, and the checks an import of one makes
/// when it binds: struct against struct, field by field at the same offsets, the importer no longer
/// than the exporter, and the struct's own size field.
/// </summary>
public sealed unsafe class CapsuleStructSignatureTests
{
    private const string Name = "spam._C_API";
    private const string Importer = "ISpam";

    private static readonly CapsuleStructField[] s_fields =
    [
        new(0, "const char *"),
        new(8, "int"),
        new(16, "double (*)(double, double)", "double (double, double)"),
    ];

    private static CapsuleSignature Spam => CapsuleSignature.Struct(24, s_fields);

    [Fact]
    public void A_struct_signature_is_neither_a_function_nor_a_table_and_lists_its_fields()
    {
        CapsuleSignature signature = Spam;

        Assert.True(signature.IsStruct);
        Assert.False(signature.IsTable);
        Assert.Equal(24, signature.StructSize);
        Assert.Equal(0, signature.SlotCount);
        Assert.Equal(s_fields, signature.StructFields);
        Assert.True(signature.StructFields[2].IsFunction);
        Assert.Equal(new CapsuleStructField(8, "int"), signature.FindStructField(8));
        Assert.Null(signature.FindStructField(4));
        Assert.Equal("C struct of 24 bytes", signature.ToString());
        Assert.Throws<InvalidOperationException>(() => signature.FunctionSignature);
    }

    [Fact]
    public void Struct_signatures_compare_by_size_and_fields()
    {
        Assert.Equal(Spam, CapsuleSignature.Struct(24, s_fields));
        Assert.Equal(Spam.GetHashCode(), CapsuleSignature.Struct(24, s_fields).GetHashCode());
        Assert.NotEqual(Spam, CapsuleSignature.Struct(32, s_fields));
        Assert.NotEqual(Spam, CapsuleSignature.Struct(24, s_fields[..2]));
        Assert.NotEqual(Spam, CapsuleSignature.Table("double (double, double)"));
    }

    [Theory]
    [InlineData(4, "int", 4, "int")]
    [InlineData(8, "int", 4, "int")]
    [InlineData(0, "int", 16, "int")]
    [InlineData(0, "", 4, "int")]
    public void Fields_out_of_order_overlapping_outside_or_without_a_type_are_refused(int firstOffset, string firstType, int secondOffset, string secondType)
    {
        Assert.ThrowsAny<ArgumentException>(() => CapsuleSignature.Struct(16, new(firstOffset, firstType), new(secondOffset, secondType)));
    }

    [Fact]
    public void A_struct_without_fields_or_size_is_refused()
    {
        Assert.Throws<ArgumentException>(() => CapsuleSignature.Struct(8));
        Assert.Throws<ArgumentOutOfRangeException>(() => CapsuleSignature.Struct(0, new CapsuleStructField(0, "int")));
    }

    [Fact]
    public void A_prefix_with_other_member_names_binds_and_a_string_is_read_as_bytes()
    {
        using var capsule = new Capsule(Table(size: 24), Name, signature: Spam);

        CapsuleLease lease = CapsuleUnwrap.OpenStruct(capsule, Name, 16, [new(0, "Text", "uint8_t *"), new(8, "Bytes", "int", IsStructSize: true)], Importer);

        Assert.Equal(capsule.GetPointer(Name), lease.Pointer);
    }

    [Fact]
    public void A_slot_table_is_not_a_struct_and_a_struct_is_not_a_slot_table_or_a_function()
    {
        using var table = new Capsule(Table(size: 24), Name, signature: CapsuleSignature.Table(null, null, "double (double, double)"));
        using var structure = new Capsule(Table(size: 24), Name, signature: Spam);

        Assert.Equal(
            "ISpam expects capsule \"spam._C_API\" to hold a C struct, but it holds a table of 3 slots.",
            Assert.Throws<CapsuleSignatureMismatchException>(() => CapsuleUnwrap.OpenStruct(table, Name, 8, [new(0, "Magic", "uint8_t *")], Importer)).Message);
        Assert.Equal(
            "ISpam expects capsule \"spam._C_API\" to hold a table, but it holds a C struct of 24 bytes.",
            Assert.Throws<CapsuleSignatureMismatchException>(() => CapsuleUnwrap.OpenTable(structure, Name, [new TableSlot(2, "Add", "double (double, double)")], Importer)).Message);
        Assert.Equal(
            "ISpam expects capsule \"spam._C_API\" to hold one function \"int (int)\", but it holds a C struct of 24 bytes.",
            Assert.Throws<CapsuleSignatureMismatchException>(() => CapsuleUnwrap.OpenFunction(structure, Name, "int (int)", Importer)).Message);
    }

    [Fact]
    public void A_field_of_another_type_or_signature_is_named_with_its_offset_and_both()
    {
        using var capsule = new Capsule(Table(size: 24), Name, signature: Spam);

        CapsuleSignatureMismatchException type = Assert.Throws<CapsuleSignatureMismatchException>(
            () => CapsuleUnwrap.OpenStruct(capsule, Name, 16, [new(8, "Size", "int64_t")], Importer));
        CapsuleSignatureMismatchException function = Assert.Throws<CapsuleSignatureMismatchException>(
            () => CapsuleUnwrap.OpenStruct(capsule, Name, 24, [new(16, "Add", "int (*)(int, int)", "int (int, int)")], Importer));

        Assert.Equal("ISpam.Size expects offset 8 of capsule \"spam._C_API\" to hold \"int64_t\", but it holds \"int\".", type.Message);
        Assert.Equal("int64_t", type.ExpectedSignature);
        Assert.Equal("int", type.ActualSignature);
        Assert.Equal("ISpam.Add expects offset 16 of capsule \"spam._C_API\" to hold \"int (int, int)\", but it holds \"double (double, double)\".", function.Message);
    }

    [Fact]
    public void An_importer_longer_than_the_exported_struct_is_refused_with_both_sizes()
    {
        using var capsule = new Capsule(Table(size: 24), Name, signature: Spam);

        CapsuleSignatureMismatchException error = Assert.Throws<CapsuleSignatureMismatchException>(
            () => CapsuleUnwrap.OpenStruct(capsule, Name, 32, [new(24, "Later", "int")], Importer));

        Assert.Equal("ISpam declares a C struct of 32 bytes, but capsule \"spam._C_API\" holds one of 24 bytes.", error.Message);
    }

    [Theory]
    [InlineData("int")]
    [InlineData("unsigned int")]
    [InlineData("int64_t")]
    [InlineData("uintptr_t")]
    public void A_size_field_smaller_than_the_importers_struct_is_refused_for_a_foreign_capsule(string sizeType)
    {
        nint table = Table(size: 16);
        using var capsule = new Capsule(table, Name);

        CapsuleSignatureMismatchException error = Assert.Throws<CapsuleSignatureMismatchException>(
            () => CapsuleUnwrap.OpenStruct(capsule, Name, 24, [new(8, "Size", sizeType, IsStructSize: true)], Importer));

        Assert.Equal(
            "ISpam.Size says capsule \"spam._C_API\" holds a C struct of 16 bytes, but ISpam declares 24 bytes: the table was made for an older, shorter struct; declare only the fields it has.",
            error.Message);
        Assert.Equal(table, CapsuleUnwrap.OpenStruct(capsule, Name, 16, [new(8, "Size", sizeType, IsStructSize: true)], Importer).Pointer);
    }

    [Fact]
    public void A_null_function_field_is_refused()
    {
        using var capsule = new Capsule(Table(size: 24), Name);

        InvalidCapsuleException error = Assert.Throws<InvalidCapsuleException>(
            () => CapsuleUnwrap.OpenStruct(capsule, Name, 24, [new(16, "Add", "double (*)(double, double)", "double (double, double)")], Importer));

        Assert.Equal("ISpam.Add needs a function at offset 16 of capsule \"spam._C_API\", but that field is null.", error.Message);
    }

    /// <summary>A zeroed struct whose size field (at offset 8) holds <paramref name="size"/>; never freed, as an exporter's table would not be.</summary>
    private static nint Table(int size)
    {
        var table = (byte*)System.Runtime.InteropServices.NativeMemory.AllocZeroed(32);
        *(int*)(table + 8) = size;
        return (nint)table;
    }
}
