using System.ComponentModel;
using System.Globalization;
using System.Runtime.CompilerServices;

namespace CapsuleGen.Python.Modules;

/// <summary>
/// Converts the arguments of a generated module function, with the GIL held: one <c>TryConvert</c>
/// overload per C# type, chosen by the type of its <c>out</c> parameter, and a <c>TryConvertOrNone</c>
/// for the types <c>None</c> stands for null in. Each method returns
/// false after setting a Python exception that names the function and the parameter, in
/// CPython's own words: <c>Bird.setQuack() argument 'quack' must be a capsule, not type</c>.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static unsafe partial class PythonArguments
{
    /// <summary>
    /// An <c>int</c> (or subclass, such as <c>bool</c>), or anything with <c>__index__</c> (a NumPy
    /// integer), as CPython's own argument parsing takes integers, that fits a <see cref="long"/>.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool TryConvert(nint obj, string function, string parameter, out long value) =>
        TrySigned(obj, function, parameter, "long", long.MinValue, long.MaxValue, out value);

    /// <summary>An <c>int</c> that fits an <see cref="int"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool TryConvert(nint obj, string function, string parameter, out int value)
    {
        bool converted = TrySigned(obj, function, parameter, "int", int.MinValue, int.MaxValue, out long wide);
        value = (int)wide;
        return converted;
    }

    /// <summary>An <c>int</c> that fits a <see cref="short"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool TryConvert(nint obj, string function, string parameter, out short value)
    {
        bool converted = TrySigned(obj, function, parameter, "short", short.MinValue, short.MaxValue, out long wide);
        value = (short)wide;
        return converted;
    }

    /// <summary>An <c>int</c> that fits an <see cref="sbyte"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool TryConvert(nint obj, string function, string parameter, out sbyte value)
    {
        bool converted = TrySigned(obj, function, parameter, "sbyte", sbyte.MinValue, sbyte.MaxValue, out long wide);
        value = (sbyte)wide;
        return converted;
    }

    /// <summary>An <c>int</c> that fits an <see cref="nint"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool TryConvert(nint obj, string function, string parameter, out nint value)
    {
        bool converted = TrySigned(obj, function, parameter, "nint", nint.MinValue, nint.MaxValue, out long wide);
        value = (nint)wide;
        return converted;
    }

    /// <summary>A non-negative <c>int</c> that fits a <see cref="ulong"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool TryConvert(nint obj, string function, string parameter, out ulong value) =>
        TryUnsigned(obj, function, parameter, "ulong", ulong.MaxValue, out value);

    /// <summary>A non-negative <c>int</c> that fits a <see cref="uint"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool TryConvert(nint obj, string function, string parameter, out uint value)
    {
        bool converted = TryUnsigned(obj, function, parameter, "uint", uint.MaxValue, out ulong wide);
        value = (uint)wide;
        return converted;
    }

    /// <summary>A non-negative <c>int</c> that fits a <see cref="ushort"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool TryConvert(nint obj, string function, string parameter, out ushort value)
    {
        bool converted = TryUnsigned(obj, function, parameter, "ushort", ushort.MaxValue, out ulong wide);
        value = (ushort)wide;
        return converted;
    }

    /// <summary>A non-negative <c>int</c> that fits a <see cref="byte"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool TryConvert(nint obj, string function, string parameter, out byte value)
    {
        bool converted = TryUnsigned(obj, function, parameter, "byte", byte.MaxValue, out ulong wide);
        value = (byte)wide;
        return converted;
    }

    /// <summary>A non-negative <c>int</c> that fits an <see cref="nuint"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool TryConvert(nint obj, string function, string parameter, out nuint value)
    {
        bool converted = TryUnsigned(obj, function, parameter, "nuint", nuint.MaxValue, out ulong wide);
        value = (nuint)wide;
        return converted;
    }

    /// <summary>
    /// A <c>float</c>, or anything Python converts to one (an <c>int</c>, an object with <c>__float__</c>
    /// or <c>__index__</c>). What such a conversion raises is kept, a <c>TypeError</c> too.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool TryConvert(nint obj, string function, string parameter, out double value)
    {
        if (ModuleApi.TypeOf(obj) == CallPath.FloatType)
        {
            value = CallPath.ReadDouble(obj);
            return true;
        }

        return TryDoubleSlowly(obj, function, parameter, out value);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static bool TryDoubleSlowly(nint obj, string function, string parameter, out double value)
    {
        value = 0;
        ModuleApi api = ModuleApi.Instance;
        if (!ModuleApi.HasFloatConversion(obj) && api.PyIndex_Check(obj) == 0)
        {
            return WrongType(obj, function, parameter, "float");
        }

        value = CPython.Api.PyFloat_AsDouble(obj);
        return value != -1.0 || CPython.Api.PyErr_Occurred() == 0;
    }

    /// <summary>A <c>float</c> as a <see cref="float"/> (rounded, as C rounds a double to a float).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool TryConvert(nint obj, string function, string parameter, out float value)
    {
        bool converted = TryConvert(obj, function, parameter, out double wide);
        value = (float)wide;
        return converted;
    }

    /// <summary>Exactly <c>True</c> or <c>False</c>: an <c>int</c> or any other object is a <c>TypeError</c>, not a truth value.</summary>
    public static bool TryConvert(nint obj, string function, string parameter, out bool value)
    {
        value = obj == ModuleApi.Instance.True;
        return ModuleApi.TypeOf(obj) == CPython.Api.BoolType || WrongType(obj, function, parameter, "bool");
    }

    /// <summary>
    /// A <c>str</c>, exactly: a lone surrogate stays one, as .NET strings hold them too (so a string a
    /// method returned comes back as it went). Only lone surrogates side by side, which .NET would read
    /// as one character, are a <c>ValueError</c>.
    /// </summary>
    public static bool TryConvert(nint obj, string function, string parameter, out string value)
    {
        value = string.Empty;
        if (ModuleApi.TypeOf(obj) != CPython.Api.UnicodeType && !ModuleApi.Instance.HasFlag(obj, ModuleApi.UnicodeSubclass))
        {
            return WrongType(obj, function, parameter, "str");
        }

        string? text = PythonText.FromPython(CPython.Api, obj);
        if (text is null)
        {
            return false;
        }

        value = text;
        return true;
    }

    /// <summary>A <c>str</c> or <c>None</c> (null).</summary>
    public static bool TryConvertOrNone(nint obj, string function, string parameter, out string? value)
    {
        if (obj == CPython.Api.None)
        {
            value = null;
            return true;
        }

        bool converted = TryConvert(obj, function, parameter, out string text);
        value = text;
        return converted || WrongTypeAgain(obj, function, parameter, "str or None");
    }

    /// <summary>
    /// A <c>PyCapsule</c>, as a new handle to a <see cref="Capsule"/> with the capsule's own name,
    /// lent to the method for the call: the wrapper releases it afterwards (<see cref="Release"/>),
    /// and a method that keeps the capsule binds it or takes its own handle with <see cref="Capsule.Share"/>.
    /// The name is checked where it matters, by the binding the capsule is given to; a name that is
    /// not UTF-8 keeps its bytes (see <see cref="CapsuleNames"/>), so it matches no other name. A capsule
    /// handed out by this module's runtime comes back as a handle to the same capsule.
    /// </summary>
    public static bool TryConvert(nint obj, string function, string parameter, out Capsule value)
    {
        value = null!;
        if (ModuleApi.TypeOf(obj) != CPython.Api.CapsuleType)
        {
            return WrongType(obj, function, parameter, "a capsule");
        }

        byte* name = CPython.Api.PyCapsule_GetName(obj);
        if (name == null && CPython.Api.PyErr_Occurred() != 0)
        {
            return false;
        }

        // CPython holds the argument for the call, and the GIL is held: the object and its name stay.
        value = PyCapsules.Open(CPython.Api, obj, name, CapsuleNames.FromNative(name));
        return true;
    }

    /// <summary>A <c>PyCapsule</c> or <c>None</c> (null).</summary>
    public static bool TryConvertOrNone(nint obj, string function, string parameter, out Capsule? value)
    {
        if (obj == CPython.Api.None)
        {
            value = null;
            return true;
        }

        bool converted = TryConvert(obj, function, parameter, out Capsule capsule);
        value = capsule;
        return converted || WrongTypeAgain(obj, function, parameter, "a capsule or None");
    }

    /// <summary>Releases a capsule handle lent to a method for one call. Never throws: it runs in the wrapper's finally.</summary>
    public static void Release(Capsule? lent)
    {
        try
        {
            lent?.Dispose();
        }
        catch (Exception exception)
        {
            // Only a destructor can throw here, and nothing may unwind into CPython.
            CapsuleBoundary.Record(lent!.Name, "the capsule's destructor", exception);
        }
    }

    /// <summary>
    /// Any object, as a handle the wrapper disposes when the call returns; never fails. A method
    /// that keeps the object takes its own reference (<see cref="PyObject.From"/>).
    /// </summary>
    public static PyObject Object(nint obj) => PyObject.Borrow(obj); // the GIL is held: CPython is calling

    /// <summary>An exact <c>int</c> in range takes the inlined first branch; anything else, <see cref="TrySignedSlowly"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool TrySigned(nint obj, string function, string parameter, string typeName, long minimum, long maximum, out long value) =>
        (ModuleApi.TypeOf(obj) == CallPath.LongType && CallPath.TryReadInt64(obj, out value) && value >= minimum && value <= maximum) ||
        TrySignedSlowly(obj, function, parameter, typeName, minimum, maximum, out value);

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static bool TrySignedSlowly(nint obj, string function, string parameter, string typeName, long minimum, long maximum, out long value)
    {
        value = 0;
        if (!TryInteger(obj, function, parameter, out nint integer))
        {
            return false;
        }

        value = CPython.Api.PyLong_AsLongLong(integer);
        bool overflowed = value == -1 && CPython.Api.PyErr_Occurred() != 0;
        CPython.Api.Py_DecRef(integer);
        if (overflowed)
        {
            CPython.Api.PyErr_Clear();
        }

        return (!overflowed && value >= minimum && value <= maximum) ||
               OutOfRange(function, parameter, typeName, minimum.ToString(CultureInfo.InvariantCulture), maximum.ToString(CultureInfo.InvariantCulture));
    }

    /// <summary>An exact non-negative <c>int</c> in range takes the inlined first branch; anything else, <see cref="TryUnsignedSlowly"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool TryUnsigned(nint obj, string function, string parameter, string typeName, ulong maximum, out ulong value)
    {
        if (ModuleApi.TypeOf(obj) == CallPath.LongType && CallPath.TryReadInt64(obj, out long small) && small >= 0 && (ulong)small <= maximum)
        {
            value = (ulong)small;
            return true;
        }

        return TryUnsignedSlowly(obj, function, parameter, typeName, maximum, out value);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static bool TryUnsignedSlowly(nint obj, string function, string parameter, string typeName, ulong maximum, out ulong value)
    {
        value = 0;
        if (!TryInteger(obj, function, parameter, out nint integer))
        {
            return false;
        }

        value = ModuleApi.Instance.PyLong_AsUnsignedLongLong(integer);
        bool overflowed = value == ulong.MaxValue && CPython.Api.PyErr_Occurred() != 0;
        CPython.Api.Py_DecRef(integer);
        if (overflowed)
        {
            CPython.Api.PyErr_Clear();
        }

        return (!overflowed && value <= maximum) || OutOfRange(function, parameter, typeName, "0", maximum.ToString(CultureInfo.InvariantCulture));
    }

    /// <summary>
    /// A new reference to the <c>int</c> an argument stands for: itself, or what its <c>__index__</c>
    /// returns (as CPython parses integer arguments), whose own error is kept if it raises.
    /// </summary>
    private static bool TryInteger(nint obj, string function, string parameter, out nint integer)
    {
        ModuleApi api = ModuleApi.Instance;
        if (api.HasFlag(obj, ModuleApi.LongSubclass))
        {
            CPython.Api.Py_IncRef(obj);
            integer = obj;
            return true;
        }

        integer = 0;
        if (api.PyIndex_Check(obj) == 0)
        {
            return WrongType(obj, function, parameter, "int");
        }

        integer = api.PyNumber_Index(obj);
        return integer != 0;
    }

    private static bool WrongType(nint obj, string function, string parameter, string expected) =>
        PythonCall.SetError(ModuleApi.Instance.TypeError, $"{function}() argument '{parameter}' must be {expected}, not {ModuleApi.TypeName(obj)}");

    /// <summary>Rewrites a <c>TypeError</c> just set to name the nullable alternative; other errors stay.</summary>
    private static bool WrongTypeAgain(nint obj, string function, string parameter, string expected)
    {
        ModuleApi api = ModuleApi.Instance;
        if (api.PyErr_ExceptionMatches(api.TypeError) != 0)
        {
            CPython.Api.PyErr_Clear();
            return WrongType(obj, function, parameter, expected);
        }

        return false;
    }

    private static bool OutOfRange(string function, string parameter, string typeName, string minimum, string maximum) =>
        PythonCall.SetError(ModuleApi.Instance.OverflowError, $"{function}() argument '{parameter}' does not fit a C# {typeName} ({minimum} to {maximum})");
}
