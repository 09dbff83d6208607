// CCalls: the functions of CsCalls.cs, written as a careful C extension author would: no
// PyArg_ParseTuple, METH_NOARGS for noop and METH_FASTCALL (stable ABI since 3.10) with the argument
// count checked by hand for the others.
#define PY_SSIZE_T_CLEAN
#include <Python.h>

static PyObject *wrong_count(const char *name, Py_ssize_t expected, Py_ssize_t given) {
    PyErr_Format(PyExc_TypeError, "%s() takes exactly %zd argument%s (%zd given)", name, expected, expected == 1 ? "" : "s", given);
    return NULL;
}

static PyObject *ccalls_noop(PyObject *module, PyObject *unused) {
    (void)module;
    (void)unused;
    Py_RETURN_NONE;
}

static PyObject *ccalls_add(PyObject *module, PyObject *const *args, Py_ssize_t nargs) {
    (void)module;
    if (nargs != 2) {
        return wrong_count("add", 2, nargs);
    }
    // PyLong_AsLongLong raises TypeError for a non-integer and OverflowError out of range.
    long long a = PyLong_AsLongLong(args[0]);
    if (a == -1 && PyErr_Occurred()) {
        return NULL;
    }
    long long b = PyLong_AsLongLong(args[1]);
    if (b == -1 && PyErr_Occurred()) {
        return NULL;
    }
    // Wraps on overflow like C#'s unchecked long addition, where signed overflow would be undefined.
    return PyLong_FromLongLong((long long)((unsigned long long)a + (unsigned long long)b));
}

static PyObject *ccalls_scale(PyObject *module, PyObject *const *args, Py_ssize_t nargs) {
    (void)module;
    if (nargs != 2) {
        return wrong_count("scale", 2, nargs);
    }
    // PyFloat_AsDouble takes a float or anything with __float__ or __index__, else raises TypeError.
    double x = PyFloat_AsDouble(args[0]);
    if (x == -1.0 && PyErr_Occurred()) {
        return NULL;
    }
    double factor = PyFloat_AsDouble(args[1]);
    if (factor == -1.0 && PyErr_Occurred()) {
        return NULL;
    }
    return PyFloat_FromDouble(x * factor);
}

static PyObject *ccalls_length(PyObject *module, PyObject *const *args, Py_ssize_t nargs) {
    (void)module;
    if (nargs != 1) {
        return wrong_count("length", 1, nargs);
    }
    if (!PyUnicode_Check(args[0])) {
        // The stable ABI hides tp_name; PyType_GetName (3.11) gives the type's name as a str.
        PyObject *type_name = PyType_GetName(Py_TYPE(args[0]));
        if (type_name != NULL) {
            PyErr_Format(PyExc_TypeError, "length() argument must be str, not %U", type_name);
            Py_DECREF(type_name);
        }
        return NULL;
    }
    // The size in UTF-8 bytes (the length, for ASCII text); no copy: CPython keeps the UTF-8 form.
    Py_ssize_t size;
    if (PyUnicode_AsUTF8AndSize(args[0], &size) == NULL) {
        return NULL;
    }
    return PyLong_FromSsize_t(size);
}

// The buffer protocol, as a C author takes a float64 array: C-contiguous, format checked, released after.
static PyObject *ccalls_sum(PyObject *module, PyObject *values) {
    (void)module;
    Py_buffer view;
    if (PyObject_GetBuffer(values, &view, PyBUF_C_CONTIGUOUS | PyBUF_FORMAT) != 0) {
        return NULL;
    }
    if (view.itemsize != sizeof(double) || view.format == NULL || (view.format[0] != 'd' || view.format[1] != '\0')) {
        PyBuffer_Release(&view);
        PyErr_SetString(PyExc_TypeError, "sum() argument must be a float64 array");
        return NULL;
    }
    const double *data = view.buf;
    Py_ssize_t count = view.len / (Py_ssize_t)sizeof(double);
    double total = 0;
    for (Py_ssize_t i = 0; i < count; i++) {
        total += data[i];
    }
    PyBuffer_Release(&view);
    return PyFloat_FromDouble(total);
}

