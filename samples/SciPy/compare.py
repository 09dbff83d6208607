# Run by Program.cs inside the .NET process, with these names set: quarter_circle, damped_cosine
# and mean_filter (C# capsules), c_library (the path of the sample's C library), quick (a bool).
# Every variant computes the same thing; each measurement interleaves them, round after round,
# so that whatever else the machine does weighs on all of them alike.
import ctypes, math, time
import numpy
import scipy
from scipy import ndimage
from scipy.integrate import quad

api = ctypes.pythonapi
api.PyCapsule_New.restype = ctypes.py_object
api.PyCapsule_New.argtypes = [ctypes.c_void_p, ctypes.c_char_p, ctypes.c_void_p]
library = ctypes.CDLL(c_library)

def c_capsule(function, signature):
    """The C function in a capsule named by its signature, as a C extension would make it."""
    return api.PyCapsule_New(ctypes.cast(getattr(library, function), ctypes.c_void_p).value, signature, None)

def best_of(rounds, variants):
    """The fastest of `rounds` interleaved runs of each variant, in seconds, and each one's last result."""
    best = {name: math.inf for name in variants}
    results = {}
    for _ in range(rounds):
        for name, run in variants.items():
            start = time.perf_counter()
            results[name] = run()
            best[name] = min(best[name], time.perf_counter() - start)
    return best, results

# π, to show the C# integrand is right.
pi_value, pi_error, pi_info = quad(scipy.LowLevelCallable(quarter_circle), 0, 1, full_output=1)[:3]
pi_evaluations = pi_info["neval"]

# An integrand that needs tens of thousands of evaluations, three ways.
def damped_cosine_python(x):
    return math.cos(100.0 * x) * math.exp(-x / 10.0)

integrands = {
    "Python": damped_cosine_python,
    "C#": scipy.LowLevelCallable(damped_cosine),
    "C": scipy.LowLevelCallable(c_capsule("damped_cosine", b"double (double)")),
}
quad_limit = 5000
quad_seconds, quad_results = best_of(3 if quick else 7, {
    name: (lambda integrand=integrand: quad(integrand, 0, 100, limit=quad_limit, full_output=1)) for name, integrand in integrands.items()
})
quad_values = {name: result[0] for name, result in quad_results.items()}
quad_evaluations = quad_results["C#"][2]["neval"]

# A 3x3 mean filter over an image: one callback per pixel.
side = 64 if quick else 512
image = numpy.random.default_rng(2026).random((side, side))

def mean_filter_python(values):
    total = 0.0
    for value in values:
        total += value
    return total / len(values)

filters = {
    "Python": mean_filter_python,
    "C#": scipy.LowLevelCallable(mean_filter),
    "C": scipy.LowLevelCallable(c_capsule("mean_filter", b"int (double *, intptr_t, double *, void *)")),
}
filter_seconds, filter_results = best_of(2 if quick else 3, {
    name: (lambda function=function: ndimage.generic_filter(image, function, size=3)) for name, function in filters.items()
})
filters_equal = all(numpy.array_equal(filter_results["C#"], result) for result in filter_results.values())
quad_equal = len(set(quad_values.values())) == 1
