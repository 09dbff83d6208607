namespace CapsuleGen.Python;

/// <summary>
/// A Python exception, carried into .NET with its Python type and message. One that Python raised
/// also carries the exception object itself, with its traceback: when it goes back to Python (out
/// of a module function written in C#) that same object is raised again, so its type, arguments,
/// attributes (<c>errno</c>, <c>code</c>) and traceback are what Python code raised. It is raised
/// so once: thrown into Python again later, it is a new exception of its type and message.
/// </summary>
public sealed class PythonException : Exception
{
    private PyObject? _value;

    /// <summary>Creates the exception; going back to Python, it becomes a new exception of that type and message.</summary>
    public PythonException(string pythonType, string pythonMessage)
        : base(pythonMessage.Length == 0 ? pythonType : pythonType + ": " + pythonMessage)
    {
        PythonType = pythonType;
        PythonMessage = pythonMessage;
    }

    /// <summary>Carries the exception object Python raised (a handle this exception owns).</summary>
    internal PythonException(string pythonType, string pythonMessage, PyObject value)
        : this(pythonType, pythonMessage)
    {
        _value = value;
    }

    /// <summary>The Python exception's type, as Python names it (<c>ValueError</c>, <c>numpy.linalg.LinAlgError</c>).</summary>
    public string PythonType { get; }

    /// <summary>The Python exception's <c>str()</c>.</summary>
    public string PythonMessage { get; }

    /// <summary>
    /// A new handle to the exception object Python raised (its <c>__traceback__</c> set), for the caller
    /// to dispose; null for an exception made in .NET, and once the object was raised in Python again.
    /// </summary>
    public PyObject? ShareValue()
    {
        if (Volatile.Read(ref _value) is not { } value)
        {
            return null;
        }

        try
        {
            return PyObject.From(value);
        }
        catch (ObjectDisposedException)
        {
            return null; // raised in Python again on another thread meanwhile
        }
    }

    /// <summary>
    /// Raises the exception object Python raised in Python again, with its traceback, handing over this
    /// exception's reference to it: the object and the frames its traceback holds go as soon as Python
    /// is done with them, not when .NET collects this exception (a module's small heap rarely is). False,
    /// with nothing set, for an exception made in .NET or raised once already. Call with the GIL held.
    /// </summary>
    internal unsafe bool TryRestore()
    {
        if (Interlocked.Exchange(ref _value, null) is not { } held)
        {
            return false;
        }

        Native.CPythonApi api = CPython.Api;
        nint value = held.TakeReference();
        api.PyErr_Restore(api.PyObject_Type(value), value, api.PyException_GetTraceback(value)); // steals all three
        return true;
    }
}
