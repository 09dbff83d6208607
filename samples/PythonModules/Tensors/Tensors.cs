using CapsuleGen.DLPack;
using CapsuleGen.Python;

namespace Samples.PythonModules;

/// <summary>
/// Arrays shared with NumPy and torch without a copy: a span is the caller's own memory for the call,
/// and a returned <see cref="DLPackTensor"/> is .NET memory NumPy and torch read where it lies.
/// </summary>
[PythonModule("Tensors")]
public static partial class Tensors
{
    /// <summary>Fills the array with 0, 1, 2, ... scaled by <paramref name="step"/>, in place.</summary>
    [PythonFunction("fill_range")]
    public static void FillRange(Span<double> values, double step = 1.0)
    {
        for (int i = 0; i < values.Length; i++)
        {
            values[i] = i * step;
        }
    }

    /// <summary>The sum of the array's elements; the GIL is let go while it adds.</summary>
    [PythonFunction("total", ReleaseGil = true)]
    public static double Total(ReadOnlySpan<double> values)
    {
        double total = 0;
        foreach (double value in values)
        {
            total += value;
        }

        return total;
    }

    /// <summary>The diagonal of a matrix of any layout (a transposed or reversed view too), read through its strides.</summary>
    [PythonFunction("trace")]
    public static double Trace(ReadOnlyStridedSpan<double> matrix)
    {
        if (matrix.Rank != 2)
        {
            throw new ArgumentException($"trace() takes a matrix, not an array of {matrix.Rank} dimensions");
        }

        double total = 0;
        for (nint i = 0; i < Math.Min(matrix.Lengths[0], matrix.Lengths[1]); i++)
        {
            total += matrix[i, i];
        }

        return total;
    }

    /// <summary>A new rows × columns float32 matrix in .NET memory: NumPy and torch read it without copying it.</summary>
    [PythonFunction("squares")]
    public static DLPackTensor Squares(int rows, int columns)
    {
        var values = new float[rows * columns];
        for (int i = 0; i < values.Length; i++)
        {
            values[i] = (float)i * i;
        }

        return DLPackTensor.FromArray(values, rows, columns);
    }
}
