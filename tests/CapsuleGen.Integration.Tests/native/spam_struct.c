/* A C consumer of a C# table exported as a C struct (Layout = CapsuleLayout.CStruct): the struct is
 * declared here as a C header would declare it, in the order of the C# members, so that the tests
 * can compare sizeof and offsetof with the layout the generator computed, and C reads the values
 * and calls the C# functions through it. */
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#define EXPORT __attribute__((visibility("default")))

struct SpamStruct {
    const char *magic;
    int size;
    uint8_t major;
    int16_t minor;
    double scale;
    double (*add)(double, double);
    float ratio;
    int64_t (*sum)(int64_t *, intptr_t);
    int64_t epoch;
    bool enabled;
    int (*apply)(int (*)(int), int);
    uint16_t tail;
};

/* The layout as this compiler sees it: the size, then each field's offset in declaration order. */
EXPORT int spam_struct_layout(int64_t *values, int count) {
    const int64_t layout[] = {
        (int64_t)sizeof(struct SpamStruct),
        (int64_t)offsetof(struct SpamStruct, magic),
        (int64_t)offsetof(struct SpamStruct, size),
        (int64_t)offsetof(struct SpamStruct, major),
        (int64_t)offsetof(struct SpamStruct, minor),
        (int64_t)offsetof(struct SpamStruct, scale),
        (int64_t)offsetof(struct SpamStruct, add),
        (int64_t)offsetof(struct SpamStruct, ratio),
        (int64_t)offsetof(struct SpamStruct, sum),
        (int64_t)offsetof(struct SpamStruct, epoch),
        (int64_t)offsetof(struct SpamStruct, enabled),
        (int64_t)offsetof(struct SpamStruct, apply),
        (int64_t)offsetof(struct SpamStruct, tail),
    };
    const int total = (int)(sizeof layout / sizeof layout[0]);
    for (int i = 0; i < count && i < total; i++) {
        values[i] = layout[i];
    }
    return total;
}

static int triple(int x) {
    return 3 * x;
}

/* Reads every field and calls every function, as a C extension using the API would; writes what it
 * found into text. Returns -1 for a struct smaller than this declaration, as C code checking the
 * size field should. */
EXPORT int spam_struct_use(const struct SpamStruct *api, char *text, int capacity) {
    if (api->size < (int)sizeof(struct SpamStruct)) {
        return -1;
    }
    int64_t numbers[] = {1, 2, 3, 4};
    return snprintf(text, (size_t)capacity, "%s|%d|%u|%d|%g|%g|%g|%lld|%lld|%d|%d|%u",
                    api->magic, api->size, (unsigned)api->major, (int)api->minor, api->scale,
                    api->add(40.0, 2.5), (double)api->ratio, (long long)api->sum(numbers, 4),
                    (long long)api->epoch, api->enabled ? 1 : 0, api->apply(triple, 14), (unsigned)api->tail);
}
