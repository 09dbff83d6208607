namespace CapsuleGen.PythonModules.Tests.Arrays;

/// <summary>
/// Tensors a C# module function returns, as <c>capsulegen.DLPackTensor</c>, read by NumPy and torch
/// without a copy: values, memory shared both ways, read-only memory, <c>__dlpack__</c>'s keywords, and
/// .NET memory given back exactly once, and only once every consumer is done with it.
/// </summary>
public sealed class TensorResultTests
{
    [Fact]
    public async Task NumPy_reads_returned_tensors_with_their_values_dtype_and_shape()
    {
        await Needs.NumPyAsync();
        string output = await PythonProcess.RunScriptAsync(
            """
            import numpy as np, ArrayProbe as A
            for make in (lambda: A.arange(5), lambda: A.matrix(2, 3), lambda: A.scalar(2.5), lambda: A.arange(0)):
                for convert in (np.from_dlpack, np.asarray):
                    x = convert(make())
                    print(convert.__name__, x.dtype, x.shape, x.tolist())
            """);

        Assert.Equal(
            "from_dlpack float64 (5,) [0.0, 1.0, 2.0, 3.0, 4.0]\nasarray float64 (5,) [0.0, 1.0, 2.0, 3.0, 4.0]\n" +
            "from_dlpack float32 (2, 3) [[0.0, 1.0, 2.0], [3.0, 4.0, 5.0]]\nasarray float32 (2, 3) [[0.0, 1.0, 2.0], [3.0, 4.0, 5.0]]\n" +
            "from_dlpack float64 () 2.5\nasarray float64 () 2.5\n" +
            "from_dlpack float64 (0,) []\nasarray float64 (0,) []\n",
            output);
    }

    [Fact]
    public async Task Torch_reads_returned_tensors_with_their_values_dtype_and_shape()
    {
        await Needs.TorchAsync();
        string output = await PythonProcess.RunScriptAsync(
            """
            import torch, torch.utils.dlpack, ArrayProbe as A
            for convert in (torch.utils.dlpack.from_dlpack, torch.from_dlpack):
                for make in (lambda: A.arange(5), lambda: A.matrix(2, 3), lambda: A.scalar(2.5)):
                    x = convert(make())
                    print(x.dtype, tuple(x.shape), x.tolist())
            print(torch.utils.dlpack.from_dlpack(A.matrix(2, 3).__dlpack__()).tolist())
            """);

        const string each = "torch.float64 (5,) [0.0, 1.0, 2.0, 3.0, 4.0]\ntorch.float32 (2, 3) [[0.0, 1.0, 2.0], [3.0, 4.0, 5.0]]\ntorch.float64 () 2.5\n";
        Assert.Equal(each + each + "[[0.0, 1.0, 2.0], [3.0, 4.0, 5.0]]\n", output);
    }

    [Fact]
    public async Task A_tensor_over_the_modules_own_array_shares_its_memory_both_ways()
    {
        await Needs.TorchAsync();
        string output = await PythonProcess.RunScriptAsync(
            """
            import numpy as np, torch, ArrayProbe as A
            s = np.asarray(A.shared()); s[1] = 7.0; A.shared_set(2, 9.0)
            print('asarray', s.flags.writeable, A.shared_at(1), s.tolist())
            d = np.from_dlpack(A.shared()); A.shared_set(0, -1.0)
            # NumPy before 2.0 marks every array it takes through legacy DLPack read-only; 2.0 reads the versioned flag.
            print('from_dlpack', d.flags.writeable == (np.lib.NumpyVersion(np.__version__) >= '2.0.0'), d.tolist())
            t = torch.from_dlpack(A.shared()); t[3] = 11.0; A.shared_set(1, 8.0)
            print('torch', A.shared_at(3), t.tolist())
            u = torch.utils.dlpack.from_dlpack(A.shared()); u += 1.0
            m = memoryview(A.shared()); m[0] = 5.0
            print('all', [A.shared_at(i) for i in range(4)], s.tolist(), d.tolist(), t.tolist(), m.readonly)
            """);

        Assert.Equal(
            "asarray True 7.0 [0.0, 7.0, 9.0, 0.0]\n" +
            "from_dlpack True [-1.0, 7.0, 9.0, 0.0]\n" +
            "torch 11.0 [-1.0, 8.0, 9.0, 11.0]\n" +
            "all [5.0, 9.0, 10.0, 12.0] [5.0, 9.0, 10.0, 12.0] [5.0, 9.0, 10.0, 12.0] [5.0, 9.0, 10.0, 12.0] False\n",
            output);
    }

