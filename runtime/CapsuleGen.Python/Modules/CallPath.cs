using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace CapsuleGen.Python.Modules;

/// <summary>
/// The CPython functions every module call makes on its way in and out, called without .NET's GC
/// transition: each is a few instructions that neither blocks, nor takes a lock, nor runs Python
/// code, so nothing can call back into .NET while this thread stays in cooperative mode. That is
/// only true of the inputs the callers give them: an exact <c>int</c> or <c>float</c> (no
/// <c>__index__</c> or <c>__float__</c> of a subclass runs), and values that allocate objects the
/// cyclic GC does not track (an <c>int</c>, a <c>float</c>). Anything else takes the ordinary
/// <see cref="Native.CPythonApi"/> path. Set when a module is created, before any of its functions can run.
/// </summary>
internal static unsafe class CallPath
{
    private static delegate* unmanaged[Cdecl, SuppressGCTransition]<nint, void> s_incRef;
    private static delegate* unmanaged[Cdecl, SuppressGCTransition]<nint, int*, long> s_asLongLongAndOverflow;
    private static delegate* unmanaged[Cdecl, SuppressGCTransition]<nint, double> s_asDouble;
    private static delegate* unmanaged[Cdecl, SuppressGCTransition]<long, nint> s_fromLongLong;
    private static delegate* unmanaged[Cdecl, SuppressGCTransition]<ulong, nint> s_fromUnsignedLongLong;
    private static delegate* unmanaged[Cdecl, SuppressGCTransition]<double, nint> s_fromDouble;

    /// <summary><c>int</c>, exactly (not <c>bool</c>, nor another subclass).</summary>
    public static nint LongType { get; private set; }

    /// <summary><c>float</c>, exactly.</summary>
    public static nint FloatType { get; private set; }

    public static nint None { get; private set; }

    /// <summary>Reads the functions from the process CPython runs in. Call with the GIL held, in the main interpreter.</summary>
    public static void Initialize(Native.CPythonApi api, nint process)
    {
        if (s_incRef != null)
        {
            return;
        }

        nint Export(string name) => Native.PythonSymbols.Required(process, name);
        LongType = api.LongType;
        FloatType = api.FloatType;
        None = api.None;
        s_asLongLongAndOverflow = (delegate* unmanaged[Cdecl, SuppressGCTransition]<nint, int*, long>)Export("PyLong_AsLongLongAndOverflow");
        s_asDouble = (delegate* unmanaged[Cdecl, SuppressGCTransition]<nint, double>)Export("PyFloat_AsDouble");
        s_fromLongLong = (delegate* unmanaged[Cdecl, SuppressGCTransition]<long, nint>)Export("PyLong_FromLongLong");
        s_fromUnsignedLongLong = (delegate* unmanaged[Cdecl, SuppressGCTransition]<ulong, nint>)Export("PyLong_FromUnsignedLongLong");
        s_fromDouble = (delegate* unmanaged[Cdecl, SuppressGCTransition]<double, nint>)Export("PyFloat_FromDouble");
        s_incRef = (delegate* unmanaged[Cdecl, SuppressGCTransition]<nint, void>)Export("Py_IncRef"); // last: it marks the rest as read
    }

    /// <summary>A new reference to <paramref name="obj"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static nint NewReference(nint obj)
    {
        s_incRef(obj);
        return obj;
    }

    /// <summary>An exact <c>int</c>'s value; false if it does not fit a <see cref="long"/> (no error is set).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool TryReadInt64(nint exactInt, out long value)
    {
        int overflow;
        value = s_asLongLongAndOverflow(exactInt, &overflow);
        return overflow == 0;
    }

    /// <summary>An exact <c>float</c>'s value, which never fails.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double ReadDouble(nint exactFloat) => s_asDouble(exactFloat);

    /// <summary>A new <c>int</c>; null, with <c>MemoryError</c> set, if it cannot be allocated.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static nint FromInt64(long value) => s_fromLongLong(value);

    /// <inheritdoc cref="FromInt64"/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static nint FromUInt64(ulong value) => s_fromUnsignedLongLong(value);

    /// <summary>A new <c>float</c>; null, with <c>MemoryError</c> set, if it cannot be allocated.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static nint FromDouble(double value) => s_fromDouble(value);
}
