using System.Runtime.InteropServices;

namespace CapsuleGen.Integration.Tests;

/// <summary>The C library built with these tests: it calls the function pointers it is given.</summary>
internal static unsafe partial class NativeCallers
{
    private const string Library = "capsuletests";

    [LibraryImport(Library, EntryPoint = "capsule_tests_call_void")]
    public static partial void CallVoid(nint function);

    [LibraryImport(Library, EntryPoint = "capsule_tests_call_int")]
    public static partial int CallInt(nint function, int x);

    [LibraryImport(Library, EntryPoint = "capsule_tests_call_int_of_void")]
    public static partial int CallIntOfVoid(nint function);

    [LibraryImport(Library, EntryPoint = "capsule_tests_call_double")]
    public static partial double CallDouble(nint function, double x);

    [LibraryImport(Library, EntryPoint = "capsule_tests_call_float")]
    public static partial float CallFloat(nint function, float x);

    [LibraryImport(Library, EntryPoint = "capsule_tests_call_pointer")]
    public static partial nint CallPointer(nint function);

    [LibraryImport(Library, EntryPoint = "capsule_tests_get_native_two")]
    public static partial nint GetNativeTwo();
}
