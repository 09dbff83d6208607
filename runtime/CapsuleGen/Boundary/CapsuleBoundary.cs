namespace CapsuleGen;

/// <summary>
/// Where exceptions that no caller could receive can be seen: those caught in exported functions'
/// trampolines (native callers cannot receive a .NET exception, so under
/// <see cref="CapsuleExceptionPolicy.ReturnDefault"/> the trampoline records it here and returns a
/// defined value), and those thrown by capsule destructors the runtime ran on the thread pool. Like
/// C's <c>errno</c> or CPython's error indicator, the last error is kept per thread, and every error
/// is also raised as an event.
/// </summary>
public static class CapsuleBoundary
{
    [ThreadStatic]
    private static CapsuleBoundaryError? t_lastError;

    private static long s_errorCount;

    /// <summary>
    /// Raised on the thread that called the exported function, for every exception caught there.
    /// A handler that throws cannot stop the trampoline from returning; its exception is dropped.
    /// </summary>
    public static event EventHandler<CapsuleBoundaryError>? ErrorCaught;

    /// <summary>The last exception caught on this thread, or <see langword="null"/>.</summary>
    public static CapsuleBoundaryError? LastError => t_lastError;

    /// <summary>How many exceptions trampolines have caught in this process.</summary>
    public static long ErrorCount => Interlocked.Read(ref s_errorCount);

    /// <summary>Returns the last exception caught on this thread and clears it.</summary>
    public static CapsuleBoundaryError? TakeLastError()
    {
        CapsuleBoundaryError? error = t_lastError;
        t_lastError = null;
        return error;
    }

    /// <summary>Forgets the last exception caught on this thread.</summary>
    public static void ClearLastError() => t_lastError = null;

    /// <summary>Records an exception caught in a trampoline (or a destructor the runtime ran). Called by generated code; never throws.</summary>
    [System.ComponentModel.EditorBrowsable(System.ComponentModel.EditorBrowsableState.Never)]
    public static void Record(string? capsuleName, string method, Exception exception)
    {
        try
        {
            var error = new CapsuleBoundaryError(capsuleName, method, exception);
            t_lastError = error;
            Interlocked.Increment(ref s_errorCount);
            RaiseErrorCaught(error);
        }
        catch
        {
            // Nothing may leave a trampoline, not even an allocation failure while recording.
        }
    }

    /// <summary>Ends the process at once, naming the capsule. Called by generated code under <see cref="CapsuleExceptionPolicy.FailFast"/>.</summary>
    [System.ComponentModel.EditorBrowsable(System.ComponentModel.EditorBrowsableState.Never)]
    public static void FailFast(string? capsuleName, string method, Exception exception) =>
        Environment.FailFast($"{method}, exported as capsule {Capsule.Describe(capsuleName)}, threw {exception.GetType().FullName} into native code, and its exception policy is FailFast.", exception);

    private static void RaiseErrorCaught(CapsuleBoundaryError error)
    {
        EventHandler<CapsuleBoundaryError>? handlers = ErrorCaught;
        if (handlers is null)
        {
            return;
        }

        foreach (Delegate handler in handlers.GetInvocationList())
        {
            try
            {
                ((EventHandler<CapsuleBoundaryError>)handler)(null, error);
            }
            catch
            {
                // One failing handler must neither reach native code nor silence the others.
            }
        }
    }
}
