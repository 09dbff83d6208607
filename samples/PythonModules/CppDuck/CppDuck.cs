using CapsuleGen;
using CapsuleGen.Python;

namespace Samples.PythonModules;

/// <summary>The seed's duck, as a Python extension module written in C#: it hands out its quack in a capsule.</summary>
[PythonModule("CppDuck")]
public static partial class CppDuck
{
    // Both capsules are also module attributes, CppDuck.quacker and CppDuck.honker, for PyCapsule_Import.
    [ExportCapsule("quacker")]
    private static void Quack() => Console.WriteLine("C# Quack");

    [ExportCapsule("honker")]
    private static void Honk() => Console.WriteLine("C# Honk");

    /// <summary>The quack, in a capsule named "quacker".</summary>
    [PythonFunction("getQuack")]
    public static Capsule GetQuack() => QuackCapsule;

    /// <summary>A honk, in a capsule named "honker": the wrong capsule for a bird that wants a quack.</summary>
    [PythonFunction("getHonk")]
    public static Capsule GetHonk() => HonkCapsule;

    /// <summary>The louder of two ducks (the first if they are as loud), or the only one given.</summary>
    [PythonFunction("louder")]
    public static Duck Louder(Duck first, Duck? second = null) => second is not null && second.Volume > first.Volume ? second : first;

    /// <summary>A duck with a name and a voice: the Python type CppDuck.Duck, whose objects each own one of these.</summary>
    [PythonClass]
    public sealed class Duck
    {
        private int _volume;

        /// <summary>Makes a duck.</summary>
        public Duck(string name, int volume = 1)
        {
            Name = name;
            Volume = volume;
        }

        /// <summary>The duck's name, given when it hatched.</summary>
        [PythonProperty("name")]
        public string Name { get; }

        /// <summary>How loud the duck quacks, from 0 to 10.</summary>
        [PythonProperty("volume")]
        public int Volume
        {
            get => _volume;
            set => _volume = value is >= 0 and <= 10 ? value : throw new ArgumentOutOfRangeException(nameof(Volume), $"A duck's volume is 0 to 10, not {value}.");
        }

        /// <summary>A duckling of the given name, as quiet as they come.</summary>
        [PythonFunction("hatch")]
        public static Duck Hatch(string name) => new(name, volume: 0);

        /// <summary>The duck's quack, as often as asked, louder above volume 5.</summary>
        [PythonFunction("quack")]
        public string Quacks(int times = 1)
        {
            if (times < 0)
            {
                throw new ArgumentOutOfRangeException(nameof(times), $"A duck cannot quack {times} times.");
            }

            return string.Join(" ", Enumerable.Repeat(Volume > 5 ? "QUACK!" : "Quack!", times));
        }

        /// <summary>The duck's quack in a capsule named "quacker", which Bird.setQuack binds.</summary>
        [PythonFunction("quacker")]
        public Capsule Quacker() => QuackCapsule;

        /// <summary>What <c>repr()</c> shows.</summary>
        public override string ToString() => $"Duck('{Name}', volume={Volume})";
    }
}
