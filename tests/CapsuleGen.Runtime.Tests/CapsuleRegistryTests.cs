using CapsuleGen;

namespace CapsuleGen.Runtime.Tests;

/// <summary>
/// The process-wide registry that plays the part of <c>PyCapsule_Import</c>. The registry is
/// static: every test uses names made unique with a Guid and unpublishes them when done.
/// </summary>
public sealed class CapsuleRegistryTests
{
    private static string UniqueName(string suffix = "_C_API") => $"test{Guid.NewGuid():N}.{suffix}";

    /// <summary>Unpublishes a test's name when the test ends, however it ends.</summary>
    private sealed class Unpublisher(string name) : IDisposable
    {
        public void Dispose() => CapsuleRegistry.Unpublish(name);
    }

    [Fact]
    public void Import_returns_a_new_handle_to_the_capsule_that_was_published()
    {
        string name = UniqueName();
        using var capsule = new Capsule(0x1234, name);
        using var unpublish = new Unpublisher(name);
        CapsuleRegistry.Publish(name, capsule);

        AssertImportsTheSameCapsule(capsule, name);
    }

    [Fact]
    public void TryImport_returns_a_new_handle_to_the_capsule_that_was_published()
    {
        string name = UniqueName();
        using var capsule = new Capsule(0x1234, name);
        using var unpublish = new Unpublisher(name);
        CapsuleRegistry.Publish(name, capsule);

        Assert.True(CapsuleRegistry.TryImport(name, out Capsule? found));
        using (found)
        {
            Assert.NotSame(capsule, found);
            Assert.True(capsule.RefersToSameCapsule(found));
        }
    }

    [Fact]
    public void A_name_with_a_single_part_can_be_published()
    {
        string name = $"spam{Guid.NewGuid():N}";
        using var capsule = new Capsule(0x1234, name);
        using var unpublish = new Unpublisher(name);
        CapsuleRegistry.Publish(name, capsule);

        AssertImportsTheSameCapsule(capsule, name);
    }

    [Fact]
    public void A_name_with_many_parts_can_be_published()
    {
        string name = $"a{Guid.NewGuid():N}.b.c.d._C_API";
        using var capsule = new Capsule(0x1234, name);
        using var unpublish = new Unpublisher(name);
        CapsuleRegistry.Publish(name, capsule);

        AssertImportsTheSameCapsule(capsule, name);
    }

    [Fact]
    public void Publishing_under_a_name_other_than_the_capsules_own_throws_a_name_mismatch_and_publishes_nothing()
    {
        string name = UniqueName();
        string ownName = UniqueName("other");
        using var capsule = new Capsule(0x1234, ownName);
        using var unpublish = new Unpublisher(name);
        CapsuleNameMismatchException error = Assert.Throws<CapsuleNameMismatchException>(() => CapsuleRegistry.Publish(name, capsule));

        Assert.Equal(name, error.ExpectedName);
        Assert.Equal(ownName, error.ActualName);
        Assert.Contains($"\"{name}\"", error.Message, StringComparison.Ordinal);
        Assert.Contains($"\"{ownName}\"", error.Message, StringComparison.Ordinal);
        Assert.False(CapsuleRegistry.TryImport(name, out Capsule? found));
        Assert.Null(found);
        Assert.Throws<CapsuleNotFoundException>(() => CapsuleRegistry.Import(name));
    }

    [Fact]
    public void Publishing_a_capsule_whose_name_differs_only_in_case_throws_a_name_mismatch()
    {
        string name = UniqueName("_C_API");
        using var capsule = new Capsule(0x1234, name.ToUpperInvariant());
        using var unpublish = new Unpublisher(name);
        Assert.Throws<CapsuleNameMismatchException>(() => CapsuleRegistry.Publish(name, capsule));
    }

    [Fact]
    public void Publishing_a_capsule_with_a_null_name_throws_a_name_mismatch()
    {
        string name = UniqueName();
        using var capsule = new Capsule(0x1234, null);
        using var unpublish = new Unpublisher(name);
        CapsuleNameMismatchException error = Assert.Throws<CapsuleNameMismatchException>(() => CapsuleRegistry.Publish(name, capsule));

        Assert.Equal(name, error.ExpectedName);
        Assert.Null(error.ActualName);
        Assert.False(CapsuleRegistry.TryImport(name, out _));
    }

