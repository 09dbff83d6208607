using CapsuleGen.Generator.Tests.Infrastructure;

namespace CapsuleGen.Generator.Tests;

/// <summary>
/// Tables between modules: a C# table exported by one module and imported by another that does not
/// reference it, checked slot by slot when it is bound.
/// </summary>
public sealed class TableCompileAndRunTests
{
    private static readonly Lazy<LoadedModule> s_exporter = new(() =>
        LoadedModule.Compile(SnapshotSources.TableExport, "SpamExporter_" + Guid.NewGuid().ToString("N")));

    private static Capsule SpamTable => (Capsule)s_exporter.Value.Get("Spam.SpamApi", "SpamApiCapsule")!;

    [Fact]
    public void The_exported_table_describes_every_slot_and_leaves_the_unfilled_one_null()
    {
        CapsuleSignature signature = SpamTable.Signature!;

        Assert.True(signature.IsTable);
        Assert.Equal(4, signature.SlotCount);
        Assert.Equal(["int (int, int)", "double (double, double)", null, "void (double *, intptr_t, double)"], Enumerable.Range(0, 4).Select(signature.GetSlot));
        unsafe
        {
            var table = (nint*)SpamTable.GetPointer("spam._C_API");
            Assert.NotEqual(0, table[0]);
            Assert.NotEqual(0, table[1]);
            Assert.Equal(0, table[2]);
            Assert.NotEqual(0, table[3]);
        }
    }

    [Fact]
    public void A_sparse_import_calls_every_slot_it_declares()
    {
        LoadedModule importer = Import("""
            [ImportCapsule("spam._C_API")]
            public unsafe partial interface ISpam
            {
                [CapsuleSlot(0)]
                int Add(int a, int b);

                [CapsuleSlot(3)]
                void Fill(double* values, nint count, double value);

                [CapsuleSlot(1)]
                double Scale(double x, double factor);
            }

            public static unsafe class Driver
            {
                public static string Run(Capsule capsule)
                {
                    var spam = new ISpam.Binding(capsule);
                    double* values = stackalloc double[3];
                    spam.Fill(values, 3, 2.5);
                    return $"{spam.Add(40, 2)} {spam.Scale(1.5, 4)} {values[0]} {values[1]} {values[2]}";
                }
            }
            """);

        Assert.Equal("42 6 2.5 2.5 2.5", importer.Call("Driver", "Run", SpamTable));
    }

    [Fact]
    public void A_slot_whose_signature_differs_is_named_with_both_signatures()
    {
        LoadedModule importer = Import("""
            [ImportCapsule("spam._C_API")]
            public partial interface ISpam
            {
                [CapsuleSlot(0)]
                int Add(int a, int b);

                [CapsuleSlot(1)]
                float Scale(float x, float factor);
            }

            public static class Driver
            {
                public static void Run(Capsule capsule) => new ISpam.Binding(capsule);
            }
            """);

        CapsuleSignatureMismatchException error = Assert.Throws<CapsuleSignatureMismatchException>(() => importer.Call("Driver", "Run", SpamTable));

        Assert.Equal("ISpam.Scale expects slot 1 of capsule \"spam._C_API\" to hold \"float (float, float)\", but it holds \"double (double, double)\".", error.Message);
        Assert.Equal(1, error.Slot);
    }

    [Fact]
    public void A_slot_past_the_end_of_the_table_gives_both_numbers()
    {
        LoadedModule exporter = LoadedModule.Compile(
            """
            using CapsuleGen;

            [ExportCapsule("ten.slots")]
            public static partial class TenSlots
            {
                [CapsuleSlot(9)]
                private static int Last() => 9;
            }
            """,
            "TenSlots_" + Guid.NewGuid().ToString("N"));
        LoadedModule importer = Import("""
            [ImportCapsule("ten.slots")]
            public partial interface ITwentySlots
            {
                [CapsuleSlot(9)]
                int Last();

                [CapsuleSlot(20)]
                int Far();
            }

            public static class Driver
            {
                public static void Run(Capsule capsule) => new ITwentySlots.Binding(capsule);
            }
            """);

        CapsuleSignatureMismatchException error = Assert.Throws<CapsuleSignatureMismatchException>(
            () => importer.Call("Driver", "Run", exporter.Get("TenSlots", "TenSlotsCapsule")));

        Assert.Equal("ITwentySlots.Far reads slot 20 of capsule \"ten.slots\", but its table has 10 slots (0 to 9).", error.Message);
    }

    [Fact]
    public void A_function_slot_the_exporter_left_empty_is_refused()
    {
        LoadedModule importer = Import("""
            [ImportCapsule("spam._C_API")]
            public partial interface ISpam
            {
                [CapsuleSlot(2)]
                int Missing(int a);
            }

            public static class Driver
            {
                public static void Run(Capsule capsule) => new ISpam.Binding(capsule);
            }
            """);

        CapsuleSignatureMismatchException error = Assert.Throws<CapsuleSignatureMismatchException>(() => importer.Call("Driver", "Run", SpamTable));

        Assert.Equal("ISpam.Missing expects slot 2 of capsule \"spam._C_API\" to hold \"int (int)\", but it holds no function.", error.Message);
    }

