using System.Runtime.CompilerServices;
using CapsuleGen;
using Microsoft.Win32.SafeHandles;

namespace SafetyProbe;

/// <summary>
/// Finalizers that call through a binding: the collector finds the owner, its binding and the
/// binding's lease unreachable at once and runs their finalizers in no set order (a SafeHandle's
/// last), so the capsule must outlive every finalizer that can still reach it.
/// </summary>
internal static class FinalizerScenario
{
    private const int Owners = 1_000;

    private static int s_wrong;
    private static int s_calls;

    public static async Task FinalizersCallBindings()
    {
        int[] destroyed = new int[2 * Owners + 1];
        Capsule[] capsules = CreateOwners(destroyed);
        for (int i = 0; i < 5; i++)
        {
            Check.CollectGarbage();
        }

        Check.That(Volatile.Read(ref s_wrong) == 0 && Volatile.Read(ref s_calls) == 2 * Owners, $"{Volatile.Read(ref s_calls)} finalizers of plain and critical owners called their bindings, and every call reached live code");
        foreach (Capsule capsule in capsules)
        {
            await Check.DestroyedQuietly(capsule);
        }

        Check.That(destroyed.Skip(1).All(count => count == 1), "then every capsule was destroyed, exactly once");
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static Capsule[] CreateOwners(int[] destroyed)
    {
        var capsules = new Capsule[2 * Owners];
        for (int i = 0; i < Owners; i++)
        {
            capsules[2 * i] = CodePage.Create(2 * i + 1, destroyed);
            capsules[(2 * i) + 1] = CodePage.Create(2 * i + 2, destroyed);
            _ = new PlainOwner(capsules[2 * i], 2 * i + 1);
            _ = new CriticalOwner(capsules[(2 * i) + 1], 2 * i + 2);
            capsules[2 * i].Dispose(); // the owners' bindings hold the only references now
            capsules[(2 * i) + 1].Dispose();
        }

        return capsules;
    }

    private static void Called(int result, int expected)
    {
        Interlocked.Increment(ref s_calls);
        if (result != expected)
        {
            Interlocked.Increment(ref s_wrong);
        }
    }

    private sealed class PlainOwner(Capsule capsule, int id)
    {
        private readonly IPageFunction.Binding _binding = new(capsule);

        ~PlainOwner() => Called(_binding.Call(10), 10 + id);
    }

    private sealed class CriticalOwner : SafeHandleZeroOrMinusOneIsInvalid
    {
        private readonly IPageFunction.Binding _binding;
        private readonly int _id;

        public CriticalOwner(Capsule capsule, int id)
            : base(ownsHandle: true)
        {
            _binding = new IPageFunction.Binding(capsule);
            _id = id;
            SetHandle(1);
        }

        protected override bool ReleaseHandle()
        {
            Called(_binding.Call(10), 10 + _id);
            return true;
        }
    }
}
