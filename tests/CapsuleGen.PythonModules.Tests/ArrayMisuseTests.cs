namespace CapsuleGen.PythonModules.Tests.Arrays;

/// <summary>
/// Arrays a module function cannot take, and calls that make no sense: each refused with the
/// exception and message a Python caller can act on (the function, the parameter, what was expected
/// and what was found), a consumed DLPack tensor given back exactly once, and never a crash.
/// </summary>
public sealed class ArrayMisuseTests
{
    [Fact]
    public async Task Buffers_of_the_wrong_type_order_layout_or_writability_are_refused_with_messages_naming_both()
    {
        await Needs.NumPyAsync();
        string output = await PythonProcess.RunScriptAsync(
            """
            import numpy as np, ArrayProbe as A
            def show(call):
                try: call(); print('no error')
                except Exception as error: print(f'{type(error).__name__}: {error}')
            frozen = np.ones(3); frozen.setflags(write=False)
            show(lambda: A.sum([1.0, 2.0]))
            show(lambda: A.sum(None))
            show(lambda: A.sum(np.arange(3, dtype=np.int32)))
            show(lambda: A.count_true(np.arange(3, dtype=np.uint8)))
            show(lambda: A.scale(frozen, 2.0))
            show(lambda: A.scale(memoryview(bytes(16)).cast('d'), 2.0))
            show(lambda: A.clear_u8(b'abc'))
            show(lambda: A.scale(bytes(16), 2.0))
            show(lambda: A.scale(np.arange(6.0)[::2], 2.0))
            show(lambda: A.sum(np.arange(3.0)[::-1]))
            show(lambda: A.scale(np.asfortranarray(np.ones((2, 3))), 2.0))
            show(lambda: A.sum(np.asfortranarray(np.ones((2, 3)))))
            show(lambda: A.sum(np.ones(3, dtype='>f8')))
            show(lambda: A.add_index(np.broadcast_to(np.ones(1), (3,))))
            show(lambda: A.describe(np.lib.stride_tricks.as_strided(np.zeros(4), shape=(2,), strides=(12,))))
            show(lambda: A.sum(np.array(['a'])))
            print(frozen.tolist())
            """);

        const string sum = "TypeError: ArrayProbe.sum() argument 'values' must be ";
        const string scale = "ArrayProbe.scale() argument 'values' must be ";
        Assert.Equal(
            sum + "an array of float64 (an object with the buffer protocol or __dlpack__), not list\n" +
            sum + "an array of float64 (an object with the buffer protocol or __dlpack__), not NoneType\n" +
            sum + "an array of float64, not an array of int32\n" +
            "TypeError: ArrayProbe.count_true() argument 'values' must be an array of bool, not an array of uint8\n" +
            "TypeError: " + scale + "a writable array of float64, not a read-only numpy.ndarray\n" +
            "TypeError: " + scale + "a writable array of float64, not a read-only memoryview\n" +
            "TypeError: ArrayProbe.clear_u8() argument 'values' must be a writable array of uint8, not a read-only bytes\n" +
            "TypeError: " + scale + "an array of float64, not an array of uint8\n" +
            "ValueError: " + scale + "C-contiguous, not strided (shape (3,), strides (16,) bytes)\n" +
            "ValueError: ArrayProbe.sum() argument 'values' must be C-contiguous, not strided (shape (3,), strides (-8,) bytes)\n" +
            "ValueError: " + scale + "C-contiguous, not strided (shape (2, 3), strides (8, 16) bytes)\n" +
            "ValueError: ArrayProbe.sum() argument 'values' must be C-contiguous, not strided (shape (2, 3), strides (8, 16) bytes)\n" +
            sum + "an array of float64, not an array of format '>d' (byte order not this machine's)\n" +
            "TypeError: ArrayProbe.add_index() argument 'view' must be a writable array of float64, not a read-only numpy.ndarray\n" +
            "ValueError: ArrayProbe.describe() argument 'view' must be strides in whole float64 elements, not strides (12,) bytes\n" +
            sum + "an array of float64, not an array of format '1w' with 4-byte items\n" +
            "[1.0, 1.0, 1.0]\n",
            output);
    }

