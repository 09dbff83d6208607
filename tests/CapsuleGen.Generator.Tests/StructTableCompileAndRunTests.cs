using System.Runtime.InteropServices;
using CapsuleGen.Generator.Tests.Infrastructure;

namespace CapsuleGen.Generator.Tests;

/// <summary>
/// C struct tables between modules: a C# struct exported by one module, read in memory as C would,
/// and bound by another module's interface, whole or as a prefix, checked field by field at bind.
/// </summary>
public sealed class StructTableCompileAndRunTests
{
    private static readonly Lazy<LoadedModule> s_exporter = new(() =>
        LoadedModule.Compile(SnapshotSources.StructTableExport, "StructExporter_" + Guid.NewGuid().ToString("N")));

    private static Capsule SpamStruct => (Capsule)s_exporter.Value.Get("Spam.SpamStruct", "SpamStructCapsule")!;

    [Fact]
    public void The_exported_struct_describes_each_field_at_its_C_offset()
    {
        CapsuleSignature signature = SpamStruct.Signature!;

        Assert.True(signature.IsStruct);
        Assert.False(signature.IsTable);
        Assert.Equal(40, signature.StructSize);
        Assert.Equal(
            [
                new CapsuleStructField(0, "const char *"),
                new CapsuleStructField(8, "int"),
                new CapsuleStructField(12, "uint8_t"),
                new CapsuleStructField(14, "int16_t"),
                new CapsuleStructField(16, "double (*)(double, double)", "double (double, double)"),
                new CapsuleStructField(24, "float"),
                new CapsuleStructField(32, "uint8_t *(*)(int)", "uint8_t *(int)"),
            ],
            signature.StructFields);
    }

    [Fact]
    public unsafe void The_struct_in_memory_holds_the_values_and_functions_where_C_reads_them()
    {
        var table = (byte*)SpamStruct.GetPointer("spam._C_STRUCT");

        Assert.Equal(0, (nint)table % 8);
        Assert.Equal("spam \"C\" API \u00e9", Marshal.PtrToStringUTF8(*(nint*)table));
        Assert.Equal(40, *(int*)(table + 8));
        Assert.Equal(2, *(table + 12));
        Assert.Equal(2, *(short*)(table + 14));
        Assert.Equal(1.5f, *(float*)(table + 24));
        Assert.Equal(5.5, ((delegate* unmanaged[Cdecl]<double, double, double>)*(nint*)(table + 16))(2, 3.5));
        Assert.NotEqual(0, *(nint*)(table + 32));
    }

    [Fact]
    public void An_import_of_the_whole_struct_reads_every_value_and_calls_every_function()
    {
        LoadedModule importer = Import("""
            [ImportCapsule("spam._C_STRUCT", Layout = CapsuleLayout.CStruct)]
            public unsafe partial interface ISpam
            {
                byte* Magic { get; }

                [CapsuleField(StructSize = true)]
                int Size { get; }

                byte Version { get; }

                Mode DefaultMode { get; }

                double Add(double a, double b);

                float Scale { get; }

                byte* Name(int code);
            }

            public enum Mode : short { Fast = 1, Exact = 2 }

            public static unsafe class Driver
            {
                public static string Run(Capsule capsule)
                {
                    var spam = new ISpam.Binding(capsule);
                    string magic = System.Runtime.InteropServices.Marshal.PtrToStringUTF8((nint)spam.Magic)!;
                    return $"{magic}|{spam.Size}|{spam.Version}|{spam.DefaultMode}|{spam.Add(40, 2)}|{spam.Scale}|{(nint)spam.Name(1)}";
                }
            }
            """);

        Assert.Equal("spam \"C\" API \u00e9|40|2|Exact|42|1.5|0", importer.Call("Driver", "Run", SpamStruct));
    }

    [Fact]
    public void An_import_of_a_prefix_of_the_struct_binds_and_names_its_members_as_it_likes()
    {
        LoadedModule importer = Import("""
            [ImportCapsule("spam._C_STRUCT", Layout = CapsuleLayout.CStruct)]
            public unsafe partial interface IOlderSpam
            {
                byte* Text { get; }

                [CapsuleField(StructSize = true)]
                int Bytes { get; }

                byte Major { get; }

                short Mode { get; }

                double Plus(double x, double y) => double.NaN;
            }

            public static class Driver
            {
                public static string Run(Capsule capsule)
                {
                    var spam = new IOlderSpam.Binding();
                    double before = spam.Plus(1, 1);
                    spam.Bind(capsule);
                    return $"{before} {spam.Plus(1, 1)} {spam.Bytes} {spam.Major}";
                }
            }
            """);

        Assert.Equal("NaN 2 40 2", importer.Call("Driver", "Run", SpamStruct));
    }

