using System.Runtime.CompilerServices;
using CapsuleGen.Interop;

namespace CapsuleGen.Runtime.Tests;

/// <summary>
/// Capsules are reference-counted as in CPython: handles, bindings' leases and other holders each
/// hold a reference, and the destructor runs once, when the last one goes.
/// </summary>
public sealed class CapsuleOwnershipTests
{
    private const string Importer = "IQuacker";

    [Fact]
    public void A_shared_handle_keeps_the_capsule_alive_after_the_first_handle_is_disposed()
    {
        int runs = 0;
        var first = new Capsule(0x1234, "quacker", destructor: _ => runs++);
        Capsule second = first.Share();

        first.Dispose();

        Assert.True(first.IsDisposed);
        Assert.False(second.IsDisposed);
        Assert.Equal(0, runs);
        Assert.Equal((nint)0x1234, second.GetPointer("quacker"));
        Assert.Throws<ObjectDisposedException>(() => first.GetPointer("quacker"));
        Assert.Throws<ObjectDisposedException>(() => first.Share());

        second.Dispose();
        Assert.Equal(1, runs);
        Assert.True(second.WhenDestroyed.IsCompletedSuccessfully);
    }

    [Fact]
    public void The_last_Dispose_runs_the_destructor_on_its_own_thread_and_receives_its_exception()
    {
        int destructorThread = 0;
        var capsule = new Capsule(0x1234, "quacker", destructor: _ =>
        {
            destructorThread = Environment.CurrentManagedThreadId;
            throw new InvalidOperationException("destructor failed");
        });
        Capsule shared = capsule.Share();
        capsule.Dispose();

        InvalidOperationException error = Assert.Throws<InvalidOperationException>(shared.Dispose);

        Assert.Equal("destructor failed", error.Message);
        Assert.Equal(Environment.CurrentManagedThreadId, destructorThread);
        Assert.True(capsule.WhenDestroyed.IsFaulted);
        shared.Dispose(); // a second Dispose does nothing
    }

    [Fact]
    public void RefersToSameCapsule_is_true_only_for_handles_of_one_capsule()
    {
        using var capsule = new Capsule(0x1234, "quacker");
        using Capsule shared = capsule.Share();
        using var twin = new Capsule(0x1234, "quacker");

        Assert.True(capsule.RefersToSameCapsule(shared));
        Assert.True(shared.RefersToSameCapsule(capsule));
        Assert.False(capsule.RefersToSameCapsule(twin));
        Assert.False(capsule.RefersToSameCapsule(null));
    }

