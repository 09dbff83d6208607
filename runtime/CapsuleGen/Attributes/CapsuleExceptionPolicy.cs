namespace CapsuleGen;

/// <summary>
/// What an exported function's trampoline does when the C# method throws. An exception must never
/// cross into native code: the runtime would terminate the process.
/// </summary>
public enum CapsuleExceptionPolicy
{
    /// <summary>
    /// Catch the exception, record it in <see cref="CapsuleBoundary"/>, and return a defined value:
    /// nothing for <c>void</c>, NaN for <c>float</c>/<c>double</c>, <c>default</c> for every other type.
    /// </summary>
    ReturnDefault = 0,

    /// <summary>Terminate the process at once with <see cref="Environment.FailFast(string, Exception)"/>, naming the capsule.</summary>
    FailFast = 1,

    /// <summary>
    /// As <see cref="ReturnDefault"/>, and also set CPython's error indicator on the calling thread, as a
    /// C extension's callback does for SciPy's and Cython's error protocols: the exception becomes the
    /// Python exception a module function written in C# would raise (<see cref="ArgumentException"/>
    /// becomes <c>ValueError</c>, and so on), to be raised by the caller once it sees the failure (an
    /// error flag, a failure value). An error already set on the thread becomes the new one's
    /// <c>__context__</c>. Without an initialized CPython in the process, only the record is made.
    /// Needs the CapsuleGen.Python package (CAPS0060 otherwise).
    /// </summary>
    SetPythonError = 2,
}
