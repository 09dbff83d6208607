"""Times scipy.ndimage.generic_filter with one mean callback in C, in C# and in Python, in one process.

usage: python3 generic_filter.py [MODULE_DIRECTORY] [SIZE] [REPEATS] [FOOTPRINT]

The C callback comes from the C extension CFilters, the C# one from the NativeAOT module Filters
(both built by 'dotnet publish benchmarks/GenericFilter -c Release' into artifacts/python-modules),
and both reach SciPy the same way: a capsule named "int (double *, intptr_t, double *, void *)"
wrapped in scipy.LowLevelCallable. Each is timed as the best of REPEATS runs.
"""
import sys
import timeit

directory = sys.argv[1] if len(sys.argv) > 1 else "artifacts/python-modules"
size = int(sys.argv[2]) if len(sys.argv) > 2 else 512
repeats = int(sys.argv[3]) if len(sys.argv) > 3 else 7
footprint = int(sys.argv[4]) if len(sys.argv) > 4 else 3
sys.path.insert(0, directory)

import numpy as np
import scipy
from scipy import LowLevelCallable, ndimage

import CFilters
import Filters

image = np.random.default_rng(2026).random((size, size))
in_c = LowLevelCallable(CFilters.mean())
in_csharp = LowLevelCallable(Filters.mean())


def in_python(values):
    return values.sum() / values.size


def best(callback, runs):
    return min(timeit.repeat(lambda: ndimage.generic_filter(image, callback, size=footprint), number=1, repeat=runs))


c_result = ndimage.generic_filter(image, in_c, size=footprint)
csharp_result = ndimage.generic_filter(image, in_csharp, size=footprint)
python_result = ndimage.generic_filter(image, in_python, size=footprint)
print(f"generic_filter({size}x{size}, size={footprint}), mean callback; CPython {sys.version.split()[0]}, NumPy {np.__version__}, SciPy {scipy.__version__}")
print(f"C# result equals C result exactly: {np.array_equal(c_result, csharp_result)}")
print(f"Python result equals C result: {np.allclose(c_result, python_result, rtol=1e-12, atol=0)}")

c_time = best(in_c, repeats)
csharp_time = best(in_csharp, repeats)
python_time = best(in_python, max(1, repeats // 3))
print(f"C callback:      {c_time * 1e3:9.2f} ms (best of {repeats})")
print(f"C# callback:     {csharp_time * 1e3:9.2f} ms (best of {repeats})")
print(f"Python callback: {python_time * 1e3:9.2f} ms (best of {max(1, repeats // 3)})")
print(f"C# / C:          {csharp_time / c_time:9.2f}x")
print(f"Python / C#:     {python_time / csharp_time:9.2f}x")
