using CapsuleGen.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis.CSharp;

namespace CapsuleGen.Generator.Tests;

/// <summary>
/// An export compiled into one module and an import into another that does not reference it:
/// values cross through a real capsule and come back with every bit intact.
/// </summary>
public sealed class CompileAndRunTests
{
    [Theory]
    [MemberData(nameof(BoundaryTypeCase.All), MemberType = typeof(BoundaryTypeCase))]
    public void Every_supported_type_crosses_between_modules_by_the_managed_entry_and_the_native_pointer_alike(BoundaryTypeCase typeCase)
    {
        LoadedModule exporter = LoadedModule.Compile(typeCase.ExportSource, "Exporter_" + Guid.NewGuid().ToString("N"));
        LoadedModule importer = LoadedModule.Compile(typeCase.ImportSource, "Importer_" + Guid.NewGuid().ToString("N"));

        var capsule = (Capsule)exporter.Get("Exports", "EchoCapsule")!;

        Assert.Equal(typeCase.CSignature, capsule.Signature!.FunctionSignature);
        if (typeCase.StructLayouts is not null)
        {
            Assert.Equal(typeCase.StructLayouts, capsule.Signature.StructLayouts);
        }

        Assert.Equal("ok", importer.Call("Driver", "Run", capsule));

        // The same trampoline in a capsule without the managed entry, as C code would hand it out: the native path.
        using var nativeOnly = new Capsule(capsule.GetPointer(capsule.Name), capsule.Name, signature: capsule.Signature);
        Assert.Equal("ok", importer.Call("Driver", "Run", nativeOnly));
    }

    [Theory]
    [MemberData(nameof(BoundaryTypeCase.All), MemberType = typeof(BoundaryTypeCase))]
    public void Every_supported_type_compiles_cleanly_at_the_oldest_language_version_it_allows(BoundaryTypeCase typeCase)
    {
        LanguageVersion oldest = typeCase.MinimumVersion > LanguageVersion.CSharp10 ? typeCase.MinimumVersion : LanguageVersion.CSharp10;
        GeneratorRun.Of(typeCase.ExportSource, oldest).EmitCleanly();
        GeneratorRun.Of(typeCase.ImportSource, oldest).EmitCleanly();
    }

    [Fact]
    public void A_function_with_several_parameters_reads_the_context_as_user_data()
    {
        LoadedModule exporter = LoadedModule.Compile(SnapshotSources.DefaultNamedExport, "Integrands_" + Guid.NewGuid().ToString("N"));
        LoadedModule importer = LoadedModule.Compile(
            SnapshotSources.ImportWithParametersAndReturn + """

            public static unsafe class Driver
            {
                public static double Run(CapsuleGen.Capsule capsule)
                {
                    var integrand = new IIntegrand.Binding(capsule);
                    double* xs = stackalloc double[] { 1.5, 99 };
                    double weight = 4;
                    return integrand.Evaluate(3, xs, &weight);
                }
            }
            """,
            "Consumer_" + Guid.NewGuid().ToString("N"));

        var capsule = (Capsule)exporter.Get("Integrands.Functions", "WeightedSumCapsule")!;

        Assert.Equal("double (int, double *, void *)", capsule.Name);
        Assert.Equal(3 * 1.5 * 4, (double)importer.Call("Integrands.Driver", "Run", capsule)!);
    }

    [Fact]
    public void A_capsule_with_another_signature_is_refused_with_both_signatures()
    {
        LoadedModule exporter = LoadedModule.Compile(
            """
            using CapsuleGen;
            public static partial class Exports
            {
                [ExportCapsule("echo")]
                public static int Echo(int value) => value;
            }
            """,
            "Exporter_" + Guid.NewGuid().ToString("N"));
        LoadedModule importer = LoadedModule.Compile(
            """
            using CapsuleGen;
            [ImportCapsule("echo")]
            public partial interface IEcho
            {
                double Echo(double value) => -1;
            }

            public static class Driver
            {
                public static double Run(Capsule capsule)
                {
                    var binding = new IEcho.Binding();
                    try
                    {
                        binding.Bind(capsule);
                    }
                    finally
                    {
                        System.Console.Out.Flush();
                    }

                    return binding.Echo(2);
                }

                public static double RunKeepingFallback(Capsule capsule)
                {
                    var binding = new IEcho.Binding();
                    try
                    {
                        binding.Bind(capsule);
                    }
                    catch (CapsuleSignatureMismatchException)
                    {
                    }

                    return binding.IsBound ? double.NaN : binding.Echo(2);
                }
            }
            """,
            "Importer_" + Guid.NewGuid().ToString("N"));
        var capsule = (Capsule)exporter.Get("Exports", "EchoCapsule")!;

        CapsuleSignatureMismatchException error = Assert.Throws<CapsuleSignatureMismatchException>(() => importer.Call("Driver", "Run", capsule));

        Assert.Equal("IEcho expects capsule \"echo\" to hold \"double (double)\", but it holds \"int (int)\".", error.Message);
        Assert.Equal(-1, (double)importer.Call("Driver", "RunKeepingFallback", capsule)!);
    }

