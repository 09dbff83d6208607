namespace CapsuleGen.PythonModules.Tests.Arrays;

/// <summary>
/// The ArrayProbe fixture in a real python3: arrays of every kind a module function can take as a
/// span or a strided view, read and written in place without a copy. Each script runs in a child process.
/// </summary>
public sealed class ArrayArgumentTests
{
    [Fact]
    public async Task Every_NumPy_integer_float_bool_and_complex_dtype_reaches_the_span_of_its_element_type()
    {
        await Needs.NumPyAsync();
        string output = await PythonProcess.RunScriptAsync(
            """
            import numpy as np, ArrayProbe as A
            for name, dtype in [('i8', np.int8), ('u8', np.uint8), ('i16', np.int16), ('u16', np.uint16),
                                ('i32', np.int32), ('u32', np.uint32), ('i64', np.int64)]:
                info = np.iinfo(dtype)
                print(name, getattr(A, 'sum_' + name)(np.array([info.min, info.max, 7], dtype)))
            print('u64', A.sum_u64(np.array([2**64 - 1, 0], np.uint64)))
            print('longlong', A.sum_i64(np.array([1, -3], np.longlong)), A.sum_u64(np.array([1, 3], np.ulonglong)))
            print('f16', A.sum_f16(np.array([0.5, 1.5, 65504], np.float16)))
            print('f32', A.sum_f32(np.array([0.25, 0.5, 16777216], np.float32)), A.length_f32(np.zeros(7, np.float32)))
            print('f64', A.sum(np.array([0.1, 0.2])))
            print('bool', A.count_true(np.array([True, False, True, True])))
            print('c128', A.real_sum_c128(np.array([1 + 2j, 3 - 4j])))
            """);

        Assert.Equal(
            "i8 6\nu8 262\ni16 6\nu16 65542\ni32 6\nu32 4294967302\ni64 6\nu64 18446744073709551615\nlonglong -2 4\n" +
            "f16 65506.0\nf32 16777216.75 7\nf64 0.30000000000000004\nbool 3\nc128 -16.0\n",
            output);
    }

    [Fact]
    public async Task Bytes_bytearray_memoryview_and_array_array_are_read_and_written_without_NumPy()
    {
        string output = await PythonProcess.RunScriptAsync(
            """
            import array, struct, ArrayProbe as A
            print(A.sum_u8(b'\x01\x02\xff'), A.sum_u8(bytearray(b'\x05\x06')), A.sum_u8(memoryview(b'\x07\x08')), A.sum_u8(b''))
            print(A.sum_i32(array.array('i', [1, -2, 30])), A.sum(array.array('d', [1.5, 2.25])))
            print(A.sum(memoryview(struct.pack('2d', 0.5, 2.0)).cast('d')), A.describe(memoryview(array.array('d', [1.0, 2.0, 4.0]))[::2]))
            data = array.array('d', [1.0, 2.0]); A.scale(data, 4.0); print(data.tolist())
            buffer = bytearray(b'abc'); A.clear_u8(memoryview(buffer)[1:]); print(buffer)
            A.clear_u8(buffer); print(buffer)
            """);

        Assert.Equal("258 11 15 0\n29 3.75\n2.5 2|16|1,4\n[4.0, 8.0]\nbytearray(b'a\\x00\\x00')\nbytearray(b'\\x00\\x00\\x00')\n", output);
    }

    [Fact]
    public async Task Zero_dimensional_and_empty_arrays_are_one_element_and_no_elements()
    {
        await Needs.NumPyAsync();
        string output = await PythonProcess.RunScriptAsync(
            """
            import numpy as np, ArrayProbe as A
            print(A.sum(np.float64(3.5)), A.sum(np.array(2.0)), repr(A.describe(np.float64(3.5))), repr(A.describe(np.array(2.0))))
            print(A.sum(np.zeros(0)), A.sum(np.zeros((3, 0))), repr(A.describe(np.zeros(0))), A.length_f32(np.zeros((0, 4), np.float32)))
            a = np.array(5.0); A.scale(a, 3.0); A.add_index(a); print(a)
            print(A.scale(np.zeros(0), 2.0), A.total(np.zeros(0)), A.total(None), A.total(), A.total(values=np.ones(2)))
            """);

        Assert.Equal("3.5 2.0 '||3.5' '||2'\n0.0 0.0 '0|8|' 0\n15.0\nNone -1.0 -1.0 -1.0 2.0\n", output);
    }

