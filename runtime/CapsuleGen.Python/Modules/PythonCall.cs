using System.ComponentModel;
using System.Globalization;
using System.Reflection;

namespace CapsuleGen.Python.Modules;

/// <summary>
/// What every generated module function does around the user's method: check that it may run
/// (the argument count, and that the process is not a fork child of the one that loaded .NET),
/// and turn an exception into a Python exception, so that nothing unwinds into CPython.
/// Called by generated code, with the GIL held.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static unsafe class PythonCall
{
    /// <summary>Whether a function of <paramref name="function"/>'s module may run; if not, a Python exception is set.</summary>
    /// <param name="function">The function as messages name it: <c>Bird.setQuack</c>.</param>
    public static bool Enter(string function) => !ForkGuard.InForkedChild || ForkGuard.Refuse(function);

    /// <summary>
    /// Whether a function taking <paramref name="minimum"/> to <paramref name="maximum"/>
    /// positional arguments may run with <paramref name="count"/>; if not, a <c>TypeError</c> is set.
    /// </summary>
    public static bool Enter(string function, nint count, int minimum, int maximum)
    {
        if (ForkGuard.InForkedChild)
        {
            return ForkGuard.Refuse(function);
        }

        if (count >= minimum && count <= maximum)
        {
            return true;
        }

        string expected = minimum == maximum
            ? $"exactly {Arguments(minimum)}"
            : $"from {minimum.ToString(CultureInfo.InvariantCulture)} to {Arguments(maximum)}";
        return SetError(ModuleApi.Instance.TypeError, $"{function}() takes {expected} ({count.ToString(CultureInfo.InvariantCulture)} given)");
    }

    /// <summary>
    /// Sets the Python exception that stands for <paramref name="exception"/> and returns the
    /// failure value (null). Capsule errors become <c>ValueError</c>, a <see cref="PythonException"/>
    /// its Python type again where that is a built-in one, a few .NET exceptions their Python
    /// counterparts, and anything else <c>RuntimeError</c> naming the .NET type. Never throws.
    /// </summary>
    public static nint Raise(Exception exception)
    {
        try
        {
            ModuleApi api = ModuleApi.Instance;
            exception = Unwrap(exception);
            (nint type, string message) = exception switch
            {
                CapsuleNameMismatchException or CapsuleSignatureMismatchException or InvalidCapsuleException => (api.ValueError, exception.Message),
                ObjectDisposedException { ObjectName: nameof(Capsule) } => (api.ValueError, exception.Message),
                PythonException python => FromPython(python),
                ArgumentException => (api.ValueError, exception.Message),
                OverflowException => (api.OverflowError, exception.Message),
                DivideByZeroException => (api.ZeroDivisionError, exception.Message),
                NotImplementedException => (api.NotImplementedError, exception.Message),
                KeyNotFoundException => (api.KeyError, exception.Message),
                IndexOutOfRangeException => (api.IndexError, exception.Message),
                OutOfMemoryException => (api.MemoryError, exception.Message),
                _ => (api.RuntimeError, $"{exception.GetType().FullName}: {exception.Message}"),
            };
            SetError(type, message);
        }
        catch
        {
            SetErrorSafely();
        }

        return 0;
    }

    /// <summary>Sets a Python exception of <paramref name="type"/> and returns false, for the conversions' failure paths.</summary>
    internal static bool SetError(nint type, string message)
    {
        fixed (byte* text = CPython.Utf8(message))
        {
            ModuleApi.Instance.PyErr_SetString(type, text);
        }

        return false;
    }

    /// <summary>The exception a wrapper of the runtime's own hides the real one in.</summary>
    private static Exception Unwrap(Exception exception)
    {
        while (exception is TypeInitializationException or TargetInvocationException && exception.InnerException is not null)
        {
            exception = exception.InnerException;
        }

        return exception is AggregateException { InnerExceptions.Count: 1 } aggregate ? Unwrap(aggregate.InnerExceptions[0]) : exception;
    }

    /// <summary>A Python error that crossed into .NET and back: the built-in type again, or RuntimeError naming it.</summary>
    private static (nint Type, string Message) FromPython(PythonException exception)
    {
        ModuleApi api = ModuleApi.Instance;
        if (!exception.PythonType.Contains('.'))
        {
            nint builtins = CPython.Api.PyEval_GetBuiltins(); // borrowed
            fixed (byte* name = CPython.Utf8(exception.PythonType))
            {
                nint type = api.PyDict_GetItemString(builtins, name); // borrowed
                if (type != 0 && api.HasFlag(type, ModuleApi.TypeSubclass) && (api.PyType_GetFlags(type) & ModuleApi.BaseExceptionSubclass) != 0)
                {
                    return (type, exception.PythonMessage);
                }
            }
        }

        return (api.RuntimeError, exception.Message);
    }

    /// <summary>The last resort when even building the message failed: a constant message, set without allocating.</summary>
    private static void SetErrorSafely()
    {
        try
        {
            fixed (byte* text = "a .NET exception was thrown and could not be converted to a Python exception\0"u8)
            {
                ModuleApi.Instance.PyErr_SetString(ModuleApi.Instance.RuntimeError, text);
            }
        }
        catch
        {
            // Nothing may unwind into CPython; the caller returns null, which CPython reports as SystemError.
        }
    }

    private static string Arguments(int count) =>
        count.ToString(CultureInfo.InvariantCulture) + (count == 1 ? " argument" : " arguments");
}
