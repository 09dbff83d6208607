namespace CapsuleGen.Python.Tests.Modules;

/// <summary>What the probe binds: a <c>double (double)</c> function.</summary>
[ImportCapsule]
public partial interface IUnary
{
    /// <summary>Applies the function.</summary>
    double Apply(double x);
}

/// <summary>
/// A Python module compiled into the test assembly and loaded into the embedded interpreter by
/// calling its generated entry point, as CPython calls it from a NativeAOT library: every
/// conversion and error path, under the JIT, in one process.
/// </summary>
#pragma warning disable CAPS0047 // loaded by its entry point, not imported from a file named after it
[PythonModule("Probe")]
#pragma warning restore CAPS0047
public static unsafe partial class ProbeModule
{
    /// <summary>The generated <c>PyInit_Probe</c>.</summary>
    internal static delegate* unmanaged[Cdecl]<nint> EntryPoint => &PyInit_Probe.Create;

    [ExportCapsule("Probe.square")]
    private static double Square(double x) => x * x;

    [ExportCapsule] // named "double (double)": not a module attribute
    private static double Cube(double x) => x * x * x;

    /// <summary>The cube, in a capsule named by its C signature.</summary>
    [PythonFunction] public static Capsule cube() => CubeCapsule;

    /// <summary>Adds two <c>int</c>s.</summary>
    [PythonFunction("add")]
    public static int Add(int a, int b) => checked(a + b);

    [PythonFunction] public static long echo_long(long value) => value;

    [PythonFunction] public static ulong echo_ulong(ulong value) => value;

    [PythonFunction] public static byte echo_byte(byte value) => value;

    [PythonFunction] public static short echo_short(short value) => value;

    [PythonFunction] public static nint echo_nint(nint value) => value;

    [PythonFunction] public static double echo_double(double value) => value;

    [PythonFunction] public static float echo_float(float value) => value;

    [PythonFunction] public static bool echo_bool(bool value) => value;

    [PythonFunction] public static string echo_str(string value) => value;

    [PythonFunction] public static string? maybe_str(string? value) => value;

    /// <summary>A string with a lone surrogate, which .NET strings can hold.</summary>
    [PythonFunction] public static string lone() => "a\ud800b";

    /// <summary>The capsule <paramref name="name"/> from <c>PyCapsule_Import</c>.</summary>
    [PythonFunction] public static Capsule import_capsule(string name) => PyCapsules.Import(name);

    /// <summary>The name of a capsule, as its .NET handle has it.</summary>
    [PythonFunction] public static string? capsule_name(Capsule value) => value.Name;

    [PythonFunction] public static Capsule echo_capsule(Capsule value) => value;

    [PythonFunction] public static Capsule? maybe_capsule(Capsule? value) => value;

    [PythonFunction] public static PyObject echo_object(PyObject value) => value;

    [PythonFunction] public static void nothing() { }

    /// <summary>Scales <paramref name="x"/>.</summary>
    [PythonFunction] public static double scaled(double x, double factor = 2.0, string unit = "m") => unit == "m" ? x * factor : -1;

    /// <summary>Takes each kind of parameter: positional-only, either way, and keyword-only.</summary>
    [PythonFunction] public static double clamp([PositionalOnly] double x, double low = 0.0, [KeywordOnly] double high = 1.0, bool strict = false) =>
        strict && (x < low || x > high) ? throw new ArgumentOutOfRangeException(nameof(x)) : Math.Clamp(x, low, high);

    /// <summary>Takes a keyword-only parameter without a default.</summary>
    [PythonFunction] public static int pair(int a, [KeywordOnly] int b) => (a * 10) + b;

    /// <summary>Takes parameters named like Python keywords.</summary>
    [PythonFunction] public static int keywords(int lambda, int @class, int None, string duck = "🦆", int δ = 0) => lambda + @class + None + duck.Length + δ;

    /// <summary>Its parameter hides it inside the generated wrapper.</summary>
    [PythonFunction] public static long scale(long scale) => 2 * scale;

    /// <summary>Named like a local of the generated wrapper.</summary>
    [PythonFunction] public static long count(long n) => n + 1;

    /// <summary>Binds a <c>double (double)</c> capsule and applies it.</summary>
    [PythonFunction] public static double apply(Capsule function, double x) => new IUnary.Binding(function).Apply(x);

    /// <summary>Throws what <paramref name="kind"/> names.</summary>
    [PythonFunction]
    public static void fail(string kind) => throw kind switch
    {
        "invalid" => new InvalidOperationException("the duck is asleep"),
        "argument" => new ArgumentOutOfRangeException(nameof(kind), "too loud"),
        "divide" => new DivideByZeroException(),
        "key" => new KeyNotFoundException("no such duck"),
        "type-init" => new TypeInitializationException("Pond", new FormatException("bad pond")),
        "python" => PythonError("1 / 0"),
        "python-dotted" => PythonError("__import__('json').loads('{')"),
        "nul" => new InvalidOperationException("before\0after"),
        "not-published" => Thrown(() => CapsuleRegistry.Import("probe.nothing").Dispose()),
        _ => new NotImplementedException(kind),
    };

    /// <summary>The PythonException a failing Python expression raises in .NET.</summary>
    private static Exception PythonError(string expression) => Thrown(() => CPython.Eval(expression).Dispose());

    private static Exception Thrown(Action action)
    {
        try
        {
            action();
            return new InvalidOperationException("nothing was thrown");
        }
        catch (Exception error)
        {
            return error;
        }
    }
}