    [Fact]
    public void An_import_without_a_name_accepts_the_capsule_named_by_its_signature()
    {
        LoadedModule exporter = LoadedModule.Compile(SnapshotSources.DefaultNamedExport, "Integrands_" + Guid.NewGuid().ToString("N"));
        LoadedModule importer = LoadedModule.Compile(
            """
            using CapsuleGen;
            [ImportCapsule]
            public partial interface ISquare
            {
                double Square(double x);
            }

            public static class Driver
            {
                public static double Run(Capsule capsule) => new ISquare.Binding(capsule).Square(1.5);
            }
            """,
            "Importer_" + Guid.NewGuid().ToString("N"));

        Assert.Equal(2.25, (double)importer.Call("Driver", "Run", exporter.Get("Integrands.Functions", "SquareCapsule"))!);
        CapsuleNameMismatchException error = Assert.Throws<CapsuleNameMismatchException>(() => importer.Call("Driver", "Run", exporter.Get("Integrands.Functions", "WeightedSumCapsule")));
        Assert.Equal("Expected a capsule named \"double (double)\", but this capsule is named \"double (int, double *, void *)\".", error.Message);
    }

    [Theory]
    [InlineData("ref partial struct")]
    [InlineData("readonly partial struct")]
    [InlineData("partial record")]
    [InlineData("partial record struct")]
    [InlineData("static partial class")]
    [InlineData("partial interface")]
    public void Exports_nested_in_every_kind_of_type_compile(string declaration)
    {
        GeneratorRun run = GeneratorRun.Of($$"""
            public partial class Outer
            {
                public {{declaration}} Inner
                {
                    [CapsuleGen.ExportCapsule("nested.quacker")]
                    public static int Quack(int x) => x;
                }
            }
            """);

        Assert.Empty(run.AnalyzerDiagnostics());
        Assert.NotEmpty(run.GeneratedSources);
        run.EmitCleanly();
    }

    [Fact]
    public void A_member_without_a_default_body_throws_until_a_capsule_is_bound()
    {
        LoadedModule importer = LoadedModule.Compile(
            SnapshotSources.ImportWithoutDefaultBody + """

            public static class Driver
            {
                public static void Honk() => new IHonker.Binding().Honk();
            }
            """,
            "Importer_" + Guid.NewGuid().ToString("N"));

        CapsuleNotBoundException error = Assert.Throws<CapsuleNotBoundException>(() => importer.Call("Samples.Quack.Driver", "Honk"));

        Assert.Equal("honker", error.CapsuleName);
        Assert.Equal("IHonker.Honk", error.Member);
        Assert.Contains("no capsule \"honker\" is bound", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void SetPythonError_without_Python_in_the_process_only_records_by_either_entry()
    {
        Assert.Null(CapsuleGen.Python.CPython.LibraryPath); // nothing in this test process loads CPython
        LoadedModule exporter = LoadedModule.Compile(SnapshotSources.ExportSettingPythonError, "Callbacks_" + Guid.NewGuid().ToString("N"), withPython: true);
        LoadedModule importer = LoadedModule.Compile(
            """
            [CapsuleGen.ImportCapsule]
            public unsafe partial interface IChecked
            {
                double Checked(double x, int* errorFlag, void* userData);
            }

            public static unsafe class Driver
            {
                public static double ByBinding(CapsuleGen.Capsule capsule, double x)
                {
                    int flag = 0;
                    double result = new IChecked.Binding(capsule).Checked(x, &flag, null);
                    return flag == 1 ? -result : result;
                }

                public static double ByPointer(CapsuleGen.Capsule capsule, double x)
                {
                    int flag = 0;
                    double result = ((delegate* unmanaged[Cdecl]<double, int*, void*, double>)capsule.GetPointer("double (double, int *, void *)"))(x, &flag, null);
                    return flag == 1 ? -result : result;
                }
            }
            """,
            "Caller_" + Guid.NewGuid().ToString("N"));
        var capsule = (Capsule)exporter.Get("Callbacks.Integrands", "CheckedCapsule")!;

        foreach (string entry in new[] { "ByBinding", "ByPointer" })
        {
            CapsuleBoundary.ClearLastError();
            long before = CapsuleBoundary.ErrorCount;

            Assert.Equal(3.0, (double)importer.Call("Driver", entry, capsule, 9.0)!);
            Assert.Null(CapsuleBoundary.LastError);

            double failed = (double)importer.Call("Driver", entry, capsule, -1.0)!;

            Assert.True(double.IsNaN(failed), $"{entry} returned {failed}");
            CapsuleBoundaryError error = Assert.IsType<CapsuleBoundaryError>(CapsuleBoundary.LastError);
            Assert.Equal("Integrands.Checked", error.Method);
            Assert.Equal("double (double, int *, void *)", error.CapsuleName);
            Assert.Equal("x must not be negative", Assert.IsType<ArgumentException>(error.Exception).Message);
            Assert.Equal(before + 1, CapsuleBoundary.ErrorCount);
        }

        Assert.Null(CapsuleGen.Python.CPython.LibraryPath); // and recording did not start one
    }
}
