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
    /// <summary>Exceptions that carry Python's object made since the last collection, at most, before the runtime is asked for one.</summary>
    private const int CollectEvery = 32;

    private static int s_carryingSinceCollection;
    private static int s_collectionsSeen;

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
        NoteCarrying();
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
    /// Asks for a young-generation collection once <see cref="CollectEvery"/> exceptions carrying Python's
    /// object were made without one. An exception C# catches and drops holds that object, and with its
    /// traceback every frame and local it reaches, until it is collected; the .NET heap sees only a small
    /// object, so a module's small runtime could go on for a long time without collecting it. So few
    /// dropped exceptions hold Python's memory at once; one that was kept is unaffected.
    /// </summary>
    private static void NoteCarrying()
    {
        int collections = GC.CollectionCount(1);
        if (collections != Volatile.Read(ref s_collectionsSeen))
        {
            Volatile.Write(ref s_collectionsSeen, collections);
            Volatile.Write(ref s_carryingSinceCollection, 0); // the runtime collected on its own meanwhile
        }

        if (Interlocked.Increment(ref s_carryingSinceCollection) >= CollectEvery)
        {
            Volatile.Write(ref s_carryingSinceCollection, 0);
            GC.Collect(1); // never waits for finalizers: what they give up goes at the next GIL acquisition
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