    [Fact]
    public async Task Torch_tensors_that_do_not_fit_are_refused_and_torchs_own_errors_are_kept()
    {
        await Needs.TorchAsync();
        string output = await PythonProcess.RunScriptAsync(
            """
            import torch, torch.utils.dlpack, ArrayProbe as A
            def show(call):
                try: print(call())
                except Exception as error: print(f'{type(error).__name__}: {error}')
            show(lambda: A.sum(torch.ones(3)))
            show(lambda: A.sum(torch.ones(3, dtype=torch.float64, requires_grad=True)))
            show(lambda: A.scale(torch.ones(6, dtype=torch.float64)[::2], 2.0))
            show(lambda: A.scale(torch.ones(2, 3, dtype=torch.float64).t(), 2.0))
            show(lambda: A.sum(torch.ones(1, dtype=torch.bfloat16)))
            capsule = torch.utils.dlpack.to_dlpack(torch.arange(3, dtype=torch.float64))
            show(lambda: A.sum(capsule))
            show(lambda: A.sum(capsule))
            show(lambda: A.sum(torch.utils.dlpack.to_dlpack(torch.ones(2))))
            """);

        Assert.Equal(
            "TypeError: ArrayProbe.sum() argument 'values' must be an array of float64, not an array of float32\n" +
            "RuntimeError: Can't export tensors that require gradient, use tensor.detach()\n" +
            "ValueError: ArrayProbe.scale() argument 'values' must be C-contiguous, not strided (shape (3,), strides (16,) bytes)\n" +
            "ValueError: ArrayProbe.scale() argument 'values' must be C-contiguous, not strided (shape (3, 2), strides (8, 24) bytes)\n" +
            "TypeError: ArrayProbe.sum() argument 'values' must be an array of float64, not an array of bfloat16\n" +
            "3.0\n" +
            "BufferError: ArrayProbe.sum() argument 'values' must be a DLPack capsule not consumed yet, not a capsule named 'used_dltensor' (consumed already: a DLPack tensor is consumed once)\n" +
            "TypeError: ArrayProbe.sum() argument 'values' must be an array of float64, not an array of float32\n",
            output);
    }

    [Fact]
    public async Task Capsules_and_dunder_dlpack_producers_that_misbehave_are_refused_and_a_legacy_producer_is_read()
    {
        await Needs.NumPyAsync();
        string output = await PythonProcess.RunScriptAsync(
            """
            import ctypes, numpy as np, ArrayProbe as A
            def show(call):
                try: print(call())
                except Exception as error: print(f'{type(error).__name__}: {error}')
            new = ctypes.pythonapi.PyCapsule_New
            new.restype, new.argtypes = ctypes.py_object, [ctypes.c_void_p, ctypes.c_char_p, ctypes.c_void_p]
            show(lambda: A.sum(new(id(A), b'not_dltensor', None)))
            class Raises:
                def __dlpack__(self, **keywords): raise KeyError('refused by the producer')
            class NotACapsule:
                def __dlpack__(self, **keywords): return 42
            calls = []
            class RaisesTypeError:
                def __dlpack__(self, **keywords): calls.append(keywords); raise TypeError('not today')
            data = np.arange(4.0)
            class Legacy:  # a producer from before DLPack 1.0: no keywords at all
                def __dlpack__(self): return data.__dlpack__()
            show(lambda: A.sum(Raises()))
            show(lambda: A.sum(NotACapsule()))
            show(lambda: A.sum(RaisesTypeError()))
            print(calls)
            print(A.sum(Legacy()), A.scale(Legacy(), 2.0), data.tolist(), A.describe(Legacy()))
            """);

        Assert.Equal(
            "ValueError: ArrayProbe.sum() argument 'values' must be a DLPack capsule named 'dltensor' or 'dltensor_versioned', not a capsule named 'not_dltensor'\n" +
            "KeyError: 'refused by the producer'\n" +
            "TypeError: ArrayProbe.sum() argument 'values' must be an object whose __dlpack__() returns a capsule, not one that returned int\n" +
            "TypeError: not today\n" +
            "[{'max_version': (1, 0)}, {}]\n" +
            "6.0 None [0.0, 2.0, 4.0, 6.0] 4|8|0,2,4,6\n",
            output);
    }

    [Fact]
    public async Task A_producer_that_refused_max_version_is_asked_plainly_from_then_on()
    {
        await Needs.NumPyAsync();
        string output = await PythonProcess.RunScriptAsync(
            """
            import numpy as np, ArrayProbe as A
            data, asked = np.arange(4.0), []
            class Legacy:
                def __dlpack__(self, **keywords):
                    asked.append(keywords)
                    if keywords: raise TypeError('__dlpack__() got an unexpected keyword argument')
                    return data.__dlpack__()
            print([A.sum(Legacy()) for _ in range(3)], asked)
            class Modern:
                def __dlpack__(self, **keywords):
                    asked.append(keywords)
                    return data.__dlpack__()
            asked.clear()
            print(A.sum(Modern()), A.sum(Legacy()), asked)
            """);

        // A type is remembered as legacy only after its plain call gave a capsule; other types are still asked for 1.0 first.
        Assert.Equal(
            "[6.0, 6.0, 6.0] [{'max_version': (1, 0)}, {}, {}, {}]\n" +
            "6.0 6.0 [{'max_version': (1, 0)}, {}]\n",
            output);
    }

