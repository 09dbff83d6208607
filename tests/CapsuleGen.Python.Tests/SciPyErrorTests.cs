using System.Runtime.InteropServices;

namespace CapsuleGen.Python.Tests;

/// <summary>
/// C# callbacks under <see cref="CapsuleExceptionPolicy.SetPythonError"/> called by real SciPy: an exception
/// thrown in C# reaches Python code as the Python exception it maps to, through SciPy's own error protocols.
/// </summary>
public sealed unsafe class SciPyErrorTests
{
    /// <summary>
    /// <c>outcome(caller, capsule, value, data)</c>: what a SciPy test caller returns for the capsule
    /// (through <c>LowLevelCallable</c>, with the capsule's context as user data), or the exception it raises.
    /// </summary>
    private const string Callers =
        """
        import threading
        from scipy import LowLevelCallable
        from scipy._lib import _test_ccallback, _ccallback_c
        callers = {
            'simple': _test_ccallback.test_call_simple,
            'nodata': _test_ccallback.test_call_nodata,
            'nonlocal': _test_ccallback.test_call_nonlocal,
            'cython': _ccallback_c.test_call_cython,
        }

        def outcome(caller, capsule, value):
            try:
                return repr(callers[caller](LowLevelCallable(capsule), value))
            except BaseException as error:
                return f'{type(error).__name__}: {error}'
        """;

    public SciPyErrorTests() => Requires.SciPy();

    public static TheoryData<string, bool> CallersAndSignatures() => new()
    {
        { "simple", false }, { "simple", true },
        { "nodata", false }, { "nodata", true },
        { "nonlocal", false }, { "nonlocal", true },
        { "cython", false }, { "cython", true },
    };

    [Theory]
    [MemberData(nameof(CallersAndSignatures))]
    public void A_callback_returns_its_value_without_user_data(string caller, bool twoDoubles)
    {
        Assert.Equal("2.0", Outcome(caller, Callback(twoDoubles), 1.0));
    }

    [Theory]
    [MemberData(nameof(CallersAndSignatures))]
    public void A_callback_reads_the_capsules_context_as_its_user_data(string caller, bool twoDoubles)
    {
        Assert.Equal("1.5", WithUserData(Callback(twoDoubles), 0.5, withData => Outcome(caller, withData, 1.0)));
    }

    [Theory]
    [MemberData(nameof(CallersAndSignatures))]
    public void An_ArgumentException_with_the_flag_set_makes_SciPy_raise_ValueError_with_its_message(string caller, bool twoDoubles)
    {
        CapsuleBoundary.ClearLastError();

        Assert.Equal("ValueError: bad value", Outcome(caller, Callback(twoDoubles), ErrorCallbacks.ErrorValue));

        CapsuleBoundaryError error = Assert.IsType<CapsuleBoundaryError>(CapsuleBoundary.LastError); // still recorded, as ReturnDefault does
        Assert.Equal(twoDoubles ? "ErrorCallbacks.PlusOneTwice" : "ErrorCallbacks.PlusOne", error.Method);
    }

    [Theory]
    [MemberData(nameof(CallersAndSignatures))]
    public void A_callback_with_user_data_fails_the_same_way(string caller, bool twoDoubles)
    {
        Assert.Equal("ValueError: bad value", WithUserData(Callback(twoDoubles), 0.5, withData => Outcome(caller, withData, ErrorCallbacks.ErrorValue)));
    }

    [Theory]
    [InlineData(3.0, "ZeroDivisionError: divided by zero")]
    [InlineData(4.0, "KeyError: 'no such key'")]
    [InlineData(5.0, "RuntimeError: System.InvalidOperationException: not now")]
    [InlineData(6.0, "NotImplementedError: not yet")]
    public void Other_exceptions_become_the_Python_exceptions_module_functions_raise(double value, string expected)
    {
        Assert.Equal(expected, Outcome("simple", ErrorCallbacks.PlusOneCapsule, value));
    }

    [Fact]
    public void A_signature_SciPy_does_not_accept_is_refused_by_SciPy_with_ValueError()
    {
        string outcome = Outcome("simple", ErrorCallbacks.FailsAboveCapsule, 1.0);

        Assert.StartsWith("ValueError: Invalid scipy.LowLevelCallable signature \"double (double, void *)\". Expected one of: ", outcome, StringComparison.Ordinal);
    }

    [Fact]
    public void Twenty_Python_threads_calling_at_once_each_get_their_own_error_or_value()
    {
        using PyObject scope = Scope(ErrorCallbacks.PlusOneCapsule);
        CPython.Run(
            """
            results = [None] * 20
            start = threading.Barrier(20)

            def work(i):
                start.wait()
                # Even threads fail with a message of their own, odd ones succeed; each many times over.
                value = 100.0 + i if i % 2 == 0 else 10.0 + i
                seen = {outcome('simple', capsule, value) for _ in range(200)}
                results[i] = seen.pop() if len(seen) == 1 else repr(seen)

            threads = [threading.Thread(target=work, args=(i,)) for i in range(20)]
            for thread in threads:
                thread.start()
            for thread in threads:
                thread.join()
            results = '\n'.join(results)
            """,
            scope);

        using PyObject results = scope["results"];
        string[] expected = [.. Enumerable.Range(0, 20).Select(i => i % 2 == 0 ? $"ValueError: bad value {100 + i}" : $"{i + 11}.0")];
        Assert.Equal(expected, results.ToString().Split('\n'));
    }

