using System.Numerics;
using System.Runtime.InteropServices;
using CapsuleGen.DLPack;
using CapsuleGen.Python;

namespace Fixtures;

/// <summary>Arrays in and out of a C# module, for the tests that drive it from NumPy and torch.</summary>
[PythonModule("ArrayProbe")]
public static unsafe partial class ArrayProbe
{
    private static long s_released;
    private static long s_made;
    private static readonly double[] s_shared = new double[4];

    [PythonFunction("sum")]
    public static double Sum(ReadOnlySpan<double> values)
    {
        double total = 0;
        foreach (double value in values)
        {
            total += value;
        }

        return total;
    }

    [PythonFunction("sum_nogil", ReleaseGil = true)]
    public static double SumWithoutGil(ReadOnlySpan<double> values) => Sum(values);

    [PythonFunction("total")]
    public static double Total(ReadOnlySpan<double> values = default) => values.Length == 0 ? -1 : Sum(values);

    [PythonFunction("scale")]
    public static void Scale(Span<double> values, double factor)
    {
        foreach (ref double value in values)
        {
            value *= factor;
        }
    }

    [PythonFunction("length_f32")]
    public static int LengthOfFloats(ReadOnlySpan<float> values) => values.Length;

    [PythonFunction("sum_i8")] public static long SumInt8(ReadOnlySpan<sbyte> values) { long t = 0; foreach (var v in values) t += v; return t; }
    /// <summary>Sums bytes without the GIL, slowly enough for another thread to try resizing the buffer meanwhile.</summary>
    [PythonFunction("sum_u8_nogil", ReleaseGil = true)]
    public static long SumUInt8WithoutGil(ReadOnlySpan<byte> values, int milliseconds)
    {
        Thread.Sleep(milliseconds);
        long t = 0;
        foreach (var v in values) t += v;
        return t;
    }

    [PythonFunction("sum_u8")] public static long SumUInt8(ReadOnlySpan<byte> values) { long t = 0; foreach (var v in values) t += v; return t; }
    [PythonFunction("sum_i16")] public static long SumInt16(ReadOnlySpan<short> values) { long t = 0; foreach (var v in values) t += v; return t; }
    [PythonFunction("sum_u16")] public static long SumUInt16(ReadOnlySpan<ushort> values) { long t = 0; foreach (var v in values) t += v; return t; }
    [PythonFunction("sum_i32")] public static long SumInt32(ReadOnlySpan<int> values) { long t = 0; foreach (var v in values) t += v; return t; }
    [PythonFunction("sum_u32")] public static long SumUInt32(ReadOnlySpan<uint> values) { long t = 0; foreach (var v in values) t += v; return t; }
    [PythonFunction("sum_i64")] public static long SumInt64(ReadOnlySpan<long> values) { long t = 0; foreach (var v in values) t += v; return t; }
    [PythonFunction("sum_u64")] public static ulong SumUInt64(ReadOnlySpan<ulong> values) { ulong t = 0; foreach (var v in values) t += v; return t; }
    [PythonFunction("sum_f16")] public static double SumHalf(ReadOnlySpan<Half> values) { double t = 0; foreach (var v in values) t += (double)v; return t; }
    [PythonFunction("sum_f32")] public static double SumSingle(ReadOnlySpan<float> values) { double t = 0; foreach (var v in values) t += v; return t; }
    [PythonFunction("count_true")] public static int CountTrue(ReadOnlySpan<bool> values) { int t = 0; foreach (var v in values) t += v ? 1 : 0; return t; }
    [PythonFunction("real_sum_c128")] public static double RealSum(ReadOnlySpan<Complex> values) { double t = 0; foreach (var v in values) t += v.Real + (10 * v.Imaginary); return t; }

    /// <summary>Zeroes the bytes: a writable span of bytes, which <c>bytearray</c> gives and <c>bytes</c> does not.</summary>
    [PythonFunction("clear_u8")]
    public static void ClearBytes(Span<byte> values) => values.Clear();