    [Fact]
    public async Task A_C_contiguous_2D_array_is_one_span_in_row_major_order()
    {
        await Needs.NumPyAsync();
        string output = await PythonProcess.RunScriptAsync(
            """
            import numpy as np, ArrayProbe as A
            m = np.arange(6.0).reshape(2, 3)
            print(A.sum(m), A.length_f32(np.zeros((3, 4), np.float32)))
            A.scale(m, 10.0); print(m.tolist())
            row = np.arange(12.0).reshape(3, 4)[1:2, :]  # shape (1, 4), strides (32, 8): contiguous all the same
            print(row.strides, A.sum(row))
            a = np.arange(8.0); A.scale(a[2:5], -1.0); print(a.tolist())
            """);

        Assert.Equal(
            "15.0 12\n[[0.0, 10.0, 20.0], [30.0, 40.0, 50.0]]\n(32, 8) 22.0\n[0.0, 1.0, -2.0, -3.0, -4.0, 5.0, 6.0, 7.0]\n",
            output);
    }

    [Fact]
    public async Task Strided_views_read_transposed_negative_and_broadcast_arrays_through_their_own_strides()
    {
        await Needs.NumPyAsync();
        string output = await PythonProcess.RunScriptAsync(
            """
            import numpy as np, ArrayProbe as A
            print(A.describe(np.arange(6.0).reshape(2, 3).T))
            print(A.describe(np.arange(6.0)[::-2]))
            print(A.describe(np.arange(12.0).reshape(3, 4)[::-1, 1::2]))
            print(A.describe(np.broadcast_to(np.arange(2.0), (2, 2))))
            print(A.trace(np.arange(9.0).reshape(3, 3).T), A.trace(np.arange(9.0).reshape(3, 3)[::-1]), A.trace(np.arange(12.0).reshape(3, 4)[:, ::-2]))
            """);

        Assert.Equal("3,2|8,24|0,3,1,4,2,5\n3|-16|5,3,1\n3,2|-32,16|9,11,5,7,1,3\n2,2|0,8|0,1,0,1\n12.0 12.0 8.0\n", output);
    }

    [Fact]
    public async Task A_writable_strided_view_writes_in_place_through_negative_and_transposed_strides()
    {
        await Needs.NumPyAsync();
        string output = await PythonProcess.RunScriptAsync(
            """
            import numpy as np, ArrayProbe as A
            a = np.zeros(6); A.add_index(a[::-2]); print(a.tolist())
            m = np.zeros((2, 3)); A.add_index(m.T); print(m.tolist())
            m = np.zeros((2, 3)); A.add_index(m[::-1, ::-1]); print(m.tolist())
            """);

        Assert.Equal(
            "[0.0, 2.0, 0.0, 1.0, 0.0, 0.0]\n[[0.0, 2.0, 4.0], [1.0, 3.0, 5.0]]\n[[5.0, 4.0, 3.0], [2.0, 1.0, 0.0]]\n",
            output);
    }

    [Fact]
    public async Task Torch_tensors_are_read_and_written_in_place_through_DLPack()
    {
        await Needs.TorchAsync();
        string output = await PythonProcess.RunScriptAsync(
            """
            import torch, ArrayProbe as A
            t = torch.arange(4, dtype=torch.float64); A.scale(t, 3.0); print(t.tolist())
            t = torch.arange(8, dtype=torch.float64); A.scale(t[2:5], -1.0); print(t.tolist())
            i = torch.arange(3); A.negate_i64(i); print(i.tolist())
            print(A.describe(torch.arange(6, dtype=torch.float64).reshape(2, 3).t()))
            m = torch.zeros(2, 3, dtype=torch.float64); A.add_index(m.t()); print(m.tolist())
            print(A.sum_f16(torch.tensor([0.5, 1.5], dtype=torch.float16)), A.sum_u8(torch.tensor([1, 255], dtype=torch.uint8)),
                  A.real_sum_c128(torch.tensor([1 + 2j], dtype=torch.complex128)), A.sum(torch.zeros(0, dtype=torch.float64)),
                  A.describe(torch.tensor(2.5, dtype=torch.float64)))
            """);

        Assert.Equal(
            "[0.0, 3.0, 6.0, 9.0]\n[0.0, 1.0, -2.0, -3.0, -4.0, 5.0, 6.0, 7.0]\n[0, -1, -2]\n3,2|8,24|0,3,1,4,2,5\n" +
            "[[0.0, 2.0, 4.0], [1.0, 3.0, 5.0]]\n2.0 256 21.0 0.0 ||2.5\n",
            output);
    }

