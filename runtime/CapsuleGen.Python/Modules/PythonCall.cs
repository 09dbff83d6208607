using System.ComponentModel;
using System.Globalization;
using System.Reflection;
using CapsuleGen.Python.Native;

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
    /// <summary>
    /// Whether a function of <paramref name="function"/>'s module may run (not in a forked child; a
    /// subinterpreter never gets the module, see <see cref="ExtensionModule.Create(string, string?, PythonMethod[], PythonModuleCapsule[], PythonType[])"/>); if not, a Python exception is set. Also releases the Python references
    /// .NET gave up since the last GIL acquisition, as the thread holds the GIL now.
    /// </summary>
    /// <param name="function">The function as messages name it: <c>Bird.setQuack</c>.</param>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    public static bool Enter(string function)
    {
        // Each check is one read, or one call of a few instructions: they run on every call.
        if (ForkGuard.InForkedChild)
        {
            return ForkGuard.Refuse(function);
        }

        if (!DeferredReleases.IsEmpty)
        {
            DeferredReleases.Drain(CPython.Api);
        }

        return true;
    }

    /// <summary>
    /// Where the arguments of a call are, one per parameter of <paramref name="signature"/>, if the
    /// function may run (see <see cref="Enter(string)"/>) with them; null, with a Python exception set,
    /// if not. A call that gives every parameter by position is read where CPython put it; one that
    /// leaves some to their defaults is laid out in <paramref name="given"/>, with zero for each of
    /// those; one with keywords, or with a count the signature refuses, is bound (or refused, with a
    /// <c>TypeError</c> in CPython's words) by <see cref="KeywordArguments"/>.
    /// </summary>
    /// <param name="signature">The function's parameters.</param>
    /// <param name="args">The positional arguments, then the keyword arguments' values.</param>
    /// <param name="count">How many arguments are positional.</param>
    /// <param name="keywords">The tuple of the keyword arguments' names, or zero.</param>
    /// <param name="given">Room for one argument per parameter.</param>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    public static nint* Enter(PythonSignature signature, nint* args, nint count, nint keywords, nint* given)
    {
        if (!Enter(signature.Function))
        {
            return null;
        }

        if (keywords == 0 && count == signature.Parameters && count <= signature.KeywordOnly)
        {
            return args;
        }

        return KeywordArguments.Bind(signature, args, count, keywords, given) ? given : null;
    }

    /// <summary>
    /// <see cref="Enter(PythonSignature, nint*, nint, nint, nint*)"/> for a type's constructor (<c>tp_new</c>),
    /// which CPython calls with a tuple of positional arguments and a dict of keyword arguments (or zero):
    /// the arguments, one per parameter (zero for each left to its default), laid out in <paramref name="given"/>;
    /// null, with a Python exception set, for a call the signature refuses.
    /// </summary>
    public static nint* Enter(PythonSignature signature, nint args, nint kwargs, nint* given) =>
        Enter(signature.Function) && KeywordArguments.Bind(signature, args, kwargs, given) ? given : null;

    /// <summary>Whether a constructor that takes no arguments may run, and was given none; if not, a Python exception is set.</summary>
    public static bool Enter(PythonSignature signature, nint args, nint kwargs)
    {
        nint none = 0; // never written: the signature has no parameters
        return Enter(signature, args, kwargs, &none) != null;
    }

    /// <summary>
    /// Lets go of the GIL for a function marked <c>ReleaseGil</c>, once its arguments are converted, and
    /// returns the thread state to take it back with (<see cref="RestoreGil"/>).
    /// </summary>
    public static nint ReleaseGil() => CPython.Api.PyEval_SaveThread();

    /// <summary>Takes the GIL back after <see cref="ReleaseGil"/>, before the result is converted; runs however the method ended.</summary>
    public static void RestoreGil(nint released) => CPython.Api.PyEval_RestoreThread(released);

    /// <summary>
    /// Sets the Python exception that stands for <paramref name="exception"/> and returns the
    /// failure value (null). Capsule errors become <c>ValueError</c>, except a capsule not found: the
    /// <c>ImportError</c> or <c>AttributeError</c> CPython's <c>PyCapsule_Import</c> gave, else
    /// <c>ImportError</c>. A <see cref="PythonException"/> that Python raised is raised again as the same
    /// object; one made in .NET becomes its Python type again where that is a built-in one. A few .NET
    /// exceptions become their Python counterparts, and anything else
    /// <c>RuntimeError</c> naming the .NET type. Messages are kept whole (NUL and lone surrogates
    /// included). Never throws.
    /// </summary>
    public static nint Raise(Exception exception)
    {
        try
        {
            ModuleApi api = ModuleApi.Instance;
            exception = Unwrap(exception);
            if (exception is PythonException python && python.TryRestore() ||
                exception is CapsuleNotFoundException { InnerException: PythonException cause } && cause.TryRestore())
            {
                return 0; // what Python raised goes back as it was: SystemExit, KeyboardInterrupt and tracebacks included
            }

            if ((exception as PythonException ?? (exception as CapsuleNotFoundException)?.InnerException as PythonException) is { } made)
            {
                SetFromPython(made); // raised once already, or made in .NET
                return 0;
            }

            (nint type, string message) = exception switch
            {
                CapsuleNameMismatchException mismatch => (api.ValueError, NameMismatchMessage(mismatch)),
                CapsuleNotFoundException => (api.ImportError, exception.Message),
                CapsuleSignatureMismatchException or InvalidCapsuleException => (api.ValueError, exception.Message),
                ObjectDisposedException { ObjectName: nameof(Capsule) or nameof(DLPack.DLPackTensor) } => (api.ValueError, exception.Message),
                InvalidCastException => (api.TypeError, exception.Message),
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
        PythonText.SetError(CPython.Api, type, message);
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

    /// <summary>
    /// Sets a Python error that crossed into .NET and back (and was raised once already, or was made in
    /// .NET): a new exception of its built-in type with its message, or <c>RuntimeError</c> naming it, for
    /// a type that is not built in or that a message alone cannot make (<c>UnicodeDecodeError</c>,
    /// <c>ExceptionGroup</c>), whose constructor would raise a <c>TypeError</c> of its own instead.
    /// </summary>
    private static void SetFromPython(PythonException exception)
    {
        ModuleApi api = ModuleApi.Instance;
        CPythonApi python = CPython.Api;
        if (!exception.PythonType.Contains('.'))
        {
            nint builtins = python.PyEval_GetBuiltins(); // borrowed
            nint name = PythonText.ToPython(python, exception.PythonType);
            if (name != 0)
            {
                nint type = api.PyDict_GetItem(builtins, name); // borrowed; never raises
                python.Py_DecRef(name);
                if (type != 0 && api.HasFlag(type, ModuleApi.TypeSubclass) && (api.PyType_GetFlags(type) & ModuleApi.BaseExceptionSubclass) != 0 &&
                    New(python, type, exception.PythonMessage) is var instance && instance != 0)
                {
                    python.PyErr_SetObject(type, instance);
                    python.Py_DecRef(instance);
                    return;
                }
            }

            python.PyErr_Clear();
        }

        SetError(api.RuntimeError, exception.Message);
    }

    /// <summary><c>type(message)</c>, a new reference; zero, with the error set, if the type cannot be made so.</summary>
    private static nint New(CPythonApi python, nint type, string message)
    {
        nint text = PythonText.ToPython(python, message);
        if (text == 0)
        {
            return 0;
        }

        nint arguments = python.PyTuple_New(1);
        if (arguments == 0)
        {
            python.Py_DecRef(text);
            return 0;
        }

        _ = python.PyTuple_SetItem(arguments, 0, text); // steals the text; cannot fail on a new tuple of one
        nint instance = python.PyObject_CallObject(type, arguments);
        python.Py_DecRef(arguments);
        return instance;
    }

    /// <summary>
    /// The mismatch as its message says it, but with a name whose bytes are not UTF-8 shown as bytes
    /// (<c>b'\xffquacker'</c>): its .NET form holds lone surrogates, which no terminal shows.
    /// </summary>
    private static string NameMismatchMessage(CapsuleNameMismatchException mismatch) =>
        !CapsuleNames.HasEscapedBytes(mismatch.ExpectedName) && !CapsuleNames.HasEscapedBytes(mismatch.ActualName)
            ? mismatch.Message
            : $"Expected a capsule named {CapsuleNames.Describe(mismatch.ExpectedName)}, but this capsule is named {CapsuleNames.Describe(mismatch.ActualName)}.";

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
}