    [Fact]
    public async Task A_foreign_DLPack_tensor_is_deleted_exactly_once_and_a_refusal_keeps_its_exception()
    {
        // A producer written with ctypes: its deleter is Python code, so it must not run with the
        // refusal's exception pending (it would fail, and the caller would see a SystemError).
        await Needs.NumPyAsync();
        string output = await PythonProcess.RunScriptAsync(
            """
            import sys, ctypes as C, numpy as np, ArrayProbe as A
            class Device(C.Structure): _fields_ = [('type', C.c_int), ('id', C.c_int)]
            class DType(C.Structure): _fields_ = [('code', C.c_uint8), ('bits', C.c_uint8), ('lanes', C.c_uint16)]
            class Tensor(C.Structure): _fields_ = [('data', C.c_void_p), ('device', Device), ('ndim', C.c_int), ('dtype', DType),
                                                   ('shape', C.POINTER(C.c_int64)), ('strides', C.POINTER(C.c_int64)), ('byte_offset', C.c_uint64)]
            DELETER = C.CFUNCTYPE(None, C.c_void_p)
            class Managed(C.Structure): _fields_ = [('tensor', Tensor), ('context', C.c_void_p), ('deleter', DELETER)]
            class Versioned(C.Structure): _fields_ = [('major', C.c_uint32), ('minor', C.c_uint32), ('context', C.c_void_p), ('deleter', DELETER),
                                                      ('flags', C.c_uint64), ('tensor', Tensor)]
            new = C.pythonapi.PyCapsule_New
            new.restype, new.argtypes = C.py_object, [C.c_void_p, C.c_char_p, C.c_void_p]
            deleted, unraisable, kept = [], [], []
            sys.unraisablehook = unraisable.append
            deleter = DELETER(deleted.append)
            data = np.arange(6.0)
            def capsule(shape, strides=None, code=2, bits=64, device=1, offset=0, version=None, flags=0):
                arrays = [(C.c_int64 * len(shape))(*shape), None if strides is None else (C.c_int64 * len(strides))(*strides)]
                tensor = Tensor(data.ctypes.data, Device(device, 0), len(shape), DType(code, bits, 1), arrays[0], arrays[1], offset)
                managed = Managed(tensor, None, deleter) if version is None else Versioned(*version, None, deleter, flags, tensor)
                kept.append((arrays, managed))
                return new(C.addressof(managed), b'dltensor' if version is None else b'dltensor_versioned', None)
            def show(label, call):
                before = len(deleted)
                try: result = call()
                except Exception as error: result = f'{type(error).__name__}: {error}'
                print(label, '|', result, '| deleted', len(deleted) - before)
            show('float64', lambda: A.sum(capsule([6])))
            show('offset', lambda: A.sum(capsule([3], offset=16)))
            show('strides', lambda: A.describe(capsule([2, 3], strides=[1, 2])))
            show('versioned', lambda: A.scale(capsule([6], version=(1, 0)), 2.0))
            show('read-only to a reader', lambda: A.sum(capsule([6], version=(1, 3), flags=1)))
            show('read-only to a writer', lambda: A.scale(capsule([6], version=(1, 0), flags=1), 2.0))
            show('int32', lambda: A.sum(capsule([6], code=0, bits=32)))
            show('bfloat16', lambda: A.sum(capsule([6], code=4, bits=16)))
            show('cuda', lambda: A.sum(capsule([6], device=2)))
            show('cuda host', lambda: A.sum(capsule([6], device=3)))
            show('version 2', lambda: A.sum(capsule([6], version=(2, 0))))
            show('negative length', lambda: A.sum(capsule([-1])))
            show('method throws', lambda: A.trace(capsule([6])))
            print(data.tolist(), 'unraisable:', [str(u.exc_value) for u in unraisable])
            """);

        Assert.Equal(
            "float64 | 15.0 | deleted 1\n" +
            "offset | 9.0 | deleted 1\n" +
            "strides | 2,3|8,16|0,2,4,1,3,5 | deleted 1\n" +
            "versioned | None | deleted 1\n" +
            "read-only to a reader | 30.0 | deleted 1\n" +
            "read-only to a writer | TypeError: ArrayProbe.scale() argument 'values' must be a writable array of float64, not a read-only PyCapsule | deleted 1\n" +
            "int32 | TypeError: ArrayProbe.sum() argument 'values' must be an array of float64, not an array of int32 | deleted 1\n" +
            "bfloat16 | TypeError: ArrayProbe.sum() argument 'values' must be an array of float64, not an array of bfloat16 | deleted 1\n" +
            "cuda | ValueError: ArrayProbe.sum() argument 'values' must be in CPU memory, not on cuda:0 | deleted 1\n" +
            "cuda host | 30.0 | deleted 1\n" +
            "version 2 | BufferError: ArrayProbe.sum() argument 'values' is a DLPack tensor that cannot be read: The DLPack tensor is version 2.0; this library reads version 1.x. Its deleter has run. | deleted 1\n" +
            "negative length | BufferError: ArrayProbe.sum() argument 'values' is a DLPack tensor that cannot be read: The shape (-1,) has a negative length. Its deleter has run. | deleted 1\n" +
            "method throws | IndexError: Index was outside the bounds of the array. | deleted 1\n" +
            "[0.0, 2.0, 4.0, 6.0, 8.0, 10.0] unraisable: []\n",
            output);
    }

