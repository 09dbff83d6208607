namespace CapsuleGen.Safety.Tests;

/// <summary>
/// Capsules whose destructor unmaps the code their pointer points to: a call that reached such
/// code after its destructor ran would be a segmentation fault, so each scenario runs alone.
/// </summary>
public sealed class OwnershipTests
{
    [Fact]
    public Task A_binding_keeps_calling_a_capsule_whose_only_handle_was_disposed_and_lets_go_on_Unbind() =>
        Scenario.RunAsync(
            "bound-then-disposed",
            "the binding still calls the code after its only handle was disposed and the GC ran",
            "the destructor waits while a binding is bound",
            "binding through the disposed handle fails with ObjectDisposedException",
            "unbound, calls go to the fallback",
            "once the binding let go, the destructor ran and unmapped the code",
            "exactly once");

    [Fact]
    public Task A_call_in_flight_keeps_its_capsule_alive_after_the_binding_let_go() =>
        Scenario.RunAsync(
            "call-in-flight",
            "a call in flight keeps its capsule alive after the binding let go and the GC ran",
            "the call returned its result",
            "once the call returned, the capsule was destroyed");

    [Fact]
    public Task Finalizers_that_call_bindings_never_reach_a_destroyed_capsule() =>
        Scenario.RunAsync(
            "finalizers-call-bindings",
            "finalizers of plain and critical owners called their bindings, and every call reached live code",
            "then every capsule was destroyed, exactly once");

    [Fact]
    public Task Four_threads_call_while_20000_capsules_are_bound_and_disposed_in_turn() =>
        Scenario.RunAsync(
            "rebind-storm",
            "from 4 threads each returned x + id of a live page",
            "after the last unbind the last page was destroyed",
            "every one of the 20000 destructors ran exactly once");

    [Fact]
    public Task A_bind_racing_a_dispose_either_holds_live_code_or_throws_ObjectDisposedException() =>
        Scenario.RunAsync(
            "bind-dispose-race",
            "every winner called live code",
            "every destructor ran exactly once");
}
