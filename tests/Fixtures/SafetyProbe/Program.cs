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
};

if (args.Length != 1 || !scenarios.TryGetValue(args[0], out Func<Task>? scenario))
{
    Console.Error.WriteLine($"usage: SafetyProbe <{string.Join("|", scenarios.Keys)}>");
    return 2;
}

await scenario();
Console.WriteLine("done");
return 0;
