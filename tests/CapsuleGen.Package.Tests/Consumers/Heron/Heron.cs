using CapsuleGen;

namespace Marsh;

[ImportCapsule("quacker")]
public partial interface IHeron
{
    void Quack() => Console.WriteLine("No noise came out.");
}

public static class Heron
{
    private static readonly IHeron.Binding s_heron = new();

    public static void Call() => s_heron.Quack();
}