    [Theory]
    [InlineData(
        "byte* Magic { get; }\n int Size { get; }\n int Version { get; }",
        "IWrong.Version expects offset 12 of capsule \"spam._C_STRUCT\" to hold \"int\", but it holds \"uint8_t\".")]
    [InlineData(
        "byte* Magic { get; }\n int Size { get; }\n byte Version { get; }\n byte Late { get; }",
        "IWrong.Late expects offset 13 of capsule \"spam._C_STRUCT\" to hold \"uint8_t\", but it holds no field that starts there.")]
    [InlineData(
        "byte* Magic { get; }\n int Size { get; }\n byte Version { get; }\n short Mode { get; }\n float Add(float a, float b);",
        "IWrong.Add expects offset 16 of capsule \"spam._C_STRUCT\" to hold \"float (float, float)\", but it holds \"double (double, double)\".")]
    [InlineData(
        "byte* Magic { get; }\n int Size { get; }\n byte Version { get; }\n short Mode { get; }\n double Add(double a, double b);\n float Scale { get; }\n byte* Name(int code);\n long Newer { get; }",
        "IWrong declares a C struct of 48 bytes, but capsule \"spam._C_STRUCT\" holds one of 40 bytes.")]
    public void A_field_that_differs_is_named_at_bind_with_its_offset_and_both_types(string members, string message)
    {
        LoadedModule importer = Import($$"""
            [ImportCapsule("spam._C_STRUCT", Layout = CapsuleLayout.CStruct)]
            public unsafe partial interface IWrong
            {
                {{members}}
            }

            public static class Driver
            {
                public static void Run(Capsule capsule) => new IWrong.Binding(capsule);
            }
            """);

        CapsuleSignatureMismatchException error = Assert.Throws<CapsuleSignatureMismatchException>(() => importer.Call("Driver", "Run", SpamStruct));

        Assert.Equal(message, error.Message);
    }

    [Fact]
    public void Slot_tables_and_structs_do_not_bind_to_each_other()
    {
        LoadedModule importer = Import("""
            [ImportCapsule("spam._C_STRUCT")]
            public partial interface ISlots
            {
                [CapsuleSlot(2)]
                double Add(double a, double b);
            }

            public static class Driver
            {
                public static void Run(Capsule capsule) => new ISlots.Binding(capsule);
            }
            """);

        CapsuleSignatureMismatchException error = Assert.Throws<CapsuleSignatureMismatchException>(() => importer.Call("Driver", "Run", SpamStruct));

        Assert.Equal("ISlots expects capsule \"spam._C_STRUCT\" to hold a table, but it holds a C struct of 40 bytes.", error.Message);
    }

    [Fact]
    public unsafe void A_foreign_struct_made_for_an_older_shorter_struct_is_refused_by_its_size_field_and_a_null_function_too()
    {
        LoadedModule importer = Import("""
            [ImportCapsule("foreign.api", Layout = CapsuleLayout.CStruct)]
            public partial interface IForeign
            {
                [CapsuleField(StructSize = true)]
                long Size { get; }

                int Twice(int x);
            }

            public static class Driver
            {
                public static int Run(Capsule capsule) => new IForeign.Binding(capsule).Twice(21);
            }
            """);
        long* table = stackalloc long[2];
        table[0] = 8; // a struct of the size field only: the function came later
        table[1] = 0;
        using var older = new Capsule((nint)table, "foreign.api");

        CapsuleSignatureMismatchException error = Assert.Throws<CapsuleSignatureMismatchException>(() => importer.Call("Driver", "Run", older));
        Assert.Equal(
            "IForeign.Size says capsule \"foreign.api\" holds a C struct of 8 bytes, but IForeign declares 16 bytes: the table was made for an older, shorter struct; declare only the fields it has.",
            error.Message);

        table[0] = 16;
        using var withoutFunction = new Capsule((nint)table, "foreign.api");
        InvalidCapsuleException missing = Assert.Throws<InvalidCapsuleException>(() => importer.Call("Driver", "Run", withoutFunction));
        Assert.Equal("IForeign.Twice needs a function at offset 8 of capsule \"foreign.api\", but that field is null.", missing.Message);
    }

    private static LoadedModule Import(string source) =>
        LoadedModule.Compile("using CapsuleGen;\n\n" + source, "StructImporter_" + Guid.NewGuid().ToString("N"));
}
