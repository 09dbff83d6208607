namespace CapsuleGen.Safety.Tests;

/// <summary>The Python bridge cannot be driven into CPython's fatal errors, a hang, or a call into freed code.</summary>
public sealed class PythonSafetyTests
{
    public PythonSafetyTests() => Requires.Python();

    [Fact]
    public Task A_capsule_handed_to_Python_and_disposed_in_dotnet_still_works_in_Python_until_Python_drops_it() =>
        Scenario.RunAsync(
            "python-holds-disposed",
            "disposing the .NET handle leaves the capsule Python holds alive",
            "plain Python opened it with ctypes and called the code",
            "when Python dropped it, the destructor ran and unmapped the code",
            "nothing is left in the table of capsules Python holds");

    [Fact]
    public Task A_GIL_scope_disposed_twice_releases_once() =>
        Scenario.RunAsync("gil-double-dispose", "a scope disposed twice released the GIL once, and another thread takes it");

    [Fact]
    public Task A_GIL_scope_disposed_through_a_copy_releases_once() =>
        Scenario.RunAsync("gil-copy-dispose", "a scope disposed through a copy and then itself released the GIL once");

    [Fact]
    public Task GIL_scopes_disposed_out_of_order_release_in_order() =>
        Scenario.RunAsync(
            "gil-out-of-order",
            "disposing the outer scope first keeps the GIL while the inner scope lives",
            "the inner scope still calls into CPython",
            "disposing the inner scope released both, and another thread takes the GIL");

    [Fact]
    public Task A_GIL_scope_disposed_on_another_thread_throws_and_releases_nothing() =>
        Scenario.RunAsync(
            "gil-other-thread",
            "disposing on another thread throws and releases nothing",
            "the taking thread still holds the GIL",
            "disposed on its own thread, the scope released the GIL");

    [Fact]
    public Task Finalizers_never_wait_for_the_GIL_a_thread_holds_while_it_waits_for_them() =>
        Scenario.RunAsync(
            "finalizers-under-gil",
            "a thread holding the GIL waited for every pending finalizer without a deadlock",
            "every capsule taken from Python was destroyed once its bindings were collected",
            "Python's reference count is back where it was");

    [Fact]
    public Task A_thread_that_ends_holding_the_GIL_makes_later_acquisitions_throw_instead_of_waiting_forever() =>
        Scenario.RunAsync(
            "gil-thread-ends-holding-it",
            "an acquisition after a thread ended holding the GIL returns",
            "and throws InvalidOperationException naming the thread");

    [Fact]
    public Task A_null_new_reference_without_the_GIL_is_a_PythonException_not_a_crash() =>
        Scenario.RunAsync(
            "gil-null-new-reference-without-it",
            "FromNewReference(0) without the GIL throws PythonException",
            "with the GIL, it throws the error the failed call set");
}