static PyMethodDef ccalls_methods[] = {
    {"noop", ccalls_noop, METH_NOARGS, "noop($module, /)\n--\n\nDoes nothing; returns None."},
    {"add", (PyCFunction)(void (*)(void))ccalls_add, METH_FASTCALL, "add($module, a, b, /)\n--\n\na + b, wrapping on overflow."},
    {"scale", (PyCFunction)(void (*)(void))ccalls_scale, METH_FASTCALL, "scale($module, x, factor, /)\n--\n\nx * factor."},
    {"length", (PyCFunction)(void (*)(void))ccalls_length, METH_FASTCALL, "length($module, text, /)\n--\n\nThe size of text in UTF-8 bytes."},
    {"sum", ccalls_sum, METH_O, "sum($module, values, /)\n--\n\nThe sum of a C-contiguous float64 array."},
    {NULL, NULL, 0, NULL},
};

// Counter: a heap type from a spec (the stable ABI's way), as CsCalls.Counter is: a running total.
typedef struct {
    PyObject_HEAD
    long long total;
} Counter;

static PyObject *counter_new(PyTypeObject *type, PyObject *args, PyObject *kwargs) {
    long long start;
    if (kwargs != NULL && PyDict_Size(kwargs) != 0) {
        PyErr_SetString(PyExc_TypeError, "Counter() takes no keyword arguments");
        return NULL;
    }
    if (PyTuple_Size(args) != 1) {
        return wrong_count("Counter", 1, PyTuple_Size(args));
    }
    start = PyLong_AsLongLong(PyTuple_GetItem(args, 0));
    if (start == -1 && PyErr_Occurred()) {
        return NULL;
    }
    allocfunc alloc = (allocfunc)PyType_GetSlot(type, Py_tp_alloc);
    Counter *self = (Counter *)alloc(type, 0);
    if (self != NULL) {
        self->total = start;
    }
    return (PyObject *)self;
}

static void counter_dealloc(PyObject *self) {
    PyTypeObject *type = Py_TYPE(self);
    freefunc free_slot = (freefunc)PyType_GetSlot(type, Py_tp_free);
    free_slot(self);
    Py_DECREF(type);
}

static PyObject *counter_add(PyObject *self, PyObject *const *args, Py_ssize_t nargs) {
    if (nargs != 1) {
        return wrong_count("add", 1, nargs);
    }
    long long n = PyLong_AsLongLong(args[0]);
    if (n == -1 && PyErr_Occurred()) {
        return NULL;
    }
    Counter *counter = (Counter *)self;
    counter->total = (long long)((unsigned long long)counter->total + (unsigned long long)n);
    return PyLong_FromLongLong(counter->total);
}

static PyMethodDef counter_methods[] = {
    {"add", (PyCFunction)(void (*)(void))counter_add, METH_FASTCALL, "add($self, n, /)\n--\n\nAdds n to the total and returns it."},
    {NULL, NULL, 0, NULL},
};

static PyType_Slot counter_slots[] = {
    {Py_tp_new, (void *)counter_new},
    {Py_tp_dealloc, (void *)counter_dealloc},
    {Py_tp_methods, counter_methods},
    {Py_tp_doc, "Counter(start)\n--\n\nA running total."},
    {0, NULL},
};

static PyType_Spec counter_spec = {"CCalls.Counter", sizeof(Counter), 0, Py_TPFLAGS_DEFAULT, counter_slots};

static struct PyModuleDef ccalls_module = {
    PyModuleDef_HEAD_INIT, "CCalls", "The call benchmark's functions and type, written in C.", -1,
    ccalls_methods, NULL, NULL, NULL, NULL,
};

PyMODINIT_FUNC PyInit_CCalls(void) {
    PyObject *module = PyModule_Create(&ccalls_module);
    if (module == NULL) {
        return NULL;
    }
    PyObject *counter = PyType_FromSpec(&counter_spec);
    if (counter == NULL || PyModule_AddObject(module, "Counter", counter) != 0) {
        Py_XDECREF(counter);
        Py_DECREF(module);
        return NULL;
    }
    return module;
}
