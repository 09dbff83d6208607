using CapsuleGen;

namespace Flock;

[ImportCapsule("quacker")]
public partial interface IQuacker
{
    void Quack() => Console.WriteLine("No noise came out.");
}

[ImportCapsule("pond.scale")]
public partial interface IScaler
{
    double Scale(double value, int times);
}

public static class Bird
{
    private static readonly IQuacker.Binding s_quacker = new();
    private static readonly IScaler.Binding s_scaler = new();

    public static void SetQuack(Capsule capsule) => s_quacker.Bind(capsule);

    public static void ResetQuack() => s_quacker.Unbind();

    public static void CallQuack() => s_quacker.Quack();

    public static double Scale(Capsule capsule, double value, int times)
    {
        s_scaler.Bind(capsule);
        return s_scaler.Scale(value, times);
    }
}