    [Fact]
    public void Publishing_a_disposed_capsule_throws_ObjectDisposedException_and_publishes_nothing()
    {
        string name = UniqueName();
        var capsule = new Capsule(0x1234, name);
        capsule.Dispose();
        using var unpublish = new Unpublisher(name);
        Assert.Throws<ObjectDisposedException>(() => CapsuleRegistry.Publish(name, capsule));
        Assert.False(CapsuleRegistry.TryImport(name, out _));
        Assert.Throws<CapsuleNotFoundException>(() => CapsuleRegistry.Import(name));
    }

    [Fact]
    public void Publishing_a_null_capsule_throws_ArgumentNullException()
    {
        string name = UniqueName();

        ArgumentNullException error = Assert.Throws<ArgumentNullException>(() => CapsuleRegistry.Publish(name, null!));

        Assert.Equal("capsule", error.ParamName);
        Assert.False(CapsuleRegistry.TryImport(name, out _));
    }

    [Fact]
    public void Importing_an_unknown_name_throws_CapsuleNotFoundException_quoting_the_name()
    {
        string name = UniqueName("missing");

        CapsuleNotFoundException error = Assert.Throws<CapsuleNotFoundException>(() => CapsuleRegistry.Import(name));

        Assert.Equal(name, error.Name);
        Assert.Contains($"\"{name}\"", error.Message, StringComparison.Ordinal);
        Assert.IsAssignableFrom<CapsuleException>(error);
    }

    [Fact]
    public void The_not_found_message_lists_the_published_names()
    {
        // "!" sorts before letters and digits, so these come first in the (sorted, capped) list.
        string id = Guid.NewGuid().ToString("N");
        string first = $"!{id}.first";
        string second = $"!{id}.second";
        using var firstCapsule = new Capsule(0x1, first);
        using var secondCapsule = new Capsule(0x2, second);
        using var unpublish = new Unpublisher(first);
        using var unpublish2 = new Unpublisher(second);
        CapsuleRegistry.Publish(first, firstCapsule);
        CapsuleRegistry.Publish(second, secondCapsule);

        CapsuleNotFoundException error = Assert.Throws<CapsuleNotFoundException>(() => CapsuleRegistry.Import($"!{id}.missing"));

        Assert.Contains("Published:", error.Message, StringComparison.Ordinal);
        Assert.Contains($"\"{first}\"", error.Message, StringComparison.Ordinal);
        Assert.Contains($"\"{second}\"", error.Message, StringComparison.Ordinal);
        Assert.True(
            error.Message.IndexOf(first, StringComparison.Ordinal) < error.Message.IndexOf(second, StringComparison.Ordinal),
            "The published names should be listed in ordinal order.");
    }

    [Fact]
    public void The_not_found_message_lists_at_most_ten_names_and_counts_the_rest()
    {
        string id = Guid.NewGuid().ToString("N");
        string[] names = Enumerable.Range(0, 12).Select(i => $"!{id}.n{i:D2}").ToArray();
        Capsule[] capsules = names.Select(n => new Capsule(0x1, n)).ToArray();
        try
        {
            for (int i = 0; i < names.Length; i++)
            {
                CapsuleRegistry.Publish(names[i], capsules[i]);
            }

            CapsuleNotFoundException error = Assert.Throws<CapsuleNotFoundException>(() => CapsuleRegistry.Import($"!{id}.missing"));

            Assert.Contains($"\"{names[0]}\"", error.Message, StringComparison.Ordinal);
            Assert.Contains($"\"{names[9]}\"", error.Message, StringComparison.Ordinal);
            Assert.DoesNotContain(names[10], error.Message, StringComparison.Ordinal);
            Assert.DoesNotContain(names[11], error.Message, StringComparison.Ordinal);
            Assert.Matches(@", and \d+ more\.$", error.Message);
        }
        finally
        {
            foreach (string name in names)
            {
                CapsuleRegistry.Unpublish(name);
            }

            foreach (Capsule capsule in capsules)
            {
                capsule.Dispose();
            }
        }
    }

