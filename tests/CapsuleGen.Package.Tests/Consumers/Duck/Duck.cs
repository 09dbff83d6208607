using CapsuleGen;

namespace Pond;

/// <summary>Exports two capsules; it knows nothing of who calls them.</summary>
public static partial class Duck
{
    [ExportCapsule("quacker")]
    private static void Quack() => Console.WriteLine("Packaged quack");

    [ExportCapsule("honker")]
    private static void Honk() => Console.WriteLine("Packaged honk");

    [ExportCapsule("pond.scale")]
    private static double Scale(double value, int times) => value * times;

    public static Capsule GetQuack() => QuackCapsule;

    public static Capsule GetHonk() => HonkCapsule;

    public static Capsule GetScale() => ScaleCapsule;
}
