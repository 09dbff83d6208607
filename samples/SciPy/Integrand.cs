using CapsuleGen;

namespace Samples.SciPy;

/// <summary>
/// The sample's functions in C#. Each capsule is named by its C signature, as SciPy's
/// <c>LowLevelCallable</c> requires: <c>double (double)</c> for <c>quad</c>,
/// <c>int (double *, intptr_t, double *, void *)</c> for <c>ndimage.generic_filter</c>.
/// </summary>
public static unsafe partial class Integrand
{
    /// <summary>4 / (1 + x²), whose integral from 0 to 1 is π.</summary>
    [ExportCapsule]
    public static double QuarterCircle(double x) => 4.0 / (1.0 + (x * x));

    /// <summary>cos(100 x) e^(-x/10): on [0, 100] quad needs tens of thousands of evaluations.</summary>
    [ExportCapsule]
    public static double DampedCosine(double x) => Math.Cos(100.0 * x) * Math.Exp(-x / 10.0);
}

/// <summary>A 3×3 mean filter for <c>scipy.ndimage.generic_filter</c>: SciPy calls it once per pixel.</summary>
public static unsafe partial class Filter
{
    /// <summary>Writes the mean of the <paramref name="size"/> values around a pixel; returns 1 for success.</summary>
    [ExportCapsule]
    public static int MeanFilter(double* buffer, nint size, double* result, void* userData)
    {
        double sum = 0.0;
        for (nint i = 0; i < size; i++)
        {
            sum += buffer[i];
        }

        *result = sum / size;
        return 1;
    }
}