    [Theory]
    [InlineData("")]
    [InlineData(".")]
    [InlineData(".a")]
    [InlineData("a.")]
    [InlineData("a..b")]
    [InlineData("spam.._C_API")]
    [InlineData("a\0b")]
    public void Publish_refuses_a_name_that_is_not_dotted(string name)
    {
        using var capsule = new Capsule(0x1234, "valid");

        ArgumentException error = Assert.Throws<ArgumentException>(() => CapsuleRegistry.Publish(name, capsule));

        Assert.Equal("name", error.ParamName);
        Assert.Contains("dotted", error.Message, StringComparison.Ordinal);
        Assert.False(CapsuleRegistry.TryImport(name, out _));
    }

    [Theory]
    [InlineData(".a")]
    [InlineData("a.")]
    [InlineData("a..b")]
    public void Publish_refuses_a_name_that_is_not_dotted_even_when_the_capsule_has_that_name(string name)
    {
        using var capsule = new Capsule(0x1234, name);

        Assert.Throws<ArgumentException>(() => CapsuleRegistry.Publish(name, capsule));
        Assert.False(CapsuleRegistry.TryImport(name, out _));
    }

    [Theory]
    [InlineData("")]
    [InlineData(".")]
    [InlineData(".a")]
    [InlineData("a.")]
    [InlineData("a..b")]
    public void Import_refuses_a_name_that_is_not_dotted_with_a_message_quoting_it(string name)
    {
        ArgumentException error = Assert.Throws<ArgumentException>(() => CapsuleRegistry.Import(name));

        Assert.Equal("name", error.ParamName);
        Assert.Contains($"\"{name}\"", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData(".a")]
    [InlineData("a..b")]
    [InlineData(null)]
    public void TryImport_returns_false_for_an_invalid_or_null_name_without_throwing(string? name)
    {
        Assert.False(CapsuleRegistry.TryImport(name, out Capsule? found));
        Assert.Null(found);
    }

    [Fact]
    public void Null_names_are_refused_with_ArgumentNullException()
    {
        using var capsule = new Capsule(0x1234, null);

        Assert.Throws<ArgumentNullException>(() => CapsuleRegistry.Publish(null!, capsule));
        Assert.Throws<ArgumentNullException>(() => CapsuleRegistry.Import(null!));
        Assert.Throws<ArgumentNullException>(() => CapsuleRegistry.Unpublish(null!));
    }

    [Fact]
    public void TryImport_returns_false_for_an_unknown_name()
    {
        Assert.False(CapsuleRegistry.TryImport(UniqueName("missing"), out Capsule? found));
        Assert.Null(found);
    }

    [Fact]
    public void Registry_names_are_case_sensitive()
    {
        string name = UniqueName("Spam");
        using var capsule = new Capsule(0x1234, name);
        using var unpublish = new Unpublisher(name);
        CapsuleRegistry.Publish(name, capsule);

        string otherCase = name.Replace("Spam", "spam", StringComparison.Ordinal);
        Assert.False(CapsuleRegistry.TryImport(otherCase, out _));
        Assert.Throws<CapsuleNotFoundException>(() => CapsuleRegistry.Import(otherCase));
    }

    [Fact]
    public void The_registry_holds_its_own_reference_so_the_publisher_may_dispose_its_handle()
    {
        string name = UniqueName();
        int destroyed = 0;
        var capsule = new Capsule(0x1234, name, destructor: _ => Interlocked.Increment(ref destroyed));
        using var unpublish = new Unpublisher(name);
        CapsuleRegistry.Publish(name, capsule);

        capsule.Dispose();

        Assert.Equal(0, Volatile.Read(ref destroyed));
        using Capsule imported = CapsuleRegistry.Import(name);
        Assert.Equal((nint)0x1234, imported.GetPointer(name));
        Assert.True(CapsuleRegistry.TryImport(name, out Capsule? found));
        found.Dispose();
    }

    [Fact]
    public async Task The_destructor_runs_once_the_publisher_the_importers_and_the_registry_have_all_let_go()
    {
        string name = UniqueName();
        int destroyed = 0;
        var capsule = new Capsule(0x1234, name, destructor: _ => Interlocked.Increment(ref destroyed));
        CapsuleRegistry.Publish(name, capsule);
        Capsule imported = CapsuleRegistry.Import(name);

        capsule.Dispose();
        Assert.True(CapsuleRegistry.Unpublish(name));
        Assert.Equal(0, Volatile.Read(ref destroyed)); // the importer still holds it
        Assert.Equal((nint)0x1234, imported.GetPointer(name));

        imported.Dispose();

        await capsule.WhenDestroyed.WaitAsync(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken);
        Assert.Equal(1, Volatile.Read(ref destroyed));
    }

    [Fact]
    public void Disposing_an_imported_handle_leaves_the_publisher_and_other_importers_untouched()
    {
        string name = UniqueName();
        using var capsule = new Capsule(0x1234, name);
        using var unpublish = new Unpublisher(name);
        CapsuleRegistry.Publish(name, capsule);

        using (CapsuleRegistry.Import(name))
        {
        }

        Assert.True(CapsuleRegistry.TryImport(name, out Capsule? found));
        found.Dispose();
        found.Dispose();
        Assert.Equal((nint)0x1234, capsule.GetPointer(name));
        AssertImportsTheSameCapsule(capsule, name);
    }

    [Fact]
    public void Unpublish_returns_true_for_a_published_name_then_false()
    {
        string name = UniqueName();
        using var capsule = new Capsule(0x1234, name);
        CapsuleRegistry.Publish(name, capsule);

        Assert.True(CapsuleRegistry.Unpublish(name));
        Assert.False(CapsuleRegistry.Unpublish(name));
    }

    [Fact]
    public void After_Unpublish_the_name_is_not_found_and_the_capsule_is_not_disposed()
    {
        string name = UniqueName();
        using var capsule = new Capsule(0x1234, name);
        CapsuleRegistry.Publish(name, capsule);

        CapsuleRegistry.Unpublish(name);

        Assert.Throws<CapsuleNotFoundException>(() => CapsuleRegistry.Import(name));
        Assert.False(CapsuleRegistry.TryImport(name, out _));
        Assert.False(capsule.IsDisposed);
    }

    [Fact]
    public void Unpublish_of_a_name_never_published_returns_false()
    {
        Assert.False(CapsuleRegistry.Unpublish(UniqueName("never")));
    }

    [Fact]
    public void Unpublish_checks_the_name_like_Publish_and_Import()
    {
        Assert.Throws<ArgumentException>(() => CapsuleRegistry.Unpublish(string.Empty));
        Assert.Throws<ArgumentException>(() => CapsuleRegistry.Unpublish("a..b"));
    }

    [Fact]
    public void Republishing_under_the_same_name_replaces_the_earlier_capsule()
    {
        string name = UniqueName();
        using var first = new Capsule(0x1, name);
        using var second = new Capsule(0x2, name);
        using var unpublish = new Unpublisher(name);
        CapsuleRegistry.Publish(name, first);
        CapsuleRegistry.Publish(name, second);

        AssertImportsTheSameCapsule(second, name);
        Assert.False(first.IsDisposed);
        Assert.True(CapsuleRegistry.Unpublish(name));
        Assert.False(CapsuleRegistry.TryImport(name, out _));
    }

    [Fact]
    public async Task Republishing_replaces_a_capsule_whose_publisher_disposed_its_handle_and_lets_it_go()
    {
        string name = UniqueName();
        var first = new Capsule(0x1, name);
        using var second = new Capsule(0x2, name);
        using var unpublish = new Unpublisher(name);
        CapsuleRegistry.Publish(name, first);
        first.Dispose();
        Assert.False(first.WhenDestroyed.IsCompleted); // the registry still holds it
        CapsuleRegistry.Publish(name, second);

        AssertImportsTheSameCapsule(second, name);
        await first.WhenDestroyed.WaitAsync(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken);
    }

    [Fact]
    public void A_failed_republish_keeps_the_earlier_capsule()
    {
        string name = UniqueName();
        using var first = new Capsule(0x1, name);
        using var wrong = new Capsule(0x2, UniqueName("wrong"));
        using var unpublish = new Unpublisher(name);
        CapsuleRegistry.Publish(name, first);

        Assert.Throws<CapsuleNameMismatchException>(() => CapsuleRegistry.Publish(name, wrong));

        AssertImportsTheSameCapsule(first, name);
    }

    private static void AssertImportsTheSameCapsule(Capsule published, string name)
    {
        using Capsule imported = CapsuleRegistry.Import(name);
        Assert.NotSame(published, imported);
        Assert.True(published.RefersToSameCapsule(imported));
    }
}
