// NativeDuck: a CPython extension module written in C, as a C programmer writes one. It knows
// nothing of .NET: it hands out the C++ duck's quack in a capsule named "quacker", and calls the
// quack a C# module (CppDuck) publishes, typed by the header CppDuck's build generates from its
// C# declarations: if the C# signature changes, this file stops compiling.
#define PY_SSIZE_T_CLEAN
#include <Python.h>
#include "CppDuck_capsules.h"

// From native_duck.cpp, the C++ library of samples/NativeDuck: a quack of the same type as CppDuck's.
CppDuck_Quack_fn native_duck_get_quack(void);

static PyObject *get_quack(PyObject *module, PyObject *unused) {
    (void)module;
    (void)unused;
    return PyCapsule_New((void *)native_duck_get_quack(), CppDuck_Quack_CAPSULE_NAME, NULL);
}

// callImported("CppDuck.quacker"): imports a capsule by its dotted name (module CppDuck, attribute
// quacker, capsule name "CppDuck.quacker") and calls the quack in it.
static PyObject *call_imported(PyObject *module, PyObject *name) {
    (void)module;
    const char *dotted = PyUnicode_AsUTF8AndSize(name, NULL);
    if (dotted == NULL) {
        return NULL;
    }
    CppDuck_Quack_fn quack = (CppDuck_Quack_fn)PyCapsule_Import(dotted, 0);
    if (quack == NULL) {
        return NULL;
    }
    quack();
    Py_RETURN_NONE;
}

// callCppDuck(): CppDuck's quack, imported by the function the header declares for it.
static PyObject *call_cpp_duck(PyObject *module, PyObject *unused) {
    (void)module;
    (void)unused;
    CppDuck_Quack_fn quack = CppDuck_Quack_import();
    if (quack == NULL) {
        return NULL;
    }
    quack();
    Py_RETURN_NONE;
}

static PyMethodDef native_duck_methods[] = {
    {"getQuack", get_quack, METH_NOARGS, "getQuack($module, /)\n--\n\nThe C++ quack, in a capsule named \"quacker\"."},
    {"callImported", call_imported, METH_O, "callImported($module, name, /)\n--\n\nCalls the quack in the capsule PyCapsule_Import finds by name."},
    {"callCppDuck", call_cpp_duck, METH_NOARGS, "callCppDuck($module, /)\n--\n\nCalls CppDuck's quack, imported through its generated header."},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef native_duck_module = {
    PyModuleDef_HEAD_INIT,
    "NativeDuck",
    "The C++ duck, as a C extension module.",
    -1,
    native_duck_methods,
    NULL,
    NULL,
    NULL,
    NULL,
};

PyMODINIT_FUNC PyInit_NativeDuck(void) {
    return PyModule_Create(&native_duck_module);
}
