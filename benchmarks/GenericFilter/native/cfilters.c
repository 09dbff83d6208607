// CFilters: the same mean callback as Filters.cs, written in C as a C extension module.
#define PY_SSIZE_T_CLEAN
#include <Python.h>
#include <stdint.h>

static int mean(double *buffer, intptr_t size, double *result, void *user_data) {
    (void)user_data;
    double sum = 0;
    for (intptr_t i = 0; i < size; i++) {
        sum += buffer[i];
    }
    *result = sum / size;
    return 1;
}

static PyObject *mean_callable(PyObject *module, PyObject *unused) {
    (void)module;
    (void)unused;
    return PyCapsule_New((void *)mean, "int (double *, intptr_t, double *, void *)", NULL);
}

static PyMethodDef cfilters_methods[] = {
    {"mean", mean_callable, METH_NOARGS, "mean($module, /)\n--\n\nThe mean callback, in a capsule named by its C signature."},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef cfilters_module = {
    PyModuleDef_HEAD_INIT, "CFilters", "Filter callbacks for scipy.ndimage.generic_filter, written in C.", -1,
    cfilters_methods, NULL, NULL, NULL, NULL,
};

PyMODINIT_FUNC PyInit_CFilters(void) {
    return PyModule_Create(&cfilters_module);
}
