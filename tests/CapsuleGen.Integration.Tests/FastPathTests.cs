using System.Diagnostics;
using System.Runtime.InteropServices;
using CapsuleGen.Tests.Shared;

namespace CapsuleGen.Integration.Tests;

/// <summary>
/// A binding to a capsule exported in this process calls the export's managed entry, skipping both
/// native transitions; any other capsule is called through its native pointer. Both ways behave
/// alike: same values, same conversions, same exception policy.
/// </summary>
public sealed class FastPathTests
{
    [Fact]
    public void A_binding_to_an_export_of_this_process_skips_the_trampoline_and_any_other_capsule_does_not()
    {
        using Capsule exported = PathProbe.ReachedNativelyCapsule;
        using Capsule nativeOnly = NativeOnly(exported);
        using Capsule withContext = exported.WithContext(0x1234);

        Assert.Equal(0, new IPathProbe.Binding(exported).ReachedNatively());
        Assert.Equal(0, new IPathProbe.Binding(withContext).ReachedNatively());
        Assert.Equal(1, new IPathProbe.Binding(nativeOnly).ReachedNatively());
        Assert.Equal(1, NativeCallers.CallIntOfVoid(exported.GetPointer("path.probe")));
    }

    [Fact]
    public void Both_paths_return_the_documented_value_and_record_the_same_error()
    {
        using Capsule exported = Throwers.FailDoubleCapsule;
        using Capsule nativeOnly = NativeOnly(exported);
        CapsuleBoundary.ClearLastError();

        double fast = new IFailingDouble.Binding(exported).FailDouble(4);
        CapsuleBoundaryError fastError = CapsuleBoundary.TakeLastError()!;
        double native = new IFailingDouble.Binding(nativeOnly).FailDouble(4);
        CapsuleBoundaryError nativeError = CapsuleBoundary.TakeLastError()!;

        Assert.True(double.IsNaN(fast));
        Assert.True(double.IsNaN(native));
        Assert.Equal((nativeError.CapsuleName, nativeError.Method, nativeError.Exception.Message), (fastError.CapsuleName, fastError.Method, fastError.Exception.Message));
        Assert.Equal("double failed at 4", fastError.Exception.Message);
    }

    [Theory]
    [InlineData(true, 'Q')]
    [InlineData(false, '\uffff')]
    public void Both_paths_convert_bool_and_char_alike(bool flag, char letter)
    {
        using Capsule exported = Widths.FlipCapsule;
        using Capsule nativeOnly = NativeOnly(exported);

        bool fast = new IWidths.Binding(exported).Flip(flag, letter);
        char fastLetter = Widths.LastLetter;
        bool native = new IWidths.Binding(nativeOnly).Flip(flag, letter);
        char nativeLetter = Widths.LastLetter;

        Assert.Equal(!flag, fast);
        Assert.Equal(!flag, native);
        Assert.Equal(letter, fastLetter);
        Assert.Equal(letter, nativeLetter);
    }

    [Fact]
    public async Task Under_the_FailFast_policy_the_fast_path_ends_the_process_as_the_native_one_does()
    {
        (int exitCode, string output, string error) = await SampleProcess.RunAsync("FailFastProbe", "binding");

        Assert.NotEqual(0, exitCode);
        Assert.Equal("calling\n", output);
        Assert.Contains("Probe.Explode, exported as capsule \"probe.failfast\", threw System.InvalidOperationException into native code, and its exception policy is FailFast.", error, StringComparison.Ordinal);
    }

    /// <summary>The same trampoline in a capsule of its own, as C code would hand it out: no managed entry.</summary>
    private static Capsule NativeOnly(Capsule exported) =>
        new(exported.GetPointer(exported.Name), exported.Name, signature: exported.Signature);
}

/// <summary>Reports whether it was reached through its native trampoline.</summary>
public static partial class PathProbe
{
    [ExportCapsule("path.probe")]
    public static int ReachedNatively() =>
        new StackTrace().GetFrames().Any(frame => frame.GetMethod()?.Name.EndsWith("Trampoline", StringComparison.Ordinal) == true) ? 1 : 0;
}

[ImportCapsule("path.probe")]
public partial interface IPathProbe
{
    int ReachedNatively();
}

/// <summary>A bool and a char in, a bool out: what the callee sees must not depend on the path.</summary>
public static partial class Widths
{
    [ThreadStatic]
    public static char LastLetter;

    [ExportCapsule("widths.flip")]
    [return: MarshalAs(UnmanagedType.U1)]
    public static bool Flip([MarshalAs(UnmanagedType.I4)] bool flag, [MarshalAs(UnmanagedType.U2)] char letter)
    {
        LastLetter = letter;
        return !flag;
    }
}

[ImportCapsule("widths.flip")]
public partial interface IWidths
{
    [return: MarshalAs(UnmanagedType.U1)]
    bool Flip([MarshalAs(UnmanagedType.I4)] bool flag, [MarshalAs(UnmanagedType.U2)] char letter);
}
