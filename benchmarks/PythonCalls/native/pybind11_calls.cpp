// Pybind11Calls: the four functions of CsCalls.cs, as a pybind11 module written the usual way
// (plain lambdas, pybind11's own conversions). run.sh compiles it; msbuild does not.
#include <pybind11/numpy.h>
#include <pybind11/pybind11.h>

#include <string>

namespace py = pybind11;

PYBIND11_MODULE(Pybind11Calls, m) {
    m.doc() = "The call benchmark's four functions, written with pybind11.";
    m.def("noop", [] {}, "Does nothing; returns None.");
    // Wraps on overflow like C#'s unchecked long addition, where signed overflow would be undefined.
    m.def("add", [](long long a, long long b) {
        return static_cast<long long>(static_cast<unsigned long long>(a) + static_cast<unsigned long long>(b));
    }, "a + b, wrapping on overflow.");
    m.def("scale", [](double x, double factor) { return x * factor; }, "x * factor.");
    m.def("length", [](const std::string &text) { return text.size(); }, "The size of text in UTF-8 bytes.");
    // The usual way to take a NumPy array: array_t with c_style (no forcecast, so a float64 array is not
    // copied), read through unchecked<1>, in index order like the C and C# sums.
    m.def("sum", [](py::array_t<double, py::array::c_style> values) {
        auto view = values.unchecked<1>();
        double total = 0;
        for (py::ssize_t i = 0; i < view.shape(0); i++) {
            total += view(i);
        }
        return total;
    }, "The sum of a C-contiguous float64 array.");

    // A running total, as a pybind11 class is usually bound.
    struct Counter {
        long long total;
        long long add(long long n) { return total = static_cast<long long>(static_cast<unsigned long long>(total) + static_cast<unsigned long long>(n)); }
    };
    py::class_<Counter>(m, "Counter", "A running total.")
        .def(py::init([](long long start) { return Counter{start}; }))
        .def("add", &Counter::add, "Adds n to the total and returns it.");
}