    [Fact]
    public void The_destructor_can_read_its_capsule_but_cannot_take_a_new_reference_to_it()
    {
        Exception? shareError = null;
        nint seen = 0;
        var capsule = new Capsule(0x1234, "quacker", destructor: self =>
        {
            seen = self.GetPointer("quacker");
            shareError = Record.Exception(self.Share);
        });

        capsule.Dispose();

        Assert.Equal((nint)0x1234, seen);
        ObjectDisposedException error = Assert.IsType<ObjectDisposedException>(shareError);
        Assert.Contains("being destroyed", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_capsule_made_WithContext_keeps_the_original_alive_until_it_is_destroyed()
    {
        int runs = 0;
        var original = new Capsule(0x1234, "integrand", destructor: _ => Interlocked.Increment(ref runs));
        Capsule withContext = original.WithContext(0x99);

        original.Dispose();
        Assert.Equal(0, Volatile.Read(ref runs));
        Assert.Equal((nint)0x1234, withContext.GetPointer("integrand"));
        Assert.Equal((nint)0x99, withContext.Context);

        withContext.Dispose();
        await original.WhenDestroyed.WaitAsync(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken);
        Assert.Equal(1, Volatile.Read(ref runs));
    }

    [Theory]
    [InlineData("bad", 0xD800, "name", 3)] // a high surrogate with no low one after it
    [InlineData("bad", 0xDC00, "", 3)] // a low surrogate with no high one before it
    [InlineData("", 0xD83E, "", 0)]
    public void A_name_that_is_not_valid_UTF16_is_refused_with_its_position(string before, int surrogate, string after, int index)
    {
        // Built here: a lone surrogate in an attribute argument would be stored as U+FFFD.
        string name = before + (char)surrogate + after;

        ArgumentException error = Assert.Throws<ArgumentException>(() => new Capsule(0x1234, name));

        Assert.Equal("name", error.ParamName);
        Assert.Contains("lone surrogate", error.Message, StringComparison.Ordinal);
        Assert.Contains($"at index {index}", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_surrogate_pair_in_the_wrong_order_is_refused()
    {
        string name = new(new[] { '\udca6', '\ud83e' });

        ArgumentException error = Assert.Throws<ArgumentException>(() => new Capsule(0x1234, name));

        Assert.Contains("U+DCA6) at index 0", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_name_with_surrogate_pairs_is_valid()
    {
        using var capsule = new Capsule(0x1234, "duck.\ud83e\udd86");

        Assert.True(capsule.IsValid("duck.\ud83e\udd86"));
    }

    [Fact]
    public async Task A_lease_keeps_the_capsule_alive_until_it_is_unreachable_then_the_destructor_runs_on_the_thread_pool()
    {
        bool? onThreadPool = null;
        var capsule = new Capsule(0x1234, "quacker", destructor: _ => onThreadPool = Thread.CurrentThread.IsThreadPoolThread,
            signature: CapsuleSignature.Function("void (void)"));
        WeakReference lease = OpenAndDrop(capsule, out nint pointer);

        capsule.Dispose();
        Assert.Equal((nint)0x1234, pointer);
        Assert.False(capsule.WhenDestroyed.IsCompleted); // the lease may still be reachable

        while (!capsule.WhenDestroyed.IsCompleted)
        {
            GC.Collect();
            GC.WaitForPendingFinalizers();
            await Task.WhenAny(capsule.WhenDestroyed, Task.Delay(20, TestContext.Current.CancellationToken));
        }

        Assert.False(lease.IsAlive);
        Assert.True(onThreadPool);
    }

    [Fact]
    public void A_lease_held_by_a_live_object_stops_the_destructor()
    {
        int runs = 0;
        var capsule = new Capsule(0x1234, "quacker", destructor: _ => runs++, signature: CapsuleSignature.Function("void (void)"));
        CapsuleLease lease = CapsuleUnwrap.OpenFunction(capsule, "quacker", "void (void)", Importer);

        capsule.Dispose();
        GC.Collect();
        GC.WaitForPendingFinalizers();

        Assert.Equal(0, runs);
        using Capsule shared = lease.Share();
        Assert.Equal((nint)0x1234, shared.GetPointer("quacker"));
        GC.KeepAlive(lease);
    }

    [Fact]
    public void A_failed_open_gives_its_reference_back_at_once()
    {
        int runs = 0;
        var capsule = new Capsule(0x1234, "honker", destructor: _ => runs++, signature: CapsuleSignature.Function("void (void)"));

        Assert.Throws<CapsuleNameMismatchException>(() => CapsuleUnwrap.OpenFunction(capsule, "quacker", "void (void)", Importer));
        Assert.Throws<CapsuleSignatureMismatchException>(() => CapsuleUnwrap.OpenFunction(capsule, "honker", "int (int)", Importer));
        capsule.Dispose();

        Assert.Equal(1, runs); // no lease was left holding it: the handle's Dispose was the last reference
    }

    [Fact]
    public async Task A_destructor_the_runtime_runs_that_throws_is_recorded_and_faults_WhenDestroyed()
    {
        string name = $"throwing.{Guid.NewGuid():N}";
        var caught = new TaskCompletionSource<CapsuleBoundaryError>(TaskCreationOptions.RunContinuationsAsynchronously);
        EventHandler<CapsuleBoundaryError> handler = (_, error) =>
        {
            if (error.CapsuleName == name)
            {
                caught.TrySetResult(error);
            }
        };
        CapsuleBoundary.ErrorCaught += handler;
        try
        {
            var capsule = new Capsule(0x1234, name, destructor: _ => throw new InvalidOperationException("destructor failed"));
            OpenAndDrop(capsule, out _);
            capsule.Dispose();

            while (!capsule.WhenDestroyed.IsCompleted)
            {
                GC.Collect();
                GC.WaitForPendingFinalizers();
                await Task.WhenAny(capsule.WhenDestroyed, Task.Delay(20, TestContext.Current.CancellationToken));
            }

            CapsuleBoundaryError error = await caught.Task.WaitAsync(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken);
            Assert.Equal("the capsule's destructor", error.Method);
            Assert.Equal("destructor failed", error.Exception.Message);
            Assert.True(capsule.WhenDestroyed.IsFaulted);
        }
        finally
        {
            CapsuleBoundary.ErrorCaught -= handler;
        }
    }

    [Fact]
    public void Bind_through_a_disposed_handle_fails_even_while_another_handle_keeps_the_capsule_alive()
    {
        var capsule = new Capsule(0x1234, "quacker");
        using Capsule other = capsule.Share();
        capsule.Dispose();

        Assert.Throws<ObjectDisposedException>(() => CapsuleUnwrap.OpenFunction(capsule, "quacker", "void (void)", Importer));
        Assert.Equal((nint)0x1234, CapsuleUnwrap.OpenFunction(other, "quacker", "void (void)", Importer).Pointer);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static WeakReference OpenAndDrop(Capsule capsule, out nint pointer)
    {
        CapsuleLease lease = CapsuleUnwrap.OpenFunction(capsule, capsule.Name, "void (void)", Importer);
        pointer = lease.Pointer;
        return new WeakReference(lease);
    }
}
