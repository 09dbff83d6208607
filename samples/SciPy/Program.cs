using System.Globalization;
using CapsuleGen;
using CapsuleGen.Python;
using Samples.SciPy;

// Hands C# functions to SciPy through capsules and measures them, in this one process, against the
// same functions written in Python and in C (compiled by the build, wrapped with PyCapsule_New):
// quad over an integrand that needs tens of thousands of evaluations, and generic_filter, which
// calls its function once per pixel. "--quick" measures less, to check the output fast.
bool quick = args.Contains("--quick");

try
{
    CPython.Initialize();
    CPython.Import("scipy.ndimage").Dispose();
}
catch (Exception error) when (error is PythonNotFoundException or PythonException)
{
    Console.Error.WriteLine($"This sample needs CPython with NumPy and SciPy: {error.Message}");
    Console.Error.WriteLine("On Debian: apt-get install -y python3-scipy python3-numpy libpython3.11, then CAPSULEGEN_PYTHON=/usr/bin/python3 dotnet run --project samples/SciPy");
    return 1;
}

Console.WriteLine($"CPython: {CPython.LibraryPath} (found by {CPython.FoundBy})");

using PyObject scope = CPython.NewScope();
using (Capsule quarterCircle = Integrand.QuarterCircleCapsule)
using (Capsule dampedCosine = Integrand.DampedCosineCapsule)
using (Capsule meanFilter = Filter.MeanFilterCapsule)
{
    Console.WriteLine($"Capsules: {quarterCircle}, {dampedCosine}, {meanFilter}");
    scope.SetItem("quarter_circle", quarterCircle);
    scope.SetItem("damped_cosine", dampedCosine);
    scope.SetItem("mean_filter", meanFilter);
}

scope.SetItem("c_library", Path.Combine(AppContext.BaseDirectory, "libscipysample.so"));
scope.SetItem("quick", quick);
CPython.Run(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "compare.py")), scope);

double Get(string expression)
{
    using PyObject value = CPython.Eval(expression, scope);
    return value.ToDouble();
}

string Text(FormattableString text) => string.Create(CultureInfo.InvariantCulture, $"{text}");

double integral = Get("pi_value");
Console.WriteLine(Text($"quad(4 / (1 + x²), 0, 1) = {integral:R}"));
Console.WriteLine(Text($"|result - π| = {Math.Abs(integral - Math.PI):E2} (quad's error estimate {Get("pi_error"):E2}, {Get("pi_evaluations")} evaluations)"));
Console.WriteLine();

Console.WriteLine(Text($"quad(cos(100 x) e^(-x/10), 0, 100, limit=5000): {Get("quad_evaluations")} evaluations per integral, best of {(quick ? 3 : 7)} interleaved rounds"));
PrintTimes("quad_seconds", "quad_equal", "integral");
Console.WriteLine();

int side = (int)Get("side");
Console.WriteLine(Text($"generic_filter, a 3x3 mean over a {side}x{side} image ({side * side:N0} calls per filter), best of {(quick ? 2 : 3)} interleaved rounds"));
PrintTimes("filter_seconds", "filters_equal", "filtered image");
return 0;

void PrintTimes(string seconds, string equal, string what)
{
    double python = Get($"{seconds}['Python']");
    double csharp = Get($"{seconds}['C#']");
    double c = Get($"{seconds}['C']");
    Console.WriteLine(Text($"  Python function: {python * 1e3,9:F2} ms"));
    Console.WriteLine(Text($"  C# capsule:      {csharp * 1e3,9:F2} ms"));
    Console.WriteLine(Text($"  C capsule:       {c * 1e3,9:F2} ms"));
    using PyObject same = CPython.Eval(equal, scope);
    Console.WriteLine(Text($"  The three give the same {what}: {same.ToClr()}"));
    Console.WriteLine(Text($"  C# is {python / csharp:F1}x faster than Python and takes {csharp / c:F2}x the time of C."));
}
