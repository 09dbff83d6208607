/* What C reads from pyexpat's C API capsule, through pyexpat.h's own struct declaration, for the
 * tests to compare with what the C# C struct interface reads from the same capsule. Loaded into a
 * process that embeds CPython; call with the GIL held. */
#include <Python.h>
#include <expat.h>
#include <pyexpat.h>
#include <stdio.h>

#define EXPORT __attribute__((visibility("default")))

/* Writes the magic string, then into numbers: size, MAJOR, MINOR and MICRO_VERSION, and the
 * struct's sizeof as this header declares it; then ErrorString(code) for each code, one per line.
 * Returns 0, or -1 with the Python error set (and cleared here) when the capsule cannot be imported. */
EXPORT int expat_probe_read(char *magic, int magic_capacity, int *numbers, const int *codes, int count,
                            char *errors, int errors_capacity) {
    const struct PyExpat_CAPI *api = (const struct PyExpat_CAPI *)PyCapsule_Import(PyExpat_CAPSULE_NAME, 0);
    if (api == NULL) {
        PyErr_Clear();
        return -1;
    }

    snprintf(magic, (size_t)magic_capacity, "%s", api->magic);
    numbers[0] = api->size;
    numbers[1] = api->MAJOR_VERSION;
    numbers[2] = api->MINOR_VERSION;
    numbers[3] = api->MICRO_VERSION;
    numbers[4] = (int)sizeof(struct PyExpat_CAPI);

    int used = 0;
    errors[0] = '\0';
    for (int i = 0; i < count && used < errors_capacity; i++) {
        const XML_LChar *text = api->ErrorString((enum XML_Error)codes[i]);
        used += snprintf(errors + used, (size_t)(errors_capacity - used), "%s%s", i > 0 ? "\n" : "", text != NULL ? text : "(null)");
    }
    return 0;
}
