using CapsuleGen;

namespace SafetyProbe;

/// <summary>
/// A call in flight keeps its capsule alive although no binding holds it any more: the binding's
/// target stays reachable from the calling frame until the native call returns. The probe runs
/// without tiered compilation, so the calling code is optimized and a target read only for its
/// function pointer would otherwise be dead (and collectable) during the call.
/// </summary>
internal static class InFlightScenario
{
    public static async Task CallInFlight()
    {
        bool destroyed = false;
        using Capsule export = Blocking.WaitCapsule;
        var capsule = new Capsule(
            export.GetPointer(Blocking.Name), Blocking.Name, destructor: _ => Volatile.Write(ref destroyed, true), signature: export.Signature);
        var binding = new IBlocking.Binding(capsule);
        capsule.Dispose();

        int result = 0;
        var caller = new Thread(() => result = binding.Wait(5));
        caller.Start();
        Blocking.Entered.Wait();
        binding.Unbind();
        for (int i = 0; i < 5; i++)
        {
            Check.CollectGarbage();
            await Task.Delay(100);
        }

        Check.That(!Volatile.Read(ref destroyed), "a call in flight keeps its capsule alive after the binding let go and the GC ran");
        Blocking.Release.Set();
        caller.Join();
        Check.That(result == 5, "the call returned its result");
        await Check.Destroyed(capsule, "once the call returned, the capsule was destroyed");
    }
}

public static partial class Blocking
{
    public const string Name = "safety.blocking";

    internal static readonly ManualResetEventSlim Entered = new();
    internal static readonly ManualResetEventSlim Release = new();

    [ExportCapsule(Name)]
    public static int Wait(int x)
    {
        Entered.Set();
        Release.Wait();
        return x;
    }
}

[ImportCapsule(Blocking.Name)]
public partial interface IBlocking
{
    int Wait(int x) => -1;
}
