namespace CapsuleGen.PythonModules.Tests.Arrays;

/// <summary>
/// Buffers from exporters that bend the buffer protocol, and buffers changed under a call: each read
/// whole and right, or its change refused, never a wrong result or a crash.
/// </summary>
public sealed class ArrayHostileTests
{
    [Fact]
    public async Task Ctypes_arrays_which_export_no_strides_are_read_whole()
    {
        // ctypes gives a shape but leaves the strides out even when they are asked for: the buffer is
        // C-contiguous, and reading it as a zero-dimensional one saw only its first element.
        string output = await PythonProcess.RunScriptAsync(
            """
            import ctypes, ArrayProbe as A
            doubles = (ctypes.c_double * 3)(1, 2, 3)
            print(A.sum(doubles), A.sum_i64((ctypes.c_int64 * 3)(1, 2, 3)), A.count_true((ctypes.c_bool * 3)(1, 0, 1)))
            grid = ((ctypes.c_double * 3) * 2)((1, 2, 3), (4, 5, 6))
            print(A.sum(grid), A.describe(grid))
            A.scale(doubles, 2.0)
            print(list(doubles))
            """);

        Assert.Equal("6.0 6 2\n21.0 2,3|24,8|1,2,3,4,5,6\n[2.0, 4.0, 6.0]\n", output);
    }

    [Fact]
    public async Task A_bytearray_cannot_be_resized_while_a_call_without_the_GIL_reads_it()
    {
        string output = await PythonProcess.RunScriptAsync(
            """
            import threading, time, ArrayProbe as A
            data = bytearray(b'\x01' * 1000)
            results = []
            worker = threading.Thread(target=lambda: results.append(A.sum_u8_nogil(data, 500)))
            worker.start()
            # Until the call holds the buffer, a resize goes through (a zero byte, undone, so the sum stays):
            # polled rather than slept, so a slow start on a loaded machine changes nothing.
            deadline = time.monotonic() + 30
            while time.monotonic() < deadline:
                try:
                    data.extend(b'\x00'); del data[-1:]
                except BufferError as error:
                    print(f'BufferError: {error}'); break
                time.sleep(0.002)
            worker.join()
            data.extend(b'\x01')
            print(results, data.count(1))
            """);

        Assert.Equal("BufferError: Existing exports of data: object cannot be re-sized\n[1000] 1001\n", output);
    }
}