    [Fact]
    public void A_single_function_import_refuses_a_table_and_a_table_import_refuses_a_function()
    {
        LoadedModule importer = Import("""
            [ImportCapsule("spam._C_API")]
            public partial interface IOneFunction
            {
                int Add(int a, int b);
            }

            [ImportCapsule("spam._C_API")]
            public partial interface IOneSlot
            {
                [CapsuleSlot(0)]
                int Add(int a, int b);
            }

            public static class Driver
            {
                public static void BindFunction(Capsule capsule) => new IOneFunction.Binding(capsule);

                public static void BindTable(Capsule capsule) => new IOneSlot.Binding(capsule);
            }
            """);
        using var function = new Capsule(0x1234, "spam._C_API", signature: CapsuleSignature.Function("int (int, int)"));

        Assert.Equal(
            "IOneFunction expects capsule \"spam._C_API\" to hold one function \"int (int, int)\", but it holds a table of 4 slots.",
            Assert.Throws<CapsuleSignatureMismatchException>(() => importer.Call("Driver", "BindFunction", SpamTable)).Message);
        Assert.Equal(
            "IOneSlot expects capsule \"spam._C_API\" to hold a table, but it holds one function \"int (int, int)\".",
            Assert.Throws<CapsuleSignatureMismatchException>(() => importer.Call("Driver", "BindTable", function)).Message);
    }

    [Fact]
    public void A_foreign_table_without_a_signature_is_trusted_by_name_but_a_null_function_slot_is_refused()
    {
        LoadedModule importer = Import("""
            [ImportCapsule("foreign.api")]
            public partial interface IForeign
            {
                [CapsuleSlot(0)]
                nint Version { get; }

                [CapsuleSlot(1)]
                int Missing(int a);
            }

            public static class Driver
            {
                public static void Run(Capsule capsule) => new IForeign.Binding(capsule);
            }
            """);
        nint[] table = [7, 0];
        unsafe
        {
            fixed (nint* pointer = table)
            {
                using var foreign = new Capsule((nint)pointer, "foreign.api");

                InvalidCapsuleException error = Assert.Throws<InvalidCapsuleException>(() => importer.Call("Driver", "Run", foreign));

                Assert.Equal("IForeign.Missing needs a function in slot 1 of capsule \"foreign.api\", but that slot is null.", error.Message);
            }
        }
    }

    [Fact]
    public void Data_slots_read_the_raw_pointer_sized_values_and_fall_back_until_bound()
    {
        LoadedModule importer = LoadedModule.Compile(SnapshotSources.SparseTableImportWithDataSlots + """

            public static unsafe class Driver
            {
                public static string Unbound()
                {
                    var api = new IDateTimeApi.Binding();
                    try
                    {
                        _ = api.DateType;
                        return "no exception";
                    }
                    catch (CapsuleNotBoundException error)
                    {
                        return $"{error.Member}; fallback {(nint)api.TimeZoneUtc}";
                    }
                }

                public static string Bound(Capsule capsule)
                {
                    var api = new IDateTimeApi.Binding(capsule);
                    return $"{api.DateType} {(nint)api.TimeZoneUtc}";
                }
            }
            """,
            "DateTimeImporter_" + Guid.NewGuid().ToString("N"));
        nint[] table = new nint[15];
        table[0] = 0x1000;
        table[5] = 0x5000;
        table[6] = 0x6000; // never called here; must only be non-null
        table[9] = 0x9000;
        unsafe
        {
            fixed (nint* pointer = table)
            {
                using var capsule = new Capsule((nint)pointer, "datetime.datetime_CAPI");

                Assert.Equal("IDateTimeApi.DateType; fallback 0", importer.Call("Python.Driver", "Unbound"));
                Assert.Equal("4096 20480", importer.Call("Python.Driver", "Bound", capsule));
            }
        }
    }

    [Fact]
    public void Under_overflow_checks_data_slots_keep_their_bits_and_calls_cross_as_without()
    {
        LoadedModule exporter = LoadedModule.Compile(SnapshotSources.TableExport, "CheckedExporter_" + Guid.NewGuid().ToString("N"), checkOverflow: true);
        LoadedModule importer = LoadedModule.Compile("""
            using CapsuleGen;

            [ImportCapsule("raw.bits")]
            public unsafe partial interface IRaw
            {
                [CapsuleSlot(0)] nuint AllOnes { get; }
                [CapsuleSlot(1)] byte* High { get; }
                [CapsuleSlot(2)] nint Negative { get; }
            }

            [ImportCapsule("spam._C_API")]
            public partial interface ISpam
            {
                [CapsuleSlot(0)] int Add(int a, int b);
            }

            public static unsafe class Driver
            {
                public static string Raw(Capsule capsule)
                {
                    var raw = new IRaw.Binding(capsule);
                    return $"{raw.AllOnes:x} {(ulong)raw.High:x} {raw.Negative}";
                }

                public static int Add(Capsule capsule) => new ISpam.Binding(capsule).Add(40, 2);
            }
            """,
            "CheckedImporter_" + Guid.NewGuid().ToString("N"),
            checkOverflow: true);
        nint[] table = [-1, unchecked((nint)0xFFFF800000001000), -7];
        unsafe
        {
            fixed (nint* pointer = table)
            {
                using var capsule = new Capsule((nint)pointer, "raw.bits");

                Assert.Equal("ffffffffffffffff ffff800000001000 -7", importer.Call("Driver", "Raw", capsule));
            }
        }

        Assert.Equal(42, importer.Call("Driver", "Add", (Capsule)exporter.Get("Spam.SpamApi", "SpamApiCapsule")!));
    }

    private static LoadedModule Import(string source) =>
        LoadedModule.Compile("using CapsuleGen;\n\n" + source, "Importer_" + Guid.NewGuid().ToString("N"));
}
