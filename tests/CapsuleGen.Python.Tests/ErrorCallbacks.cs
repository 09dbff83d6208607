namespace CapsuleGen.Python.Tests;

/// <summary>
/// C# callbacks that fail as SciPy's error protocol asks: set the error flag (or return 0), throw, and let
/// <see cref="CapsuleExceptionPolicy.SetPythonError"/> set the Python exception the caller raises. Which
/// exception is thrown depends on the value, so that a test can ask for each.
/// </summary>
public static unsafe partial class ErrorCallbacks
{
    /// <summary>SciPy's own tests fail their callbacks at this value, with <c>ValueError: bad value</c>.</summary>
    public const double ErrorValue = 2.0;

    /// <summary><c>a + 1</c>, or <c>a + *userData</c> when the capsule has a context.</summary>
    [ExportCapsule(OnException = CapsuleExceptionPolicy.SetPythonError)]
    public static double PlusOne(double a, int* errorFlag, void* userData)
    {
        FailAt(a, errorFlag);
        return a + (userData == null ? 1 : *(double*)userData);
    }

    /// <summary><c>a + b + 1</c>, or <c>a + b + *userData</c> when the capsule has a context.</summary>
    [ExportCapsule(OnException = CapsuleExceptionPolicy.SetPythonError)]
    public static double PlusOneTwice(double a, double b, int* errorFlag, void* userData)
    {
        FailAt(a, errorFlag);
        return a + b + (userData == null ? 1 : *(double*)userData);
    }

    /// <summary>An integrand for <c>scipy.integrate.quad</c>: <c>x</c>, failing above <c>*userData</c>.</summary>
    [ExportCapsule(OnException = CapsuleExceptionPolicy.SetPythonError)]
    public static double FailsAbove(double x, void* userData) =>
        x <= *(double*)userData ? x : throw new ArgumentException($"cannot integrate at {x}");

    /// <summary>A filter for <c>scipy.ndimage.generic_filter</c>: the window's largest value; a negative one is refused.</summary>
    [ExportCapsule(OnException = CapsuleExceptionPolicy.SetPythonError)]
    public static int LargestNonNegative(double* window, nint length, double* result, void* userData)
    {
        double largest = 0;
        for (nint i = 0; i < length; i++)
        {
            largest = window[i] >= 0 ? Math.Max(largest, window[i]) : throw new OverflowException($"negative value {window[i]}");
        }

        *result = largest;
        return 1;
    }

    /// <summary>Sets the flag and throws for the values the tests fail at: 2 as SciPy's tests do, others for each mapping, from 100 one message per value.</summary>
    private static void FailAt(double a, int* errorFlag)
    {
        Exception? exception = a switch
        {
            ErrorValue => new ArgumentException("bad value"),
            3 => new DivideByZeroException("divided by zero"),
            4 => new KeyNotFoundException("no such key"),
            5 => new InvalidOperationException("not now"),
            6 => new NotImplementedException("not yet"),
            >= 100 => new ArgumentException($"bad value {a}"),
            _ => null,
        };
        if (exception is not null)
        {
            *errorFlag = 1;
            throw exception;
        }
    }
}
