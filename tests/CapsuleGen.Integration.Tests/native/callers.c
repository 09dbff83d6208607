/* Native code that calls function pointers handed to it, as SciPy or any C library would:
 * the tests give it pointers out of capsules and check what comes back. */
#define EXPORT __attribute__((visibility("default")))

EXPORT void capsule_tests_call_void(void (*function)(void)) {
    function();
}

EXPORT int capsule_tests_call_int(int (*function)(int), int x) {
    return function(x);
}

EXPORT int capsule_tests_call_int_of_void(int (*function)(void)) {
    return function();
}

EXPORT double capsule_tests_call_double(double (*function)(double), double x) {
    return function(x);
}

EXPORT float capsule_tests_call_float(float (*function)(float), float x) {
    return function(x);
}

EXPORT void *capsule_tests_call_pointer(void *(*function)(void)) {
    return function();
}

/* A function written in C, for bindings that switch between C# and C targets. */
static int native_two(int x) {
    return 2 + 0 * x;
}

EXPORT int (*capsule_tests_get_native_two(void))(int) {
    return &native_two;
}
