"""Times one Python call into the same functions in C#, C and pybind11, in one process.

usage: python3 calls.py MODULE_DIRECTORY PYBIND11_DIRECTORY [ROUNDS] [CALLS]

CsCalls (C#, NativeAOT) and CCalls (C) come from 'dotnet publish benchmarks/PythonCalls -c Release'
(MODULE_DIRECTORY), Pybind11Calls from run.sh (PYBIND11_DIRECTORY). The script first checks that the
three agree, then times every function in every module by the same statement, CALLS calls per
round, ROUNDS rounds, the modules interleaved within each round and their order rotated from round
to round, and prints the best and the median of the rounds per call.
"""
import os
import statistics

import numpy
import sys
import timeit

module_directory = sys.argv[1]
pybind11_directory = sys.argv[2]
rounds = int(sys.argv[3]) if len(sys.argv) > 3 else 7
calls = int(sys.argv[4]) if len(sys.argv) > 4 else 300_000
sys.path[:0] = [module_directory, pybind11_directory]

import CCalls
import CsCalls
import Pybind11Calls

IMPLEMENTATIONS = {"C": CCalls, "C#": CsCalls, "pybind11": Pybind11Calls}
# The timed call of each function; the function is a local of the timing loop (see timer()).
STATEMENTS = {
    "noop": "f()",
    "add": "f(1, 2)",
    "scale": "f(1.5, 2.0)",
    "length": "f('hello world')",
    "sum": "f(one)",
    "sum ": "f(million)",
    # A type: making (and dropping) an object, and calling a method of one (attribute lookup and bound method included).
    "Counter": "f(1)",
    "Counter ": "counter.add(1)",
}
# The arrays the sums take: one float64 and a million (8 MB), made once; the sums never copy them.
ARRAYS = {"one": numpy.ones(1), "million": numpy.arange(1_000_000, dtype=numpy.float64) / 7}


def check():
    cases = {
        "noop": [()],
        "add": [(1, 2), (-7, 3), (0, 0), (2**62, 2**62), (2**63 - 1, 1)],  # the last two wrap around
        "scale": [(1.5, 2.0), (-0.1, 3.0), (3, 0.5), (1e308, 10.0)],  # an int converts; the last is inf
        "length": [("",), ("hello world",), ("x" * 1000,)],  # ASCII: UTF-8 bytes = UTF-16 units
        "sum": [(ARRAYS["one"],), (ARRAYS["million"],), (numpy.zeros(0),)],
    }
    for label, module in IMPLEMENTATIONS.items():
        counter = module.Counter(5)
        totals = [counter.add(2), counter.add(-10), counter.add(2**63 - 1)]
        if totals != [7, -3, 2**63 - 4]:
            sys.exit(f"{label} Counter(5).add(2), add(-10), add(2**63 - 1) returned {totals}, not [7, -3, {2**63 - 4}]")
    wrong = {
        "noop": [(1,)],
        "add": [(1,), (1.5, 2), ("1", 2), (None, 2)],
        "scale": [(1.0,), ("1.5", 2.0), (None, 2.0)],
        # Not bytes: pybind11's std::string takes bytes too (C# and C raise TypeError).
        "length": [(), (5,), (None,)],
        # Only a missing argument: pybind11's array_t makes an array of whatever it is given (None too).
        "sum": [()],
    }
    for name, argument_lists in cases.items():
        for arguments in argument_lists:
            results = {label: getattr(module, name.strip())(*arguments) for label, module in IMPLEMENTATIONS.items()}
            expected = results["C"]
            for label, result in results.items():
                if type(result) is not type(expected) or result != expected:
                    sys.exit(f"{label} {name}{arguments!r} returned {result!r}, C returned {expected!r}")
    for name, argument_lists in wrong.items():
        for arguments in argument_lists:
            for label, module in IMPLEMENTATIONS.items():
                try:
                    getattr(module, name)(*arguments)
                except TypeError:
                    continue
                except Exception as error:
                    sys.exit(f"{label} {name}{arguments!r} raised {type(error).__name__}, not TypeError: {error}")
                sys.exit(f"{label} {name}{arguments!r} did not raise TypeError")
    count = sum(map(len, cases.values()))
    failures = sum(map(len, wrong.values()))
    print(f"Checked: the three agree on {count} calls and raise TypeError for {failures} wrong ones each.")


def timer(function, statement):
    # The setup runs inside timeit's function, so 'f' is a local there: no global or attribute lookup is timed.
    return timeit.Timer(stmt=statement, setup="f = _f; one = _one; million = _million; counter = _f(0) if isinstance(_f, type) else None",
                        globals={"_f": function, "_one": ARRAYS["one"], "_million": ARRAYS["million"]})


def cpu_model():
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as cpuinfo:
            for line in cpuinfo:
                if line.startswith("model name"):
                    return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return "unknown"


def main():
    print(f"CPython {sys.version.split()[0]} ({sys.implementation.cache_tag}); "
          f"nproc {len(os.sched_getaffinity(0))}; CPU {cpu_model()}")
    check()
    labels = list(IMPLEMENTATIONS)
    times = {(name, label): [] for name in STATEMENTS for label in labels}
    loop = []
    empty = timeit.Timer(stmt="pass")
    for round_index in range(rounds):
        order = labels[round_index % len(labels):] + labels[:round_index % len(labels)]
        loop.append(empty.timeit(calls) / calls)
        for name, statement in STATEMENTS.items():
            for label in order:
                timed = timer(getattr(IMPLEMENTATIONS[label], name.strip()), statement)
                # A sum over a million elements takes a millisecond: a thousandth of the calls times it as well.
                repeat = calls if "million" not in statement else max(calls // 1000, 10)
                times[name, label].append(timed.timeit(repeat) / repeat)

    def ns(seconds):
        return f"{seconds * 1e9:.1f}"

    print(f"\n{rounds} rounds of {calls:,} calls per function and module; ns per call, best / median of the rounds.")
    print(f"The timing loop alone (timeit of 'pass'): {ns(min(loop))} / {ns(statistics.median(loop))} ns per iteration, not subtracted.\n")
    print("| function | statement | C | C# | pybind11 | C# / C | pybind11 / C |")
    print("| --- | --- | ---: | ---: | ---: | ---: | ---: |")
    for name, statement in STATEMENTS.items():
        best = {label: min(times[name, label]) for label in labels}
        median = {label: statistics.median(times[name, label]) for label in labels}
        cells = [f"{ns(best[label])} / {ns(median[label])}" for label in labels]
        ratios = [f"{best[label] / best['C']:.2f}× / {median[label] / median['C']:.2f}×" for label in ("C#", "pybind11")]
        print(f"| `{name.strip()}` | `{statement}` | " + " | ".join(cells + ratios) + " |")


main()