    [PythonFunction("negate_i64")]
    public static void NegateInt64(Span<long> values)
    {
        foreach (ref long value in values)
        {
            value = -value;
        }
    }

    /// <summary>The shape and element strides, then the elements in row-major order, as text.</summary>
    [PythonFunction("describe")]
    public static string Describe(ReadOnlyStridedSpan<double> view) =>
        $"{string.Join(",", view.Lengths.ToArray())}|{string.Join(",", view.ByteStrides.ToArray())}|{string.Join(",", view.ToArray())}";

    [PythonFunction("trace")]
    public static double Trace(ReadOnlyStridedSpan<double> matrix)
    {
        double total = 0;
        for (nint i = 0; i < Math.Min(matrix.Lengths[0], matrix.Lengths[1]); i++)
        {
            total += matrix[i, i];
        }

        return total;
    }

    /// <summary>Adds the index in row-major order to each element, through the view's strides.</summary>
    [PythonFunction("add_index")]
    public static void AddIndex(StridedSpan<double> view)
    {
        Span<nint> index = stackalloc nint[view.Rank];
        for (nint n = 0; n < view.ElementCount; n++)
        {
            view[index] += n;
            for (int d = view.Rank - 1; d >= 0 && ++index[d] == view.Lengths[d]; d--)
            {
                index[d] = 0;
            }
        }
    }

    [PythonFunction("arange")]
    public static DLPackTensor Arange(int count)
    {
        var values = new double[count];
        for (int i = 0; i < count; i++)
        {
            values[i] = i;
        }

        return DLPackTensor.FromArray(values);
    }

    [PythonFunction("matrix")]
    public static DLPackTensor Matrix(int rows, int columns)
    {
        var values = new float[rows * columns];
        for (int i = 0; i < values.Length; i++)
        {
            values[i] = i;
        }

        return DLPackTensor.FromArray(values, rows, columns);
    }

    /// <summary>A tensor over this module's own array: what Python writes into it, <see cref="SharedAt"/> reads.</summary>
    [PythonFunction("shared")]
    public static DLPackTensor Shared() => DLPackTensor.FromArray(s_shared);

    [PythonFunction("shared_at")]
    public static double SharedAt(int index) => s_shared[index];

    [PythonFunction("shared_set")]
    public static void SharedSet(int index, double value) => s_shared[index] = value;

    /// <summary>Native memory whose owner counts how often it is given back: <see cref="Released"/>.</summary>
    [PythonFunction("tracked")]
    public static DLPackTensor Tracked(int count)
    {
        var memory = (long*)NativeMemory.AllocZeroed((nuint)(Math.Max(count, 1) * sizeof(long)));
        for (int i = 0; i < count; i++)
        {
            memory[i] = i * 10;
        }

        Interlocked.Increment(ref s_made);
        return DLPackTensor.FromPointer(memory, DLDataType.Of<long>()!.Value, [count], default, new NativeOwner(memory));
    }

    [PythonFunction("released")]
    public static long Released() => Interlocked.Read(ref s_released);

    [PythonFunction("made")]
    public static long Made() => Interlocked.Read(ref s_made);

    [PythonFunction("read_only")]
    public static DLPackTensor ReadOnly() => DLPackTensor.FromMemory((ReadOnlyMemory<int>)new[] { 1, 2, 3 });

    [PythonFunction("disposed")]
    public static DLPackTensor Disposed()
    {
        DLPackTensor tensor = DLPackTensor.FromArray(new double[1]);
        tensor.Dispose();
        return tensor;
    }

    [PythonFunction("nothing")]
    public static DLPackTensor? Nothing() => null;

    [PythonFunction("scalar")]
    public static DLPackTensor Scalar(double value) => DLPackTensor.FromArray(new[] { value }, []);

    private sealed class NativeOwner(long* memory) : IDisposable
    {
        private long* _memory = memory;

        public void Dispose()
        {
            long* memory = _memory;
            _memory = null;
            if (memory != null)
            {
                NativeMemory.Free(memory);
                Interlocked.Increment(ref s_released);
            }
        }
    }
}
