using System.Diagnostics.CodeAnalysis;
using CapsuleGen.Python;

namespace Fixtures.ClassEdges;

/// <summary>Python types at the edges of the bridge, each named for what a test does with it.</summary>
[PythonModule("ClassEdges")]
public static partial class ClassEdges
{
    private static int s_live;

    /// <summary>How many <see cref="Counted"/> objects .NET still has, after a full collection and every finalizer.</summary>
    [PythonFunction("live")]
    public static int Live()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        return Volatile.Read(ref s_live);
    }

    /// <summary>Its argument, which Python gets as a new object owning the same .NET object.</summary>
    [PythonFunction("same")]
    public static Counted Same(Counted counted) => counted;

    /// <summary>Its argument, or null for None.</summary>
    [PythonFunction("maybe")]
    public static Counted? Maybe(Counted? counted = null) => counted;

    /// <summary>Null from a method that says it never returns null: Python gets None.</summary>
    [PythonFunction("broken_promise")]
    public static Counted BrokenPromise() => null!;

    /// <summary>A <see cref="Hidden"/>, which only .NET can make.</summary>
    [PythonFunction("make_hidden")]
    public static Hidden MakeHidden(int value) => new(value);

    /// <summary>Counts itself while .NET has it: one more when made, one fewer when finalized.</summary>
    [PythonClass]
    public sealed class Counted
    {
        public Counted(long value = 0)
        {
            Value = value;
            Interlocked.Increment(ref s_live);
        }

        ~Counted() => Interlocked.Decrement(ref s_live);

        [PythonProperty("value")]
        public long Value { get; set; }

        /// <summary>Adds to the value and returns it.</summary>
        [PythonFunction("add")]
        public long Add(long amount) => Value += amount;

        /// <summary>Whether the value is the one given: a parameter named like the object a method is bound to.</summary>
        [PythonFunction("equals")]
        public bool EqualsValue(long self) => Value == self;

        /// <summary>Sums 1..n with the GIL released, so that other threads run meanwhile.</summary>
        [PythonFunction("slow_sum", ReleaseGil = true)]
        public long SlowSum(int n)
        {
            long sum = 0;
            for (int i = 1; i <= n; i++)
            {
                sum += i;
                if (i % 1000 == 0)
                {
                    Thread.Yield();
                }
            }

            return sum + Value;
        }

        /// <summary>A new object with the value doubled.</summary>
        [PythonFunction("doubled")]
        public Counted Doubled() => new(2 * Value);

        /// <summary>A Counted with the given value, made by a static method.</summary>
        [PythonFunction("of", ReleaseGil = true)]
        public static Counted Of(long value) => new(value);
    }

    /// <summary>
    /// Holds a Python object in .NET: an instance that holds a Python object referring back to it is a cycle
    /// neither collector sees, until <see cref="Release"/> breaks it.
    /// </summary>
    [PythonClass]
    public sealed class Holder
    {
        private PyObject? _held;

        public Holder()
        {
            Interlocked.Increment(ref s_live);
        }

        ~Holder() => Interlocked.Decrement(ref s_live);

        [PythonFunction("hold")]
        public void Hold(PyObject value)
        {
            _held?.Dispose();
            _held = PyObject.From(value);
        }

        [PythonFunction("held")]
        public PyObject? Held() => _held is null ? null : PyObject.From(_held);

        [PythonFunction("release")]
        public void Release()
        {
            _held?.Dispose();
            _held = null;
        }
    }

    /// <summary>Throws from every member that can, when told to.</summary>
    [PythonClass]
    public sealed class Thrower
    {
        public Thrower(bool fail = false)
        {
            if (fail)
            {
                throw new InvalidOperationException("constructor failed");
            }
        }

        [PythonProperty("broken")]
        public int Broken
        {
            get => throw new NotSupportedException("getter failed");
            set => throw new ArgumentException("setter failed");
        }

        [PythonFunction("fail")]
        public void Fail() => throw new KeyNotFoundException("method failed");

        [PythonFunction("fail_static")]
        public static void FailStatic() => throw new DivideByZeroException("static method failed");

        public override string ToString() => throw new InvalidCastException("ToString failed");

        public override bool Equals(object? obj) => throw new OverflowException("Equals failed");

        public override int GetHashCode() => throw new IndexOutOfRangeException("GetHashCode failed");
    }

    /// <summary>Compared by value; its hash is its value, so a value of -1 would be CPython's error value.</summary>
    [PythonClass]
    public sealed class Valued
    {
        public Valued(int value) => Value = value;

        [PythonProperty("value")]
        public int Value { get; init; }

        public override bool Equals(object? obj) => obj is Valued other && other.Value == Value;

        public override int GetHashCode() => Value;

        public override string? ToString() => Value == 0 ? null : $"Valued({Value})";
    }

    /// <summary>No public constructor: Python cannot make one, only <see cref="MakeHidden"/>.</summary>
    [PythonClass]
    public sealed class Hidden
    {
        [SetsRequiredMembers]
        internal Hidden(int value) => Value = value;

        [PythonProperty("value")]
        public required int Value { get; init; }
    }

    /// <summary>Two public constructors, one chosen for Python.</summary>
    [PythonClass("Chosen")]
    public sealed class TwoConstructors
    {
        public TwoConstructors() => How = "default";

        [PythonConstructor]
        public TwoConstructors(string how, [KeywordOnly] bool loud = false) => How = loud ? how.ToUpperInvariant() : how;

        [PythonProperty("how")]
        public string How { get; }
    }
}
