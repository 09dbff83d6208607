using CapsuleGen;

// Calls an export whose policy is FailFast, through its native pointer or (with the argument
// "binding") through a binding, which takes its managed entry: either way the process must end
// inside the call, with a message naming the capsule, and never print "survived".
unsafe
{
    using Capsule capsule = Probe.ExplodeCapsule;
    Console.WriteLine("calling");
    Console.Out.Flush();
    int result = args is ["binding"]
        ? new IExplode.Binding(capsule).Explode(7)
        : ((delegate* unmanaged[Cdecl]<int, int>)capsule.GetPointer("probe.failfast"))(7);
    Console.WriteLine($"survived with {result}");
}

public static partial class Probe
{
    [ExportCapsule("probe.failfast", OnException = CapsuleExceptionPolicy.FailFast)]
    public static int Explode(int x) => throw new InvalidOperationException($"exploded at {x}");
}

[ImportCapsule("probe.failfast")]
public partial interface IExplode
{
    int Explode(int x);
}
