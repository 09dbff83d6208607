using SafetyProbe;

// Runs one scenario, named by the first argument. A scenario prints what it checked and returns;
// a failed check throws (exit code 1); a crash or hang is what the calling test watches for.
var scenarios = new Dictionary<string, Func<Task>>(StringComparer.Ordinal)
{
    ["bound-then-disposed"] = OwnershipScenarios.BoundThenDisposed,
    ["rebind-storm"] = OwnershipScenarios.RebindStorm,
    ["bind-dispose-race"] = OwnershipScenarios.BindDisposeRace,
    ["call-in-flight"] = InFlightScenario.CallInFlight,
    ["finalizers-call-bindings"] = FinalizerScenario.FinalizersCallBindings,
    ["python-holds-disposed"] = PythonScenarios.PythonHoldsDisposed,
    ["gil-double-dispose"] = GilScenarios.DoubleDispose,
    ["gil-copy-dispose"] = GilScenarios.CopyDispose,
    ["gil-out-of-order"] = GilScenarios.OutOfOrder,
    ["gil-other-thread"] = GilScenarios.OtherThread,
    ["finalizers-under-gil"] = GilScenarios.FinalizersUnderGil,
    ["gil-thread-ends-holding-it"] = GilScenarios.ThreadEndsHoldingTheGil,
    ["gil-null-new-reference-without-it"] = GilScenarios.NullNewReferenceWithoutTheGil,
    ["pyobject-finalized-during-call"] = PyObjectLifetimeScenarios.FinalizedDuringItsCall,
    ["pyobject-disposed-during-call"] = PyObjectLifetimeScenarios.DisposedByAnotherThreadDuringItsCall,
    ["python-capsule-disposed-by-finalizer"] = PythonCapsuleReleaseScenarios.DisposedByAFinalizer,
    ["python-capsule-disposed-while-gil-held"] = PythonCapsuleReleaseScenarios.DisposedWhileAnotherThreadHoldsTheGil,
    ["python-capsule-waited-for-under-gil"] = PythonCapsuleReleaseScenarios.WaitedForUnderTheGil,
    ["fork-while-dotnet-threads-use-the-bridge"] = ThreadStateScenarios.ForkWhileADotnetThreadUsesTheBridge,
    ["ended-threads-leave-no-thread-states"] = ThreadStateScenarios.EndedThreadsLeaveNoThreadStates,
    ["explicit-library-choice"] = PythonLocatorScenarios.ExplicitChoiceIsHonoured,
    ["noisy-interpreter"] = PythonLocatorScenarios.NoisyInterpreterIsHeard,
    ["silent-interpreter"] = PythonLocatorScenarios.SilentInterpreterIsEnded,
    ["daemonizing-interpreter"] = PythonLocatorScenarios.InterpreterLeavingADaemonIsHeard,
    ["release-dropped-under-gil-with-disposing-finalizer"] = GilScenarios.ReleaseDroppedUnderGilWithADisposingFinalizer,
};

if (args.Length != 1 || !scenarios.TryGetValue(args[0], out Func<Task>? scenario))
{
    Console.Error.WriteLine($"usage: SafetyProbe <{string.Join("|", scenarios.Keys)}>");
    return 2;
}

await scenario();
Console.WriteLine("done");
return 0;
