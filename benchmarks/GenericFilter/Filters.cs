using CapsuleGen;
using CapsuleGen.Python;

namespace Benchmarks.GenericFilter;

/// <summary>Filter callbacks for scipy.ndimage.generic_filter, written in C#.</summary>
[PythonModule("Filters")]
public static unsafe partial class Filters
{
    /// <summary>The mean of the footprint: generic_filter's <c>int (double *, intptr_t, double *, void *)</c> callback.</summary>
    [ExportCapsule]
    private static int Mean(double* buffer, nint size, double* result, void* userData)
    {
        double sum = 0;
        for (nint i = 0; i < size; i++)
        {
            sum += buffer[i];
        }

        *result = sum / size;
        return 1;
    }

    /// <summary>The mean callback, in a capsule named by its C signature, for scipy.LowLevelCallable.</summary>
    [PythonFunction("mean")]
    public static Capsule MeanCallable() => MeanCapsule;
}
