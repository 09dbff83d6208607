/* The C side of the benchmarks: the same int (int) function the C# export computes, handed out as
 * a bare function pointer, the way a C module hands one to a capsule. */
#define EXPORT __attribute__((visibility("default")))

static int increment(int x) {
    return x + 1;
}

EXPORT int (*capsulebench_get_increment(void))(int) {
    return &increment;
}
