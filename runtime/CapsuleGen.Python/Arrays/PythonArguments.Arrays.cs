using CapsuleGen.DLPack;
using CapsuleGen.Python.Arrays;

namespace CapsuleGen.Python.Modules;

/// <summary>Array arguments: the memory of a NumPy array, a buffer or a DLPack tensor, lent for the call without a copy.</summary>
public static unsafe partial class PythonArguments
{
    /// <summary>A C-contiguous array of <typeparamref name="T"/>, read-only (any buffer will do, <c>bytes</c> too).</summary>
    public static bool TryConvert<T>(nint obj, string function, string parameter, scoped ref ArrayArgument argument, out ReadOnlySpan<T> value) where T : unmanaged
    {
        value = default;
        if (!TryOpenArray<T>(obj, function, parameter, ref argument, writable: false, contiguous: true, out TensorLayout layout))
        {
            return false;
        }

        value = layout.AsSpan<T>();
        return true;
    }

    /// <summary>A writable C-contiguous array of <typeparamref name="T"/>: what the method writes, the caller's array holds.</summary>
    public static bool TryConvert<T>(nint obj, string function, string parameter, scoped ref ArrayArgument argument, out Span<T> value) where T : unmanaged
    {
        value = default;
        if (!TryOpenArray<T>(obj, function, parameter, ref argument, writable: true, contiguous: true, out TensorLayout layout))
        {
            return false;
        }

        value = layout.AsSpan<T>();
        return true;
    }

    /// <summary>An array of <typeparamref name="T"/> of any shape and strides, read-only.</summary>
    public static bool TryConvert<T>(nint obj, string function, string parameter, scoped ref ArrayArgument argument, out ReadOnlyStridedSpan<T> value) where T : unmanaged
    {
        value = default;
        if (!TryOpenArray<T>(obj, function, parameter, ref argument, writable: false, contiguous: false, out TensorLayout layout))
        {
            return false;
        }

        value = layout.AsStridedSpan<T>();
        return true;
    }

    /// <summary>A writable array of <typeparamref name="T"/> of any shape and strides.</summary>
    public static bool TryConvert<T>(nint obj, string function, string parameter, scoped ref ArrayArgument argument, out StridedSpan<T> value) where T : unmanaged
    {
        value = default;
        if (!TryOpenArray<T>(obj, function, parameter, ref argument, writable: true, contiguous: false, out TensorLayout layout))
        {
            return false;
        }

        value = layout.AsStridedSpan<T>();
        return true;
    }

    /// <summary>An array as <see cref="TryConvert{T}(nint, string, string, ref ArrayArgument, out ReadOnlySpan{T})"/> takes it, or <c>None</c> (an empty span), for a parameter whose default is <c>default</c>.</summary>
    public static bool TryConvertOrNone<T>(nint obj, string function, string parameter, scoped ref ArrayArgument argument, out ReadOnlySpan<T> value) where T : unmanaged
    {
        value = default;
        return obj == CPython.Api.None || TryConvert(obj, function, parameter, ref argument, out value);
    }

    /// <summary>A writable array, or <c>None</c> (an empty span).</summary>
    public static bool TryConvertOrNone<T>(nint obj, string function, string parameter, scoped ref ArrayArgument argument, out Span<T> value) where T : unmanaged
    {
        value = default;
        return obj == CPython.Api.None || TryConvert(obj, function, parameter, ref argument, out value);
    }

    /// <summary>An array of any layout, or <c>None</c> (the default view, which holds no elements).</summary>
    public static bool TryConvertOrNone<T>(nint obj, string function, string parameter, scoped ref ArrayArgument argument, out ReadOnlyStridedSpan<T> value) where T : unmanaged
    {
        value = default;
        return obj == CPython.Api.None || TryConvert(obj, function, parameter, ref argument, out value);
    }

    /// <summary>A writable array of any layout, or <c>None</c> (the default view, which holds no elements).</summary>
    public static bool TryConvertOrNone<T>(nint obj, string function, string parameter, scoped ref ArrayArgument argument, out StridedSpan<T> value) where T : unmanaged
    {
        value = default;
        return obj == CPython.Api.None || TryConvert(obj, function, parameter, ref argument, out value);
    }

    private static bool TryOpenArray<T>(nint obj, string function, string parameter, scoped ref ArrayArgument argument, bool writable, bool contiguous, out TensorLayout layout) where T : unmanaged
    {
        // Nothing here allocates until a check fails: this runs on every call.
        layout = default;
        DLDataType expected = ElementType<T>.DataType ?? throw new NotSupportedException($"{typeof(T).Name} is not an array element type.");
        if (!argument.TryOpen(obj, function, parameter, out bool notAnArray))
        {
            if (notAnArray)
            {
                CPython.Api.PyErr_Clear();
                return ArrayMismatch(function, parameter, ModuleApi.Instance.TypeError, Wanted(expected, writable) + " (an object with the buffer protocol or __dlpack__)", ModuleApi.TypeName(obj));
            }

            return false;
        }

        if (argument.DataType<T>() is not { } known)
        {
            return ArrayMismatch(function, parameter, ModuleApi.Instance.TypeError, Wanted(expected, writable), argument.Describe());
        }

        layout = argument.Layout(known);
        if (layout.Check<T>(writable, contiguous) is { } mismatch)
        {
            bool typeError = mismatch.Kind is TensorMismatchKind.DataType or TensorMismatchKind.ReadOnly;
            string found = mismatch.Kind == TensorMismatchKind.ReadOnly ? $"a read-only {ModuleApi.TypeName(obj)}" : mismatch.Found;
            return ArrayMismatch(function, parameter, typeError ? ModuleApi.Instance.TypeError : ModuleApi.Instance.ValueError, mismatch.Expected, found);
        }

        return true;
    }

    private static string Wanted(DLDataType expected, bool writable) => $"{(writable ? "a writable" : "an")} array of {expected}";

    private static bool ArrayMismatch(string function, string parameter, nint type, string expected, string found) =>
        PythonCall.SetError(type, $"{function}() argument '{parameter}' must be {expected}, not {found}");
}
