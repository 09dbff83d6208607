using CapsuleGen.CodeFixes.Tests.Infrastructure;

namespace CapsuleGen.CodeFixes.Tests;

/// <summary>CAPS0012: the member gets the slot after the highest one its interface uses, written as the file names the attribute.</summary>
public sealed class AddCapsuleSlotTests
{
    private static readonly AddCapsuleSlotCodeFix s_fix = new();

    [Fact]
    public Task Takes_the_slot_after_the_highest_one_used() => CodeFixAssert.FixesAsync(
        s_fix,
        "CAPS0012",
        """
        using CapsuleGen;

        [ImportCapsule("spam._C_API")]
        public partial interface ISpam
        {
            [CapsuleSlot(3)] int Add(int a, int b);
            [CapsuleSlot(1)] int Negate(int a);
            int Subtract(int a, int b);
        }
        """,
        """
        using CapsuleGen;

        [ImportCapsule("spam._C_API")]
        public partial interface ISpam
        {
            [CapsuleSlot(3)] int Add(int a, int b);
            [CapsuleSlot(1)] int Negate(int a);
            [CapsuleSlot(4)] int Subtract(int a, int b);
        }
        """,
        title: "Add [CapsuleSlot(4)]");

    [Fact]
    public Task Qualifies_the_attribute_without_a_using_and_follows_its_siblings_own_line_layout() => CodeFixAssert.FixesAsync(
        s_fix,
        "CAPS0012",
        """
        [CapsuleGen.ImportCapsule("datetime.datetime_CAPI")]
        public partial interface IDateTimeApi
        {
            [CapsuleGen.CapsuleSlot(0)]
            nint DateType { get; }

            /// <summary>Makes a date.</summary>
            nint DateFromDate(int year, int month, int day, nint type);
        }
        """,
        """
        [CapsuleGen.ImportCapsule("datetime.datetime_CAPI")]
        public partial interface IDateTimeApi
        {
            [CapsuleGen.CapsuleSlot(0)]
            nint DateType { get; }

            /// <summary>Makes a date.</summary>
            [CapsuleGen.CapsuleSlot(1)]
            nint DateFromDate(int year, int month, int day, nint type);
        }
        """,
        title: "Add [CapsuleSlot(1)]");

    [Fact]
    public Task Starts_at_slot_0_when_no_member_has_one() => CodeFixAssert.FixesAsync(
        s_fix,
        "CAPS0012",
        """
        using CapsuleGen;

        [ImportCapsule("spam._C_API")]
        public partial interface ISpam
        {
            nint Version { get; }
        }
        """,
        """
        using CapsuleGen;

        [ImportCapsule("spam._C_API")]
        public partial interface ISpam
        {
            [CapsuleSlot(0)] nint Version { get; }
        }
        """,
        title: "Add [CapsuleSlot(0)]");

    [Fact]
    public Task Fix_all_numbers_the_new_slots_one_after_another_per_interface() => CodeFixAssert.FixesAllAsync(
        s_fix,
        "CAPS0012",
        """
        using CapsuleGen;

        [ImportCapsule("spam._C_API")]
        public partial interface ISpam
        {
            int Add(int a, int b);
            [CapsuleSlot(5)] int Negate(int a);
            int Subtract(int a, int b);
        }

        [ImportCapsule("eggs._C_API")]
        public partial interface IEggs
        {
            int Boil(int minutes);
            int Fry(int minutes);
        }
        """,
        """
        using CapsuleGen;

        [ImportCapsule("spam._C_API")]
        public partial interface ISpam
        {
            [CapsuleSlot(6)] int Add(int a, int b);
            [CapsuleSlot(5)] int Negate(int a);
            [CapsuleSlot(7)] int Subtract(int a, int b);
        }

        [ImportCapsule("eggs._C_API")]
        public partial interface IEggs
        {
            [CapsuleSlot(0)] int Boil(int minutes);
            [CapsuleSlot(1)] int Fry(int minutes);
        }
        """);

    [Fact]
    public Task Fix_all_in_a_project_numbers_the_parts_of_one_interface_in_two_files_one_after_another() => CodeFixAssert.FixesAllInProjectAsync(
        s_fix,
        "CAPS0012",
        [
            """
            using CapsuleGen;

            [ImportCapsule("spam._C_API")]
            public partial interface ISpam
            {
                [CapsuleSlot(1)] int Add(int a, int b);
                int Subtract(int a, int b);
            }
            """,
            """
            using CapsuleGen;

            public partial interface ISpam
            {
                int Multiply(int a, int b);
                int Divide(int a, int b);
            }
            """,
        ],
        [
            """
            using CapsuleGen;

            [ImportCapsule("spam._C_API")]
            public partial interface ISpam
            {
                [CapsuleSlot(1)] int Add(int a, int b);
                [CapsuleSlot(2)] int Subtract(int a, int b);
            }
            """,
            """
            using CapsuleGen;

            public partial interface ISpam
            {
                [CapsuleSlot(3)] int Multiply(int a, int b);
                [CapsuleSlot(4)] int Divide(int a, int b);
            }
            """,
        ]);

    [Fact]
    public Task Offers_no_fix_past_the_last_slot() => CodeFixAssert.OffersNoFixAsync(
        s_fix,
        "CAPS0012",
        """
        using CapsuleGen;

        [ImportCapsule("spam._C_API")]
        public partial interface ISpam
        {
            [CapsuleSlot(4095)] int Add(int a, int b);
            int Subtract(int a, int b);
        }
        """);
}