    [Fact]
    public async Task Read_only_memory_stays_read_only_through_the_buffer_protocol_and_the_versioned_flag()
    {
        await Needs.NumPyAsync();
        string output = await PythonProcess.RunScriptAsync(
            """
            import ctypes, numpy as np, ArrayProbe as A
            r = A.read_only()
            print(repr(r), np.asarray(r).flags.writeable, memoryview(r).readonly, np.asarray(r).tolist(), A.sum_i32(r))
            try: np.asarray(r)[0] = 5
            except ValueError as error: print(error)
            try: memoryview(r)[0] = 5
            except TypeError as error: print(error)
            get = ctypes.pythonapi.PyCapsule_GetPointer
            get.restype, get.argtypes = ctypes.c_void_p, [ctypes.py_object, ctypes.c_char_p]
            def flags(t):  # DLManagedTensorVersioned: version (8 bytes), manager_ctx, deleter, then flags
                capsule = t.__dlpack__(max_version=(1, 0))  # kept while its tensor is read
                return ctypes.c_uint64.from_address(get(capsule, b'dltensor_versioned') + 24).value
            print('flags', flags(r), flags(A.arange(1)), A.sum_i32(r.__dlpack__(max_version=(1, 0))), np.asarray(r).tolist())
            """);

        Assert.Equal(
            "<capsulegen.DLPackTensor: int32 tensor of shape (3,) on cpu, read-only> False True [1, 2, 3] 6\n" +
            "assignment destination is read-only\ncannot modify read-only memory\nflags 1 0 6 [1, 2, 3]\n",
            output);
    }

    [Fact]
    public async Task None_disposed_and_direct_construction_are_a_None_a_ValueError_and_a_TypeError()
    {
        string output = await PythonProcess.RunScriptAsync(
            """
            import ArrayProbe as A
            print(A.nothing())
            try: A.disposed()
            except ValueError as error: print(str(error).splitlines()[0])
            t = A.arange(2)
            print(type(t).__module__, type(t).__qualname__, repr(t), t.__dlpack_device__(), A.read_only().__dlpack_device__())
            try: type(t)()
            except TypeError as error: print(error)
            """);

        Assert.Equal(
            "None\nThe method returned a disposed DLPackTensor: a returned tensor is given to Python, which releases it, so return it undisposed (no 'using').\n" +
            "capsulegen DLPackTensor <capsulegen.DLPackTensor: float64 tensor of shape (2,) on cpu> (1, 0) (1, 0)\n" +
            "cannot create 'capsulegen.DLPackTensor' instances\n",
            output);
    }

    [Fact]
    public async Task Dunder_dlpack_takes_the_keywords_of_the_array_API_standard_and_refuses_what_a_CPU_tensor_cannot_do()
    {
        string output = await PythonProcess.RunScriptAsync(
            """
            import ctypes, ArrayProbe as A
            name_of = ctypes.pythonapi.PyCapsule_GetName
            name_of.restype, name_of.argtypes = ctypes.c_char_p, [ctypes.py_object]
            t = A.arange(3)
            def name(*arguments, **keywords):
                try: return name_of(t.__dlpack__(*arguments, **keywords)).decode()
                except Exception as error: return f'{type(error).__name__}: {error}'
            print(name(), name(max_version=(1, 0)), name(max_version=(1, 5)), name(max_version=(0, 8)), name(max_version=None))
            print(name(stream=None), name(stream=-1), name(stream=1))
            print(name(stream=2**63))
            print(name(dl_device=(1, 0)), name(dl_device=None), name(dl_device=(2, 0)))
            print(name(copy=False), name(copy=None), name(copy=0), name(copy=True))
            class Undecided:
                def __bool__(self): raise ZeroDivisionError('no truth')
            print(name(copy=1), name(copy=Undecided()))
            print(name(bogus=1))
            print(name(None))
            print(name(max_version=5))
            print(name(max_version=(2**70, 0)), name(max_version=(-2**70, 0)))
            print(name(max_version=(1, 0), stream=None, dl_device=(1, 0), copy=False), t.__dlpack_device__())
            """);

        Assert.Equal(
            "dltensor dltensor_versioned dltensor_versioned dltensor dltensor\n" +
            "dltensor dltensor ValueError: __dlpack__(): a CPU tensor takes stream=None\n" +
            "ValueError: __dlpack__(): a CPU tensor takes stream=None\n" +
            "dltensor dltensor BufferError: __dlpack__(): this tensor is on the CPU and cannot be exported to device (2, 0)\n" +
            "dltensor dltensor dltensor BufferError: __dlpack__(): a copy was asked for; this tensor shares its memory and does not copy it\n" +
            "BufferError: __dlpack__(): a copy was asked for; this tensor shares its memory and does not copy it ZeroDivisionError: no truth\n" +
            "TypeError: __dlpack__() got an unexpected keyword argument 'bogus'\n" +
            "TypeError: __dlpack__() takes no positional arguments\n" +
            "TypeError: __dlpack__(): max_version must be a tuple (major, minor)\n" +
            "dltensor_versioned dltensor\n" +
            "dltensor_versioned (1, 0)\n",
            output);
    }

