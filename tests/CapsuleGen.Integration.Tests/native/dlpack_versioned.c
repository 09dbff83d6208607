/* A C library that produces and consumes DLPack 1.0 versioned tensors, as NumPy or torch would:
 * the tests hand .NET tensors to it and adopt the ones it makes. The ABI is declared here from the
 * DLPack 1.0 specification rather than taken from dlpack.h, so that a layout the C# structs got
 * wrong cannot be hidden by sharing a header; the static assertions pin the x86-64 layout. */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>

#define EXPORT __attribute__((visibility("default")))

/* ---- The DLPack 1.0 ABI ---- */

typedef struct {
    uint32_t major;
    uint32_t minor;
} DLPackVersion;

typedef enum {
    kDLCPU = 1,
    kDLCUDA = 2,
    kDLCUDAHost = 3,
} DLDeviceType;

typedef struct {
    DLDeviceType device_type;
    int32_t device_id;
} DLDevice;

typedef enum {
    kDLInt = 0,
    kDLUInt = 1,
    kDLFloat = 2,
} DLDataTypeCode;

typedef struct {
    uint8_t code;   /* a DLDataTypeCode */
    uint8_t bits;
    uint16_t lanes;
} DLDataType;

typedef struct {
    void *data;
    DLDevice device;
    int32_t ndim;
    DLDataType dtype;
    int64_t *shape;
    int64_t *strides;      /* in elements; NULL for compact row-major */
    uint64_t byte_offset;
} DLTensor;

typedef struct DLManagedTensorVersioned {
    DLPackVersion version;
    void *manager_ctx;
    void (*deleter)(struct DLManagedTensorVersioned *self);
    uint64_t flags;
    DLTensor dl_tensor;
} DLManagedTensorVersioned;

#define DLPACK_MAJOR_VERSION 1u
#define DLPACK_FLAG_BITMASK_READ_ONLY ((uint64_t)1 << 0)
#define DLPACK_FLAG_BITMASK_IS_COPIED ((uint64_t)1 << 1)

_Static_assert(sizeof(DLPackVersion) == 8, "DLPackVersion is two 32-bit numbers");
_Static_assert(sizeof(DLDevice) == 8, "DLDevice is an int-sized enum and an int32");
_Static_assert(sizeof(DLDataType) == 4, "DLDataType is packed into 32 bits");
_Static_assert(offsetof(DLDataType, lanes) == 2, "lanes follows code and bits");
_Static_assert(sizeof(DLTensor) == 48, "DLTensor on x86-64");
_Static_assert(offsetof(DLTensor, device) == 8, "DLTensor.device");
_Static_assert(offsetof(DLTensor, ndim) == 16, "DLTensor.ndim");
_Static_assert(offsetof(DLTensor, dtype) == 20, "DLTensor.dtype");
_Static_assert(offsetof(DLTensor, shape) == 24, "DLTensor.shape");
_Static_assert(offsetof(DLTensor, strides) == 32, "DLTensor.strides");
_Static_assert(offsetof(DLTensor, byte_offset) == 40, "DLTensor.byte_offset");
_Static_assert(sizeof(DLManagedTensorVersioned) == 80, "DLManagedTensorVersioned on x86-64");
_Static_assert(offsetof(DLManagedTensorVersioned, manager_ctx) == 8, "manager_ctx follows the version");
_Static_assert(offsetof(DLManagedTensorVersioned, deleter) == 16, "DLManagedTensorVersioned.deleter");
_Static_assert(offsetof(DLManagedTensorVersioned, flags) == 24, "DLManagedTensorVersioned.flags");
_Static_assert(offsetof(DLManagedTensorVersioned, dl_tensor) == 32, "DLManagedTensorVersioned.dl_tensor");

