using CapsuleGen.CodeFixes.Tests.Infrastructure;

namespace CapsuleGen.CodeFixes.Tests;

/// <summary>CAPS0001: the exported method becomes static, with the modifier where C# style puts it.</summary>
public sealed class MakeMethodStaticTests
{
    private static readonly MakeMethodStaticCodeFix s_fix = new();

    [Fact]
    public Task Adds_static_after_the_accessibility() => CodeFixAssert.FixesAsync(
        s_fix,
        "CAPS0001",
        """
        using CapsuleGen;

        public static partial class Duck
        {
            [ExportCapsule("quacker")]
            public void Quack() { }
        }
        """,
        """
        using CapsuleGen;

        public static partial class Duck
        {
            [ExportCapsule("quacker")]
            public static void Quack() { }
        }
        """);

    [Fact]
    public Task Adds_static_before_unsafe_and_keeps_comments() => CodeFixAssert.FixesAsync(
        s_fix,
        "CAPS0001",
        """
        using CapsuleGen;

        public static partial class Duck
        {
            [ExportCapsule("quacker")]
            // Fills the buffer.
            private unsafe void Fill(byte* buffer) { }
        }
        """,
        """
        using CapsuleGen;

        public static partial class Duck
        {
            [ExportCapsule("quacker")]
            // Fills the buffer.
            private static unsafe void Fill(byte* buffer) { }
        }
        """);

    [Fact]
    public Task Adds_static_to_a_method_without_modifiers_keeping_its_indentation() => CodeFixAssert.FixesAsync(
        s_fix,
        "CAPS0001",
        """
        public partial class Duck
        {
            /// <summary>Quacks.</summary>
            [CapsuleGen.ExportCapsule("quacker")]
            void Quack() { }
        }
        """,
        """
        public partial class Duck
        {
            /// <summary>Quacks.</summary>
            [CapsuleGen.ExportCapsule("quacker")]
            static void Quack() { }
        }
        """);

    [Fact]
    public Task Fix_all_makes_every_exported_method_static() => CodeFixAssert.FixesAllAsync(
        s_fix,
        "CAPS0001",
        """
        using CapsuleGen;

        public static partial class Duck
        {
            [ExportCapsule("quacker")]
            public void Quack() { }

            [ExportCapsule("honker")]
            internal void Honk() { }

            [ExportCapsule("peeper")]
            void Peep() { }
        }
        """,
        """
        using CapsuleGen;

        public static partial class Duck
        {
            [ExportCapsule("quacker")]
            public static void Quack() { }

            [ExportCapsule("honker")]
            internal static void Honk() { }

            [ExportCapsule("peeper")]
            static void Peep() { }
        }
        """);

    [Fact]
    public Task Drops_readonly_which_a_static_method_cannot_have() => CodeFixAssert.FixesAllAsync(
        s_fix,
        "CAPS0001",
        """
        using CapsuleGen;

        public partial struct Duck
        {
            [ExportCapsule("quacker")]
            public readonly int Quack() => 1;

            [ExportCapsule("honker")]
            readonly int Honk() => 2;
        }
        """,
        """
        using CapsuleGen;

        public partial struct Duck
        {
            [ExportCapsule("quacker")]
            public static int Quack() => 1;

            [ExportCapsule("honker")]
            static int Honk() => 2;
        }
        """);

    [Fact]
    public Task Offers_no_fix_when_the_body_uses_the_instance() => CodeFixAssert.OffersNoFixAsync(
        s_fix,
        "CAPS0001",
        """
        public partial class Duck
        {
            private int _x;

            [CapsuleGen.ExportCapsule("quacker")]
            public int Quack() => _x;
        }
        """);

    [Fact]
    public async Task Fix_all_leaves_the_methods_that_use_the_instance_and_breaks_nothing()
    {
        string fixedCode = await CodeFixRunner.FixAllAsync(
            s_fix,
            """
            public partial class Duck
            {
                private int _x;

                [CapsuleGen.ExportCapsule("quacker")]
                public int Quack() => new Duck { _x = 1 }._x;

                [CapsuleGen.ExportCapsule("honker")]
                public int Honk() => _x + base.GetHashCode();
            }
            """,
            "CAPS0001");

        Assert.Equal(
            """
            public partial class Duck
            {
                private int _x;

                [CapsuleGen.ExportCapsule("quacker")]
                public static int Quack() => new Duck { _x = 1 }._x;

                [CapsuleGen.ExportCapsule("honker")]
                public int Honk() => _x + base.GetHashCode();
            }
            """,
            fixedCode);
        await FixedCode.AssertCompilesAsync(fixedCode);
    }

    [Fact]
    public Task Offers_no_fix_for_an_override() => CodeFixAssert.OffersNoFixAsync(
        s_fix,
        "CAPS0001",
        """
        public partial class Duck
        {
            [CapsuleGen.ExportCapsule("quacker")]
            public override string ToString() => "duck";
        }
        """);
}
