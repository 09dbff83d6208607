using CapsuleGen;
using CapsuleGen.Python;

// The example of CapsuleGen.Python's package readme, as it stands there.
Console.WriteLine($"capsule: \"{Integrand.QuarterCircleCapsule.Name}\"");

using PyObject capsule = PyCapsules.ToPython(Integrand.QuarterCircleCapsule);
using PyObject callable = CPython.Import("scipy").GetAttr("LowLevelCallable").Call(capsule);
using PyObject result = CPython.Import("scipy.integrate").GetAttr("quad").Call(callable, 0, 1);
Console.WriteLine(result);

public static partial class Integrand
{
    [ExportCapsule]
    public static double QuarterCircle(double x) => 4.0 / (1.0 + (x * x));
}