/* The layout as this compiler sees it, for the tests to compare with C#'s, in this order. */
EXPORT int dlpack_tests_layout(int64_t *values, int count) {
    const int64_t layout[] = {
        (int64_t)sizeof(DLTensor),
        (int64_t)sizeof(DLManagedTensorVersioned),
        (int64_t)offsetof(DLManagedTensorVersioned, manager_ctx),
        (int64_t)offsetof(DLManagedTensorVersioned, deleter),
        (int64_t)offsetof(DLManagedTensorVersioned, flags),
        (int64_t)offsetof(DLManagedTensorVersioned, dl_tensor),
        (int64_t)offsetof(DLTensor, dtype),
        (int64_t)offsetof(DLTensor, byte_offset),
    };
    const int total = (int)(sizeof layout / sizeof layout[0]);
    for (int i = 0; i < count && i < total; i++) {
        values[i] = layout[i];
    }
    return total;
}

/* ---- Reading any host tensor through its strides ---- */

enum { MAX_DIMS = 8 };

/* The strides in elements: the tensor's own, or the compact row-major ones for NULL. */
static void element_strides(const DLTensor *tensor, int64_t *strides) {
    int64_t stride = 1;
    for (int d = tensor->ndim - 1; d >= 0; d--) {
        strides[d] = tensor->strides != NULL ? tensor->strides[d] : stride;
        stride *= tensor->shape[d] > 1 ? tensor->shape[d] : 1;
    }
}

static int64_t element_count(const DLTensor *tensor) {
    int64_t count = 1;
    for (int d = 0; d < tensor->ndim; d++) {
        count *= tensor->shape[d];
    }
    return count;
}

/* The address of the element at index, in elements of size bytes from data + byte_offset. */
static char *element_at(const DLTensor *tensor, const int64_t *index, size_t size) {
    int64_t strides[MAX_DIMS];
    element_strides(tensor, strides);
    int64_t offset = 0;
    for (int d = 0; d < tensor->ndim; d++) {
        offset += index[d] * strides[d];
    }
    return (char *)tensor->data + tensor->byte_offset + offset * (int64_t)size;
}

static int is_host_float(const DLTensor *tensor, int bits) {
    return (tensor->device.device_type == kDLCPU || tensor->device.device_type == kDLCUDAHost)
        && tensor->dtype.code == kDLFloat && tensor->dtype.bits == bits && tensor->dtype.lanes == 1;
}

/* ---- The producer: a float32 2x3 matrix holding 0..5 ---- */

/* What the producer's deleter frees; the tensor's shape and strides live here too. */
typedef struct {
    int64_t shape[2];
    int64_t strides[2];
    float *data;
} ProducedContext;

static int64_t produced_deleted;

static void delete_produced(DLManagedTensorVersioned *self) {
    ProducedContext *context = self->manager_ctx;
    free(context->data);
    free(context);
    free(self);
    /* Consumers may call deleters on any thread. */
    __atomic_fetch_add(&produced_deleted, 1, __ATOMIC_SEQ_CST);
}

/* A new tensor whose deleter counts; leading elements (set to -1) sit before the first element,
 * reached through byte_offset, so a consumer that ignores it reads the wrong values. */
EXPORT DLManagedTensorVersioned *dlpack_tests_produce(uint32_t major, uint64_t flags, int with_strides, uint64_t leading) {
    DLManagedTensorVersioned *tensor = calloc(1, sizeof *tensor);
    ProducedContext *context = calloc(1, sizeof *context);
    float *data = malloc((leading + 6) * sizeof *data);
    if (tensor == NULL || context == NULL || data == NULL) {
        free(tensor);
        free(context);
        free(data);
        return NULL;
    }

    for (uint64_t i = 0; i < leading; i++) {
        data[i] = -1.0f;
    }
    for (int i = 0; i < 6; i++) {
        data[leading + (uint64_t)i] = (float)i;
    }
    context->shape[0] = 2;
    context->shape[1] = 3;
    context->strides[0] = 3;
    context->strides[1] = 1;
    context->data = data;

    tensor->version.major = major;
    tensor->version.minor = 0;
    tensor->manager_ctx = context;
    tensor->deleter = delete_produced;
    tensor->flags = flags;
    tensor->dl_tensor.data = data;
    tensor->dl_tensor.device.device_type = kDLCPU;
    tensor->dl_tensor.device.device_id = 0;
    tensor->dl_tensor.ndim = 2;
    tensor->dl_tensor.dtype.code = kDLFloat;
    tensor->dl_tensor.dtype.bits = 32;
    tensor->dl_tensor.dtype.lanes = 1;
    tensor->dl_tensor.shape = context->shape;
    tensor->dl_tensor.strides = with_strides ? context->strides : NULL;
    tensor->dl_tensor.byte_offset = leading * sizeof *data;
    return tensor;
}

