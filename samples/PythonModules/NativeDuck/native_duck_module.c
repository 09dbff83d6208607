// NativeDuck: a CPython extension module written in C, as a C programmer writes one. It knows
// nothing of .NET: it hands out the C++ duck's quack in a capsule named "quacker", and calls a
// quack that another module (a C# one, say) publishes, found by PyCapsule_Import.
#define PY_SSIZE_T_CLEAN
#include <Python.h>

// From native_duck.cpp, the C++ library of samples/NativeDuck.
void (*native_duck_get_quack(void))(void);

typedef void quacker_t(void);

static PyObject *get_quack(PyObject *module, PyObject *unused) {
    (void)module;
    (void)unused;
    return PyCapsule_New((void *)native_duck_get_quack(), "quacker", NULL);
}

// callImported("CppDuck.quacker"): imports the capsule by its dotted name (module CppDuck,
// attribute quacker, capsule name "CppDuck.quacker") and calls the void (void) function in it.
static PyObject *call_imported(PyObject *module, PyObject *name) {
    (void)module;
    const char *dotted = PyUnicode_AsUTF8AndSize(name, NULL);
    if (dotted == NULL) {
        return NULL;
    }
    quacker_t *quack = (quacker_t *)PyCapsule_Import(dotted, 0);
    if (quack == NULL) {
        return NULL;
    }
    quack();
    Py_RETURN_NONE;
}

static PyMethodDef native_duck_methods[] = {
    {"getQuack", get_quack, METH_NOARGS, "getQuack($module, /)\n--\n\nThe C++ quack, in a capsule named \"quacker\"."},
    {"callImported", call_imported, METH_O, "callImported($module, name, /)\n--\n\nCalls the void (void) function in the capsule PyCapsule_Import finds by name."},
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
