/* The sample's functions in C, for SciPy to call through capsules Python makes with
 * PyCapsule_New: the same arithmetic as Integrand.cs, in the same order, so the results match
 * to the last bit. */
#include <math.h>
#include <stdint.h>

#define EXPORT __attribute__((visibility("default")))

/* quad's integrand: "double (double)". */
EXPORT double damped_cosine(double x)
{
    return cos(100.0 * x) * exp(-x / 10.0);
}

/* generic_filter's callback: "int (double *, intptr_t, double *, void *)"; returns 1 for success. */
EXPORT int mean_filter(double *buffer, intptr_t size, double *result, void *user_data)
{
    (void)user_data;
    double sum = 0.0;
    for (intptr_t i = 0; i < size; i++) {
        sum += buffer[i];
    }

    *result = sum / (double)size;
    return 1;
}