/* How many tensors the producer made have been deleted. */
EXPORT int64_t dlpack_tests_produced_deleted(void) {
    return __atomic_load_n(&produced_deleted, __ATOMIC_SEQ_CST);
}

/* Element (row, column) of a float32 matrix, read as C would after another library wrote to it. */
EXPORT float dlpack_tests_read_float(const DLManagedTensorVersioned *tensor, int64_t row, int64_t column) {
    const int64_t index[2] = {row, column};
    return *(const float *)element_at(&tensor->dl_tensor, index, sizeof(float));
}

/* ---- The consumer ---- */

enum {
    CONSUMED_WRITTEN = 0,       /* summed, and value written to the first element */
    CONSUMED_READ_ONLY = 1,     /* summed; the read-only flag forbade the write */
    REFUSED_VERSION = -1,       /* a major version this consumer does not know */
    REFUSED_TYPE = -2,          /* not float32 or float64 host memory */
    REFUSED_RANK = -3,          /* more dimensions than this consumer reads */
};

/* Takes ownership of a tensor, as a consumer of a "dltensor_versioned" capsule does: checks the
 * version before anything else, sums the elements (float32 or float64) through the strides and byte
 * offset, writes value to the first element unless it is read-only, and calls the deleter once,
 * whatever happened. */
EXPORT int dlpack_tests_consume(DLManagedTensorVersioned *managed, double value, double *sum) {
    int result;
    *sum = 0;
    if (managed->version.major != DLPACK_MAJOR_VERSION) {
        result = REFUSED_VERSION;   /* nothing past the version may be read */
    } else if (managed->dl_tensor.ndim < 0 || managed->dl_tensor.ndim > MAX_DIMS) {
        result = REFUSED_RANK;
    } else if (!is_host_float(&managed->dl_tensor, 64) && !is_host_float(&managed->dl_tensor, 32)) {
        result = REFUSED_TYPE;
    } else {
        const DLTensor *tensor = &managed->dl_tensor;
        const int is_double = tensor->dtype.bits == 64;
        const size_t size = is_double ? sizeof(double) : sizeof(float);
        const int64_t count = element_count(tensor);
        int64_t index[MAX_DIMS] = {0};
        double total = 0;
        for (int64_t i = 0; i < count; i++) {
            const char *element = element_at(tensor, index, size);
            total += is_double ? *(const double *)element : (double)*(const float *)element;
            /* The next index in row-major order. */
            for (int d = tensor->ndim - 1; d >= 0; d--) {
                if (++index[d] < tensor->shape[d]) {
                    break;
                }
                index[d] = 0;
            }
        }
        *sum = total;

        if (managed->flags & DLPACK_FLAG_BITMASK_READ_ONLY) {
            result = CONSUMED_READ_ONLY;
        } else {
            if (count > 0) {
                const int64_t first[MAX_DIMS] = {0};
                char *element = element_at(tensor, first, size);
                if (is_double) {
                    *(double *)element = value;
                } else {
                    *(float *)element = (float)value;
                }
            }
            result = CONSUMED_WRITTEN;
        }
    }

    if (managed->deleter != NULL) {
        managed->deleter(managed);
    }
    return result;
}
