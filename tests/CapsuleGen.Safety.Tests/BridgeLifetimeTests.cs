namespace CapsuleGen.Safety.Tests;

/// <summary>
/// Python objects and capsules from Python outlive every call on them, and giving their references
/// back never waits for a GIL that the thread cannot get; .NET threads' CPython thread states survive
/// forks; a library chosen explicitly is the one used.
/// </summary>
public sealed class BridgeLifetimeTests
{
    public BridgeLifetimeTests() => Requires.Python();

    [Fact]
    public Task A_PyObject_dropped_as_its_call_begins_is_not_released_while_CPython_runs_the_call_without_the_GIL() =>
        Scenario.RunAsync("pyobject-finalized-during-call", "a handle dropped as its call began was not released while CPython ran the call without the GIL");

    [Fact]
    public Task A_Dispose_racing_a_call_on_another_thread_releases_the_object_after_the_call() =>
        Scenario.RunAsync("pyobject-disposed-during-call", "a Dispose racing a call on another thread released the object only after the call returned");

    [Fact]
    public Task A_finalizer_disposing_a_capsule_from_Python_never_waits_for_the_GIL() =>
        Scenario.RunAsync(
            "python-capsule-disposed-by-finalizer",
            "a finalizer disposed the last handle of a capsule from Python while a thread holding the GIL waited for it",
            "the Python references were released without another call into the bridge",
            "Python's reference count is back where it was");

    [Fact]
    public Task Disposing_a_capsule_from_Python_does_not_wait_for_the_GIL_another_thread_holds() =>
        Scenario.RunAsync(
            "python-capsule-disposed-while-gil-held",
            "disposing the last handle does not wait for the GIL another thread holds",
            "its WhenDestroyed completed at once",
            "the Python reference went at the next acquisition");

    [Fact]
    public Task A_thread_holding_the_GIL_can_wait_for_WhenDestroyed_of_a_capsule_from_Python() =>
        Scenario.RunAsync(
            "python-capsule-waited-for-under-gil",
            "a thread holding the GIL bound, disposed, unbound and waited for WhenDestroyed of a capsule from Python without a deadlock");

    [Fact]
    public Task Children_forked_while_dotnet_threads_use_the_bridge_all_exit() =>
        Scenario.RunAsync("fork-while-dotnet-threads-use-the-bridge", "all 200 children forked while .NET threads used the bridge exited (hung: 0)");

    [Fact]
    public Task Dotnet_threads_that_ended_leave_no_CPython_thread_states() =>
        Scenario.RunAsync("ended-threads-leave-no-thread-states", "500 .NET threads that used the bridge and ended left no thread states behind");

    [Fact]
    public Task A_library_chosen_explicitly_is_used_or_refused_with_its_reason_never_replaced() =>
        Scenario.RunAsync(
            "explicit-library-choice",
            "$CAPSULEGEN_PYTHON_LIBRARY naming a missing file is refused with the reason, and nothing else is tried",
            "$CAPSULEGEN_PYTHON_LIBRARY naming a library that is not CPython is refused with the reason, and nothing else is tried",
            "a missing path given to Initialize is refused with the reason, and nothing else is tried",
            "libc given to Initialize is refused with the reason, and nothing else is tried",
            "with nothing chosen, the search finds CPython",
            "once CPython runs, another path is refused");

    [Fact]
    public Task An_interpreter_that_writes_much_to_stderr_is_still_asked_for_its_library() =>
        Scenario.RunAsync("noisy-interpreter", "an interpreter that writes 300 KB to stderr is asked and answers");

    [Fact]
    public Task An_interpreter_that_leaves_a_daemon_holding_its_output_is_still_heard_at_once() =>
        Scenario.RunAsync(
            "daemonizing-interpreter",
            "an interpreter that leaves a daemon holding its output is asked and answers",
            "its answer is used once it exits, without waiting for its output to end");

    [Fact]
    public Task An_interpreter_that_never_answers_is_ended_and_the_search_goes_on() =>
        Scenario.RunAsync(
            "silent-interpreter",
            "an interpreter that does not answer holds the search up for the time limit only",
            "the search goes on past it to the usual places");

    [Fact]
    public Task ReleaseDropped_under_a_GilScope_lets_a_finalizer_dispose_a_Python_object() =>
        Scenario.RunAsync(
            "release-dropped-under-gil-with-disposing-finalizer",
            "ReleaseDropped with the GIL held returned, and the finalizer that disposes a PyObject ran");
}
