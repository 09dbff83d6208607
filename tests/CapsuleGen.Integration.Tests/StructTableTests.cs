using System.Runtime.InteropServices;

namespace CapsuleGen.Integration.Tests;

/// <summary>
/// A C# table exported as a C struct, read by real C code (native/spam_struct.c) that declares the
/// struct itself: the compiler's sizeof and offsetof are the layout the generator computed, and C
/// reads every value and calls every C# function through the struct.
/// </summary>
public sealed unsafe class StructTableTests
{
    [Fact]
    public void The_C_compilers_sizeof_and_offsetof_are_the_layout_the_generator_computed()
    {
        long[] c = new long[13];
        fixed (long* values = c)
        {
            Assert.Equal(c.Length, NativeSpamStruct.Layout(values, c.Length));
        }

        using Capsule capsule = ManagedSpamStruct.ManagedSpamStructCapsule;
        CapsuleSignature signature = capsule.Signature!;
        long[] csharp = [signature.StructSize, .. signature.StructFields.Select(field => (long)field.Offset)];

        Assert.Equal(c, csharp);
        Assert.Equal(ManagedSpamStruct.Size, signature.StructSize);
    }

    [Fact]
    public void C_reads_every_value_and_calls_every_CSharp_function_through_the_struct()
    {
        using Capsule capsule = ManagedSpamStruct.ManagedSpamStructCapsule;
        byte* text = stackalloc byte[256];

        int length = NativeSpamStruct.Use(capsule.GetPointer(ManagedSpamStruct.CapsuleName), text, 256);

        Assert.True(length > 0, "C refused the struct's size field");
        Assert.Equal("spam struct 1.0|80|1|-2|0.5|42.5|0.25|10|1700000000000|1|42|7", Marshal.PtrToStringUTF8((nint)text, length));
    }

    [Fact]
    public void A_CSharp_import_of_a_prefix_calls_the_same_functions_C_calls()
    {
        var api = new ISpamStructPrefix.Binding(ManagedSpamStruct.ManagedSpamStructCapsule);
        long* numbers = stackalloc long[] { 1, 2, 3, 4 };

        Assert.Equal("spam struct 1.0", Marshal.PtrToStringUTF8((nint)api.Magic));
        Assert.Equal(80, api.Size);
        Assert.Equal((1, -2, 0.5), (api.Major, api.Minor, api.Scale));
        Assert.Equal(42.5, api.Add(40, 2.5));
        Assert.Equal(0.25f, api.Ratio);
        Assert.Equal(10, api.Sum(numbers, 4));
    }
}

/// <summary>The first eight fields of <see cref="ManagedSpamStruct"/>, as an older client of its C API would declare them.</summary>
[ImportCapsule(ManagedSpamStruct.CapsuleName, Layout = CapsuleLayout.CStruct)]
public unsafe partial interface ISpamStructPrefix
{
    byte* Magic { get; }

    [CapsuleField(StructSize = true)]
    int Size { get; }

    byte Major { get; }

    short Minor { get; }

    double Scale { get; }

    double Add(double a, double b);

    float Ratio { get; }

    long Sum(long* values, nint count);
}
