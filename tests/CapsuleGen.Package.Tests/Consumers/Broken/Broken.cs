using CapsuleGen;

namespace Mistakes;

public partial class Duck
{
    // The mistake: a native function pointer carries no 'this', so an exported method must be static.
    [ExportCapsule("quacker")]
    public void Quack() => Console.WriteLine("Quack");
}
