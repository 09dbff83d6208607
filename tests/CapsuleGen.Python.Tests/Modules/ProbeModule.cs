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

    // Binding probes: each returns its arguments as Python's str() shows them, joined by commas, so that
    // a call can be compared with the same call of the equivalent def (KeywordArgumentTests).

    /// <summary>def kinds(a, /, b, c=3, *, d=4, e=5)</summary>
    [PythonFunction] public static string kinds([PositionalOnly] int a, int b, int c = 3, [KeywordOnly] int d = 4, int e = 5) => Show(a, b, c, d, e);

    /// <summary>def posonly_pair(a, b, /)</summary>
    [PythonFunction] public static string posonly_pair(int a, [PositionalOnly] int b) => Show(a, b);

    /// <summary>def posonly_defaults(a, b=2, /, c=3)</summary>
    [PythonFunction] public static string posonly_defaults(int a, [PositionalOnly] int b = 2, int c = 3) => Show(a, b, c);

    /// <summary>def kwonly_all(*, a, b=2)</summary>
    [PythonFunction] public static string kwonly_all([KeywordOnly] int a, int b = 2) => Show(a, b);

    /// <summary>def kwonly_required(a, b, *, c, d)</summary>
    [PythonFunction] public static string kwonly_required(int a, int b, [KeywordOnly] int c, int d) => Show(a, b, c, d);

    /// <summary>def adjacent(a, /, *, b)</summary>
    [PythonFunction] public static string adjacent([PositionalOnly] int a, [KeywordOnly] int b) => Show(a, b);

    /// <summary>def optional(a=1, b=2, *, c=3)</summary>
    [PythonFunction] public static string optional(int a = 1, int b = 2, [KeywordOnly] int c = 3) => Show(a, b, c);

    /// <summary>def texts(s='x', *, flag=False)</summary>
    [PythonFunction] public static string texts(string s = "x", [KeywordOnly] bool flag = false) => Show(s, flag);

    /// <summary>Parameters named like every local and parameter of the generated wrapper.</summary>
    [PythonFunction]
    public static string wrapper_locals(long args, long count, long keywords, long given, [KeywordOnly] long arguments = 5, long module = 6, long exception = 7, long unused = 8, long result = 9, long released = 10) =>
        Show(args, count, keywords, given, arguments, module, exception, unused, result, released);

    /// <summary>Without the GIL, with parameters named like the locals that releasing it takes, one of them like the function.</summary>
    [PythonFunction(ReleaseGil = true)]
    public static string released([PositionalOnly] long released, long result, [KeywordOnly] long given = 3, string arguments = "x") => Show(released, result, given, arguments);

    /// <summary>Parameters Python cannot spell, whose Python names would collide with other parameters' names.</summary>
    [PythonFunction] public static string renamed(int lambda, int lambda_, int α, int arg3 = 0, [KeywordOnly] int β = 0, int @class = 0) => Show(lambda, lambda_, α, arg3, β, @class);

    /// <summary>Forty parameters: twenty required, ten with defaults, ten keyword-only.</summary>
    [PythonFunction]
    public static string many(
        int p1, int p2, int p3, int p4, int p5, int p6, int p7, int p8, int p9, int p10, int p11, int p12, int p13, int p14, int p15, int p16, int p17, int p18, int p19, int p20,
        int p21 = 21, int p22 = 22, int p23 = 23, int p24 = 24, int p25 = 25, int p26 = 26, int p27 = 27, int p28 = 28, int p29 = 29, int p30 = 30,
        [KeywordOnly] int p31 = 31, int p32 = 32, int p33 = 33, int p34 = 34, int p35 = 35, int p36 = 36, int p37 = 37, int p38 = 38, int p39 = 39, int p40 = 40) =>
        Show(p1, p2, p3, p4, p5, p6, p7, p8, p9, p10, p11, p12, p13, p14, p15, p16, p17, p18, p19, p20, p21, p22, p23, p24, p25, p26, p27, p28, p29, p30, p31, p32, p33, p34, p35, p36, p37, p38, p39, p40);

    /// <summary>Objects and a capsule passed by keyword: <paramref name="second"/> if given, else <paramref name="first"/>.</summary>
    [PythonFunction]
    public static PyObject objects(PyObject first, [KeywordOnly] PyObject? second = null, Capsule? capsule = null) => capsule is not null && capsule.Name is null ? first : second ?? first;

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

    /// <summary>The values as Python's <c>str()</c> shows them, joined by commas.</summary>
    private static string Show(params object[] values) =>
        string.Join(",", values.Select(value => value is bool flag ? (flag ? "True" : "False") : Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture)));

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
