using System.Reflection;
using System.Runtime.InteropServices;
using System.Text;
using CapsuleGen;

// Usage: DifferentialRunner <directory> holding exporter.dll, importer.dll and libcases.so.
// Prints, for function i: "start i" before calling it, then
// "fn i <direct> <binding> <native> <expected> <seen by binding> <seen from C>" (tab-separated);
// and for each case k: "layout k <the capsule's layouts> <the C twins' layouts>".
string directory = args[0];
Assembly exporter = Assembly.LoadFrom(Path.Combine(directory, "exporter.dll"));
Assembly importer = Assembly.LoadFrom(Path.Combine(directory, "importer.dll"));
nint library = NativeLibrary.Load(Path.Combine(directory, "libcases.so"));
Type exports = exporter.GetType("FuzzExports.Entry", throwOnError: true)!;
Type imports = importer.GetType("FuzzImports.Entry", throwOnError: true)!;
var direct = Field<Func<string>[]>(exports, "Direct");
var expected = Field<Func<string>[]>(exports, "Expected");
var seen = Field<Func<string?>[]>(exports, "Seen");
var pointer = Field<Func<nint>[]>(exports, "Pointer");
var capsule = Field<Func<Capsule>[]>(exports, "Capsule");
var binding = Field<Func<Capsule, string>[]>(imports, "Binding");
string[] names = File.ReadAllLines(Path.Combine(directory, "functions.txt"));
var output = Console.Out;

for (int i = 0; i < direct.Length; i++)
{
    output.WriteLine($"start\t{i}");
    output.Flush();
    string directResult = Try(() => direct[i]());
    string bindingResult = Try(() => binding[i](capsule[i]()));
    string seenByBinding = Try(() => seen[i]() ?? "nothing");
    string nativeResult = Try(() => CallFromC(library, names[i], pointer[i]()));
    string seenFromC = Try(() => seen[i]() ?? "nothing");
    output.WriteLine(string.Join('\t', "fn", i, directResult, bindingResult, nativeResult, Try(() => expected[i]()), seenByBinding, seenFromC));
}

foreach (string caseName in names.Select(name => name[..name.LastIndexOf('_')]).Distinct())
{
    int index = Array.FindIndex(names, name => name.StartsWith(caseName + "_", StringComparison.Ordinal));
    string layouts = Try(() => string.Join('\u001f', capsule[index]().Signature!.StructLayouts));
    output.WriteLine(string.Join('\t', "layout", caseName, layouts, Try(() => CLayout(library, caseName))));
}

output.Flush();
return 0;

static T Field<T>(Type type, string name) => (T)type.GetField(name)!.GetValue(null)!;

static string Try(Func<string> action)
{
    try
    {
        return action();
    }
    catch (Exception error)
    {
        Exception inner = error is TargetInvocationException { InnerException: { } cause } ? cause : error;
        return $"EXCEPTION {inner.GetType().Name}: {inner.Message}".Replace('\t', ' ').Replace('\n', ' ').Replace('\r', ' ');
    }
}

static unsafe string CallFromC(nint library, string name, nint function)
{
    byte[] buffer = new byte[1 << 16];
    fixed (byte* output = buffer)
    {
        ((delegate* unmanaged[Cdecl]<nint, byte*, void>)NativeLibrary.GetExport(library, "call_" + name))(function, output);
        return Marshal.PtrToStringUTF8((nint)output)!;
    }
}

static unsafe string CLayout(nint library, string caseName)
{
    byte[] buffer = new byte[1 << 16];
    fixed (byte* output = buffer)
    {
        ((delegate* unmanaged[Cdecl]<byte*, void>)NativeLibrary.GetExport(library, "layout_" + caseName))(output);
        return Encoding.UTF8.GetString(buffer, 0, Array.IndexOf(buffer, (byte)0));
    }
}