    /// <summary>
    /// quad's integrands (<c>double (double, void *)</c> and the others) have no error channel, and SciPy 1.10's
    /// quad checks for an error only after a Python integrand: it returns its tuple with the error still set,
    /// which CPython turns into a <c>SystemError</c> whose <c>__cause__</c> is the C# exception's Python form.
    /// That is as far as any C integrand can get; the error at least reaches Python whole, not a NaN.
    /// </summary>
    [Fact]
    public void Quad_brings_the_mapped_exception_of_a_CSharp_integrand_as_the_cause_of_its_SystemError()
    {
        string outcome = WithUserData(ErrorCallbacks.FailsAboveCapsule, 0.5, integrand =>
        {
            using PyObject scope = Scope(integrand);
            CPython.Run(
                """
                from scipy.integrate import quad
                try:
                    quad(LowLevelCallable(capsule), 0, 1)
                    result = 'no exception'
                except BaseException as error:
                    result = f'{type(error).__name__} caused by {type(error.__cause__).__name__}: {error.__cause__}'
                """,
                scope);
            using PyObject result = scope["result"];
            return result.ToString();
        });

        Assert.StartsWith("SystemError caused by ValueError: cannot integrate at 0.", outcome, StringComparison.Ordinal);
    }

    [Fact]
    public void Generic_filter_raises_the_mapped_exception_of_a_CSharp_filter_that_returns_0()
    {
        Assert.Equal("int (double *, intptr_t, double *, void *)", ErrorCallbacks.LargestNonNegativeCapsule.Name);
        using PyObject scope = Scope(ErrorCallbacks.LargestNonNegativeCapsule);
        CPython.Run(
            """
            import numpy as np
            from scipy import ndimage
            largest = ndimage.generic_filter(np.array([1.0, 5.0, 2.0, 0.0]), LowLevelCallable(capsule), size=3, mode='constant').tolist()
            try:
                ndimage.generic_filter(np.array([1.0, -5.0, 2.0]), LowLevelCallable(capsule), size=3)
                result = 'no exception'
            except BaseException as error:
                result = f'{type(error).__name__}: {error}'
            """,
            scope);

        using PyObject largest = scope["largest"];
        using PyObject result = scope["result"];
        Assert.Equal("[5.0, 5.0, 5.0, 2.0]", largest.ToString());
        Assert.Equal("OverflowError: negative value -5", result.ToString());
    }

    [Fact]
    public void A_callback_on_a_thread_Python_never_saw_sets_the_error_on_that_threads_own_state()
    {
        var function = (delegate* unmanaged[Cdecl]<double, int*, void*, double>)ErrorCallbacks.PlusOneCapsule.GetPointer("double (double, int *, void *)");
        string? seen = null;
        Exception? failure = null;
        var thread = new Thread(() =>
        {
            try
            {
                int flag = 0;
                double result = function(ErrorCallbacks.ErrorValue, &flag, null); // this thread has not touched Python
                using GilScope gil = CPython.AcquireGil();
                seen = $"{flag} {result} " + (CPython.Api.PyErr_Occurred() == 0 ? "no error" : CPython.FetchError().Message);
            }
            catch (Exception error)
            {
                failure = error;
            }
        });

        thread.Start();

        Assert.True(thread.Join(TimeSpan.FromMinutes(1)), "The thread did not finish.");
        Assert.Null(failure);
        Assert.Equal("1 NaN ValueError: bad value", seen);
    }

    [Fact]
    public void An_error_already_set_becomes_the_context_of_the_callbacks_error()
    {
        var function = (delegate* unmanaged[Cdecl]<double, int*, void*, double>)ErrorCallbacks.PlusOneCapsule.GetPointer("double (double, int *, void *)");
        PythonException error;
        using (CPython.AcquireGil())
        {
            // A C caller that calls again after a failure, without clearing the error it left.
            PythonText.SetError(CPython.Api, global::CapsuleGen.Python.Modules.ModuleApi.Instance.KeyError, "earlier");
            int flag = 0;
            _ = function(ErrorCallbacks.ErrorValue, &flag, null);
            error = CPython.FetchError();
        }

        using PyObject scope = CPython.NewScope();
        using PyObject value = error.ShareValue()!;
        scope.SetItem("error", value);
        using PyObject context = CPython.Eval("f'{type(error.__context__).__name__}: {error.__context__}'", scope);

        Assert.Equal("ValueError: bad value", error.Message);
        Assert.Equal("KeyError: 'earlier'", context.ToString());
    }

    /// <summary>What <paramref name="run"/> makes of the capsule with a context that points at <paramref name="data"/>, the user data SciPy passes on.</summary>
    private static string WithUserData(Capsule capsule, double data, Func<Capsule, string> run)
    {
        double* pointer = (double*)NativeMemory.Alloc(sizeof(double));
        try
        {
            *pointer = data;
            using Capsule withData = capsule.WithContext((nint)pointer);
            return run(withData);
        }
        finally
        {
            NativeMemory.Free(pointer);
        }
    }

    private static Capsule Callback(bool twoDoubles) => twoDoubles ? ErrorCallbacks.PlusOneTwiceCapsule : ErrorCallbacks.PlusOneCapsule;

    /// <summary>A scope with <see cref="Callers"/> run in it and <c>capsule</c> set.</summary>
    private static PyObject Scope(Capsule capsule)
    {
        PyObject scope = CPython.Run(Callers);
        scope.SetItem("capsule", capsule);
        return scope;
    }

    private static string Outcome(string caller, Capsule capsule, double value)
    {
        using PyObject scope = Scope(capsule);
        scope.SetItem("caller", caller);
        scope.SetItem("value", value);
        using PyObject outcome = CPython.Eval("outcome(caller, capsule, value)", scope);
        return outcome.ToString();
    }
}
