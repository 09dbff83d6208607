using System.Runtime.InteropServices;

namespace CapsuleGen.Integration.Tests;

/// <summary>
/// A C# table exported as a C struct, which native/spam_struct.c declares field for field in the same
/// order: every width of value and padding C inserts (after <c>Major</c>, <c>Ratio</c>, <c>Enabled</c>,
/// and at the end), constants, a value read once, and functions.
/// </summary>
[ExportCapsule(CapsuleName, Layout = CapsuleLayout.CStruct)]
public static unsafe partial class ManagedSpamStruct
{
    public const string CapsuleName = "spam._C_STRUCT_API";

    [CapsuleField]
    public const string Magic = "spam struct 1.0";

    [CapsuleField(StructSize = true)]
    public const int Size = 80;

    [CapsuleField]
    public const byte Major = 1;

    [CapsuleField]
    public const short Minor = -2;

    [CapsuleField]
    public const double Scale = 0.5;

    [CapsuleField]
    private static double Add(double a, double b) => a + b;

    [CapsuleField]
    public const float Ratio = 0.25f;

    [CapsuleField]
    private static long Sum(long* values, nint count)
    {
        long total = 0;
        for (nint i = 0; i < count; i++)
        {
            total += values[i];
        }

        return total;
    }

    [CapsuleField]
    public static readonly long Epoch = 1_700_000_000_000;

    [CapsuleField]
    public const bool Enabled = true;

    [CapsuleField]
    private static int Apply(delegate* unmanaged[Cdecl]<int, int> function, int x) => function(x);

    [CapsuleField]
    public const ushort Tail = 7;
}

/// <summary>The C side of native/spam_struct.c.</summary>
internal static unsafe partial class NativeSpamStruct
{
    [LibraryImport("capsuletests", EntryPoint = "spam_struct_layout")]
    public static partial int Layout(long* values, int count);

    [LibraryImport("capsuletests", EntryPoint = "spam_struct_use")]
    public static partial int Use(nint api, byte* text, int capacity);
}
