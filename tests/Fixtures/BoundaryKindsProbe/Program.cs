using System.Runtime.InteropServices;
using BoundaryKinds;
using CapsuleGen;

// For every kind: C calls the C# export (native/kinds.c checks the result), then a generated
// binding calls the same function written in C and the C# export itself, checking the values.
// A line "<kind> ..." is printed before each call, so if the runtime refused a kind and the
// process died, the last line names it.
nint library = NativeLibrary.Load(Path.Combine(AppContext.BaseDirectory, "libboundarykinds.so"));
int failures = 0;
foreach (Kind kind in Kinds.All)
{
    Console.Out.Write(kind.Name + " ...");
    Console.Out.Flush();
    string name = kind.Name.Replace('-', '_');
    var native = new Capsule(NativeLibrary.GetExport(library, "kinds_impl_" + name), kind.Export.Name);
    var results = new[]
    {
        ("C calls C#", CallFromC(library, name, kind.Export)),
        ("C# calls C", kind.CallsThroughBinding(native)),
        ("C# calls C#", kind.CallsThroughBinding(kind.Export)),
    };
    string[] failed = results.Where(result => !result.Item2).Select(result => result.Item1).ToArray();
    failures += failed.Length;
    Console.Out.WriteLine(failed.Length == 0 ? " ok" : " wrong: " + string.Join(", ", failed));
}

// The layouts the capsules describe, which native/kinds.c asserts with sizeof and offsetof.
foreach (string layout in Kinds.All.SelectMany(kind => kind.Export.Signature!.StructLayouts).Distinct().Order(StringComparer.Ordinal))
{
    Console.Out.WriteLine("layout " + layout);
}

Console.Out.WriteLine($"{Kinds.All.Length} kinds, {failures} wrong");
return failures == 0 ? 0 : 1;

static unsafe bool CallFromC(nint library, string name, Capsule export) =>
    ((delegate* unmanaged[Cdecl]<nint, int>)NativeLibrary.GetExport(library, "kinds_call_" + name))(export.GetPointer(export.Name)) == 1;