    [Fact]
    public async Task Returned_memory_is_given_back_exactly_once_however_its_tensor_is_used_or_dropped()
    {
        await Needs.TorchAsync();
        string output = await PythonProcess.RunScriptAsync(
            """
            import gc, time, numpy as np, torch, torch.utils.dlpack, ArrayProbe as A
            def outstanding(wait):
                gc.collect(); deadline = time.monotonic() + wait
                while A.released() != A.made() and time.monotonic() < deadline: time.sleep(0.005)
                return A.made() - A.released()
            ways = {
                'np.from_dlpack': lambda t: np.from_dlpack(t).sum(),
                'torch.from_dlpack': lambda t: torch.from_dlpack(t).sum(),
                'torch.utils.dlpack': lambda t: torch.utils.dlpack.from_dlpack(t.__dlpack__()).sum(),
                'np.asarray': lambda t: np.asarray(t).sum(),
                'memoryview': lambda t: memoryview(t)[3],
                '__dlpack__ unconsumed': lambda t: t.__dlpack__(),
                '__dlpack__ versioned unconsumed': lambda t: t.__dlpack__(max_version=(1, 0)),
                'dropped': lambda t: None,
                'argument': lambda t: A.sum_i64(t),
                'capsule argument': lambda t: A.sum_i64(t.__dlpack__()),
                'versioned capsule argument': lambda t: A.sum_i64(t.__dlpack__(max_version=(1, 0))),
                'refused capsule argument': lambda t: refused(A.sum, t.__dlpack__()),
            }
            def refused(function, argument):  # consumed, then refused: int64, not float64
                try: function(argument)
                except TypeError: pass
            for name, use in ways.items():
                start = A.made()
                for _ in range(1000): use(A.tracked(10))
                print(name, A.made() - start, outstanding(10))
            """);

        string expected = string.Concat(
            new[]
            {
                "np.from_dlpack", "torch.from_dlpack", "torch.utils.dlpack", "np.asarray", "memoryview", "__dlpack__ unconsumed",
                "__dlpack__ versioned unconsumed", "dropped", "argument", "capsule argument", "versioned capsule argument", "refused capsule argument",
            }.Select(way => way + " 1000 0\n"));
        Assert.Equal(expected, output);
    }

    [Fact]
    public async Task Returned_memory_stays_while_a_consumer_holds_it_after_the_tensor_object_is_gone()
    {
        await Needs.TorchAsync();
        string output = await PythonProcess.RunScriptAsync(
            """
            import gc, time, numpy as np, torch, torch.utils.dlpack, ArrayProbe as A
            def outstanding(wait):
                gc.collect(); deadline = time.monotonic() + wait
                while A.released() != A.made() and time.monotonic() < deadline: time.sleep(0.005)
                return A.made() - A.released()
            takers = [('np.from_dlpack', np.from_dlpack), ('torch.from_dlpack', torch.from_dlpack), ('np.asarray', np.asarray), ('memoryview', memoryview),
                      ('capsule', lambda t: t.__dlpack__())]
            for name, take in takers:
                held = take(A.tracked(10))  # the DLPackTensor itself is dropped at once
                while_held = outstanding(0.3)
                value = int(torch.utils.dlpack.from_dlpack(held)[3]) if name == 'capsule' else int(held[3])
                del held
                print(name, while_held, value, outstanding(10))
            """);

        Assert.Equal("np.from_dlpack 1 30 0\ntorch.from_dlpack 1 30 0\nnp.asarray 1 30 0\nmemoryview 1 30 0\ncapsule 1 30 0\n", output);
    }
}
