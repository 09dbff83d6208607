// Pybind11Calls: the four functions of CsCalls.cs, as a pybind11 module written the usual way
// (plain lambdas, pybind11's own conversions). run.sh compiles it; msbuild does not.
#include <pybind11/pybind11.h>

#include <string>

PYBIND11_MODULE(Pybind11Calls, m) {
    m.doc() = "The call benchmark's four functions, written with pybind11.";
    m.def("noop", [] {}, "Does nothing; returns None.");
    // Wraps on overflow like C#'s unchecked long addition, where signed overflow would be undefined.
    m.def("add", [](long long a, long long b) {
        return static_cast<long long>(static_cast<unsigned long long>(a) + static_cast<unsigned long long>(b));
    }, "a + b, wrapping on overflow.");
    m.def("scale", [](double x, double factor) { return x * factor; }, "x * factor.");
    m.def("length", [](const std::string &text) { return text.size(); }, "The size of text in UTF-8 bytes.");
}
