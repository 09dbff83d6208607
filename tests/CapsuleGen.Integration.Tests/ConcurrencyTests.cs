namespace CapsuleGen.Integration.Tests;

/// <summary>Rebinding while other threads call: every call lands on a whole target, and nothing crashes.</summary>
public sealed class ConcurrencyTests
{
    private const int TotalCalls = 1_000_000;

    [Fact]
    public void A_million_calls_while_another_thread_keeps_rebinding_all_land_on_one_of_the_three_targets()
    {
        var binding = new IRaceTarget.Binding();
        using Capsule native = RebindingTargets.NativeTwo();

        long[] perTarget = RebindingRace.Run(
            TotalCalls,
            binding.Value,
            () => binding.Bind(RebindingTargets.OneCapsule),
            () => binding.Bind(native),
            binding.Unbind);

        Assert.Equal(0, perTarget[0]);
        Assert.Equal(TotalCalls, perTarget.Sum());
        Assert.All(perTarget.Skip(1), count => Assert.True(count > 0, $"Calls per target (C#, C, fallback): {string.Join(", ", perTarget.Skip(1))}"));
    }

    [Fact]
    public void A_failed_bind_while_others_call_leaves_the_current_target_in_place()
    {
        var binding = new IRaceTarget.Binding(RebindingTargets.OneCapsule);
        using var wrongName = new Capsule(NativeCallers.GetNativeTwo(), "race.other");
        using var stop = new CancellationTokenSource();
        long wrongResults = 0;

        var caller = new Thread(() =>
        {
            while (!stop.IsCancellationRequested)
            {
                if (binding.Value(0) != 1)
                {
                    Interlocked.Increment(ref wrongResults);
                }
            }
        });
        caller.Start();
        for (int i = 0; i < 10_000; i++)
        {
            Assert.Throws<CapsuleNameMismatchException>(() => binding.Bind(wrongName));
        }

        stop.Cancel();
        caller.Join();

        Assert.Equal(0, Interlocked.Read(ref wrongResults));
        using Capsule? bound = binding.ShareBoundCapsule();
        Assert.True(RebindingTargets.OneCapsule.RefersToSameCapsule(bound));
    }
}