    [Fact]
    public async Task Spans_write_in_place_into_NumPy_arrays()
    {
        await Needs.NumPyAsync();
        string output = await PythonProcess.RunScriptAsync(
            """
            import numpy as np, ArrayProbe as A
            a = np.arange(4.0); print(A.scale(a, 2.5), a.tolist())
            i = np.arange(4); A.negate_i64(i); print(i.tolist())
            """);

        Assert.Equal("None [0.0, 2.5, 5.0, 7.5]\n[0, -1, -2, -3]\n", output);
    }

    [Fact]
    public async Task A_100_MB_array_is_read_and_written_in_place_without_a_copy()
    {
        await Needs.TorchAsync();
        string output = await PythonProcess.RunScriptAsync(
            """
            import resource, numpy as np, torch, ArrayProbe as A
            def peak(): return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss  # KiB
            a = np.ones(13_107_200)  # 100 MiB
            t = torch.from_numpy(a)  # the same memory, taken through DLPack rather than the buffer protocol
            before = peak()
            sums = {A.sum(a) for _ in range(10)}
            sums |= {A.sum_nogil(a), A.sum(t)}
            A.scale(a, 2.0)
            grown = peak() - before
            print(sums, A.sum(a), a[-1], grown < 20_000 or f'{grown} KiB')
            """);

        Assert.Equal("{13107200.0} 26214400.0 2.0 True\n", output);
    }

    [Fact]
    public async Task Eight_Python_threads_call_with_and_without_the_GIL_on_their_own_arrays_and_a_shared_one()
    {
        await Needs.NumPyAsync();
        string output = await PythonProcess.RunScriptAsync(
            """
            import threading, numpy as np, ArrayProbe as A
            shared = np.arange(1000.0); expected = shared.sum(); wrong = []
            def work(k):
                mine = np.full(100, float(k))
                for i in range(2000):
                    if A.sum_nogil(mine) != (100.0 * k if i % 2 == 0 else -100.0 * k): wrong.append((k, i, 'own'))
                    A.scale(mine, -1.0)
                    if A.sum(shared) != expected: wrong.append((k, i, 'shared'))
            threads = [threading.Thread(target=work, args=(k,)) for k in range(1, 9)]
            for thread in threads: thread.start()
            for thread in threads: thread.join()
            print('wrong:', wrong[:5], 'shared unchanged:', shared.sum() == expected)
            """);

        Assert.Equal("wrong: [] shared unchanged: True\n", output);
    }

    [Fact]
    public async Task A_buffer_is_released_after_the_call_however_the_call_ended()
    {
        await Needs.NumPyAsync();
        string output = await PythonProcess.RunScriptAsync(
            """
            import sys, numpy as np, ArrayProbe as A
            a = np.arange(3.0); ints = np.arange(3, dtype=np.int32); before = sys.getrefcount(a), sys.getrefcount(ints)
            for _ in range(100):
                A.sum(a); A.scale(a, 1.0)
                for call in (lambda: A.sum(ints), lambda: A.trace(a)):
                    try: call()
                    except (TypeError, IndexError): pass
            print('references added:', sys.getrefcount(a) - before[0], sys.getrefcount(ints) - before[1])
            buffer = bytearray(b'abc')
            A.sum_u8(buffer); A.clear_u8(buffer)
            try: A.sum(buffer)
            except TypeError: pass
            buffer.extend(b'd')  # a buffer export still held would make this a BufferError
            print(buffer)
            """);

        Assert.Equal("references added: 0 0\nbytearray(b'\\x00\\x00\\x00d')\n", output);
    }
}

/// <summary>The Python packages the array tests drive the fixture with; missing, a test is skipped (fails under CI).</summary>
internal static class Needs
{
    public static Task NumPyAsync() => Requires.InterpreterModuleAsync("numpy", "python3-numpy");

    /// <summary>torch, and NumPy with it (torch.from_numpy, numpy.from_dlpack beside torch.from_dlpack).</summary>
    public static async Task TorchAsync()
    {
        await NumPyAsync();
        await Requires.InterpreterModuleAsync("torch", "python3-torch");
    }
}