    [Fact]
    public async Task Calls_with_the_wrong_arguments_raise_the_expected_exceptions_and_never_crash_the_process()
    {
        await Needs.NumPyAsync();
        string output = await PythonProcess.RunScriptAsync(
            """
            import numpy as np, ArrayProbe as A
            one = np.ones(1)
            calls = [
                lambda: A.sum(), lambda: A.sum(one, one), lambda: A.sum(vals=one), lambda: A.sum(one, values=one), lambda: A.sum(None),
                lambda: A.sum(A), lambda: A.sum(A.sum), lambda: A.sum(np.array([object()])), lambda: A.sum(np.array(['2020'], 'M8[D]')),
                lambda: A.scale(one), lambda: A.scale(one, None), lambda: A.scale(None, 1.0), lambda: A.scale(one, 'x'), lambda: A.scale(one, 2**2000),
                lambda: A.arange(None), lambda: A.arange(2**31), lambda: A.arange(-2**70), lambda: A.arange(1.5), lambda: A.arange(-1),
                lambda: A.matrix(1), lambda: A.matrix(2**40, 1), lambda: A.tracked(-5), lambda: A.tracked(2**64),
                lambda: A.shared_at(4), lambda: A.shared_at(-1), lambda: A.shared_set(0, None), lambda: A.shared_set(2**63, 1.0),
                lambda: A.scalar(), lambda: A.scalar('1'), lambda: A.nothing(1), lambda: A.released(None), lambda: A.made(x=1),
                lambda: A.trace(np.ones(3)), lambda: A.describe(), lambda: A.add_index(None), lambda: A.total(1), lambda: A.total(values=None, x=1),
                lambda: A.arange(3).__dlpack__(1, 2), lambda: A.arange(3).__dlpack_device__(1), lambda: A.read_only().__dlpack__(max_version='1.0'),
                lambda: A.read_only().__dlpack__(dl_device='cpu'), lambda: A.read_only().__dlpack__(stream=True),
            ]
            raised = []
            for call in calls:
                try: call(); raised.append('none')
                except Exception as error: raised.append(type(error).__name__)
            print(' '.join(raised))
            print(A.sum(one))
            """);

        Assert.Equal(
            "TypeError TypeError TypeError TypeError TypeError " +
            "TypeError TypeError TypeError ValueError " +
            "TypeError TypeError TypeError TypeError OverflowError " +
            "TypeError OverflowError OverflowError TypeError OverflowError " +
            "TypeError OverflowError ValueError OverflowError " +
            "IndexError IndexError TypeError OverflowError " +
            "TypeError TypeError TypeError TypeError TypeError " +
            "IndexError TypeError TypeError TypeError TypeError " +
            "TypeError TypeError TypeError " +
            "BufferError ValueError\n" +
            "1.0\n",
            output);
    }

    [Fact]
    public async Task Python_exits_cleanly_with_tensors_and_capsules_alive_and_calls_in_flight_on_daemon_threads()
    {
        await Needs.NumPyAsync();
        const string script =
            """
            import threading, numpy as np, ArrayProbe as A
            alive = [A.tracked(10), np.from_dlpack(A.tracked(10)), A.tracked(10).__dlpack__(), A.tracked(3).__dlpack__(max_version=(1, 0)),
                     np.asarray(A.tracked(4)), memoryview(A.shared())]
            big = np.ones(100_000)
            def spin():
                while True: A.sum_nogil(big); np.from_dlpack(A.tracked(5)); A.sum_i64(A.tracked(3).__dlpack__())
            for _ in range(2): threading.Thread(target=spin, daemon=True).start()
            import time; time.sleep(0.1)
            print('exiting')
            """;

        for (int run = 0; run < 3; run++)
        {
            Assert.Equal("exiting\n", await PythonProcess.RunScriptAsync(script));
        }
    }
}
