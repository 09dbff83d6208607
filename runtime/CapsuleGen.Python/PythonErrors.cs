using System.ComponentModel;
using CapsuleGen.Python.Modules;
using CapsuleGen.Python.Native;

namespace CapsuleGen.Python;

/// <summary>
/// What an exported function's trampoline calls under <see cref="CapsuleExceptionPolicy.SetPythonError"/>:
/// the exception becomes CPython's error indicator on the calling thread, where a C caller that follows
/// SciPy's or Cython's error protocol (an error flag, a failure value) finds it and raises it.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static unsafe class PythonErrors
{
    /// <summary>
    /// Records the exception in <see cref="CapsuleBoundary"/>, as <see cref="CapsuleExceptionPolicy.ReturnDefault"/>
    /// does; then, if CPython is initialized in this process, takes the GIL (the caller may hold it or not,
    /// on any thread, one CPython never saw included) and sets the Python exception a module function
    /// written in C# would raise for it. An error already set on the thread stays reachable as the new
    /// one's <c>__context__</c>, as when Python code raises while handling an exception. When Python is
    /// shutting down, or not in the process at all, the record is all there is. Never throws.
    /// </summary>
    /// <param name="capsuleName">The capsule the function is exported as.</param>
    /// <param name="method">The method as messages name it: <c>Integrands.Cubic</c>.</param>
    /// <param name="exception">What the method threw.</param>
    public static void SetFromCallback(string? capsuleName, string method, Exception exception)
    {
        CapsuleBoundary.Record(capsuleName, method, exception);
        try
        {
            if (CPython.Running() is not { } api)
            {
                return;
            }

            // Through the bridge's own acquisitions: a thread CPython never saw keeps the thread state
            // made for it, so the error outlives the release and its caller's next acquisition sees it.
            long scope = GilAcquisitions.Acquire(api);
            try
            {
                Set(api, exception);
            }
            finally
            {
                GilAcquisitions.Release(scope);
            }
        }
        catch
        {
            // Python is shutting down, or a thread abandoned the GIL: nothing may leave a trampoline.
        }
    }

    /// <summary>Sets the Python exception for <paramref name="exception"/>, the error already set (if any) as its context. Call with the GIL held.</summary>
    private static void Set(CPythonApi api, Exception exception)
    {
        nint type, value, traceback;
        api.PyErr_Fetch(&type, &value, &traceback);
        PythonCall.Raise(exception);
        if (type != 0)
        {
            SetContext(api, type, value, traceback);
        }
    }

    /// <summary>Makes the earlier error (its three references taken over) the context of the one now set, as CPython chains an exception raised during handling.</summary>
    private static void SetContext(CPythonApi api, nint type, nint value, nint traceback)
    {
        nint newType, newValue, newTraceback;
        api.PyErr_Fetch(&newType, &newValue, &newTraceback);
        if (newType == 0)
        {
            api.PyErr_Restore(type, value, traceback); // nothing was set after all: the earlier error stays
            return;
        }

        api.PyErr_NormalizeException(&type, &value, &traceback);
        api.PyErr_NormalizeException(&newType, &newValue, &newTraceback);
        if (value != 0 && traceback != 0)
        {
            _ = api.PyException_SetTraceback(value, traceback); // fails only for a traceback that is not one
        }

        if (value != 0 && newValue != 0 && value != newValue)
        {
            api.PyException_SetContext(newValue, value); // steals the reference to the earlier value
            value = 0;
        }

        Release(api, type);
        Release(api, value);
        Release(api, traceback);
        api.PyErr_Restore(newType, newValue, newTraceback);
    }

    private static void Release(CPythonApi api, nint obj)
    {
        if (obj != 0)
        {
            api.Py_DecRef(obj);
        }
    }
}
