namespace SafetyProbe;

/// <summary>Checks that end a scenario with a message when they fail.</summary>
internal static class Check
{
    public static void That(bool condition, string what)
    {
        if (!condition)
        {
            throw new InvalidOperationException("check failed: " + what);
        }

        Console.WriteLine("ok: " + what);
    }

    /// <summary>A check inside a loop: says nothing unless it fails.</summary>
    public static void Quietly(bool condition, string what)
    {
        if (!condition)
        {
            throw new InvalidOperationException("check failed: " + what);
        }
    }

    /// <summary>Collects until every unreachable binding target has given its capsule back.</summary>
    public static void CollectGarbage()
    {
        for (int i = 0; i < 3; i++)
        {
            GC.Collect();
            GC.WaitForPendingFinalizers();
        }
    }

    public static async Task Destroyed(CapsuleGen.Capsule capsule, string what)
    {
        await DestroyedQuietly(capsule);
        Console.WriteLine("ok: " + what);
    }

    /// <summary>Waits, collecting garbage, until the capsule's destructor has run; fails after a minute.</summary>
    public static async Task DestroyedQuietly(CapsuleGen.Capsule capsule)
    {
        DateTime deadline = DateTime.UtcNow.AddSeconds(60);
        while (!capsule.WhenDestroyed.IsCompleted)
        {
            Quietly(DateTime.UtcNow < deadline, $"{capsule} was destroyed within a minute");
            CollectGarbage();
            await Task.WhenAny(capsule.WhenDestroyed, Task.Delay(50));
        }

        await capsule.WhenDestroyed;
    }

    /// <summary>Waits until <paramref name="condition"/> holds; fails after a minute.</summary>
    public static async Task Eventually(Func<bool> condition, string what)
    {
        DateTime deadline = DateTime.UtcNow.AddSeconds(60);
        while (!condition())
        {
            Quietly(DateTime.UtcNow < deadline, what + " (within a minute)");
            await Task.Delay(20);
        }

        Console.WriteLine("ok: " + what);
    }

    /// <summary>Whether <paramref name="action"/> throws a <typeparamref name="TException"/>.</summary>
    public static bool Throws<TException>(Action action)
        where TException : Exception => Thrown(action) is TException;

    /// <summary>What <paramref name="action"/> throws, or null.</summary>
    public static Exception? Thrown(Action action)
    {
        try
        {
            action();
            return null;
        }
        catch (Exception exception)
        {
            return exception;
        }
    }
}
