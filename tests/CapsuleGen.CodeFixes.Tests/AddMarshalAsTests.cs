using CapsuleGen.CodeFixes.Tests.Infrastructure;

namespace CapsuleGen.CodeFixes.Tests;

/// <summary>CAPS0004 on bool or char: [MarshalAs] gives the width; other types that cannot cross get no fix.</summary>
public sealed class AddMarshalAsTests
{
    private const string OneByteBool = "Pass as a one-byte C bool";
    private const string FourByteInt = "Pass as a four-byte int";

    private static readonly AddMarshalAsCodeFix s_fix = new();

    [Fact]
    public async Task Offers_both_bool_widths()
    {
        const string Source = """
            public static partial class Duck
            {
                [CapsuleGen.ExportCapsule("quacker")]
                public static void Quack(bool loud) { }
            }
            """;
        var actions = await CodeFixRunner.ActionsAsync(s_fix, TestDocument.Create(Source), "CAPS0004");
        Assert.Equal([OneByteBool, FourByteInt], actions.Select(action => action.Title));
    }

    [Fact]
    public Task Marks_a_bool_parameter_as_one_byte_and_adds_the_using() => CodeFixAssert.FixesAsync(
        s_fix,
        "CAPS0004",
        """
        using CapsuleGen;

        public static partial class Duck
        {
            [ExportCapsule("quacker")]
            public static void Quack(int times, bool loud) { }
        }
        """,
        """
        using System.Runtime.InteropServices;
        using CapsuleGen;

        public static partial class Duck
        {
            [ExportCapsule("quacker")]
            public static void Quack(int times, [MarshalAs(UnmanagedType.U1)] bool loud) { }
        }
        """,
        title: OneByteBool);

    [Fact]
    public Task Marks_a_bool_return_as_four_bytes_on_its_own_line() => CodeFixAssert.FixesAsync(
        s_fix,
        "CAPS0004",
        """
        using System.Runtime.InteropServices;
        using CapsuleGen;

        namespace Pond;

        public static partial class Duck
        {
            /// <summary>Whether the duck is awake.</summary>
            [ExportCapsule("awake")]
            public static bool IsAwake() => true;
        }
        """,
        """
        using System.Runtime.InteropServices;
        using CapsuleGen;

        namespace Pond;

        public static partial class Duck
        {
            /// <summary>Whether the duck is awake.</summary>
            [ExportCapsule("awake")]
            [return: MarshalAs(UnmanagedType.I4)]
            public static bool IsAwake() => true;
        }
        """,
        title: FourByteInt);

    [Fact]
    public Task Marks_the_return_of_an_imported_method_without_attributes() => CodeFixAssert.FixesAsync(
        s_fix,
        "CAPS0004",
        """
        using CapsuleGen;

        [ImportCapsule("even")]
        public partial interface IEvenCheck
        {
            // Asks the C library.
            bool IsEven(int value);
        }
        """,
        """
        using System.Runtime.InteropServices;
        using CapsuleGen;

        [ImportCapsule("even")]
        public partial interface IEvenCheck
        {
            // Asks the C library.
            [return: MarshalAs(UnmanagedType.U1)]
            bool IsEven(int value);
        }
        """,
        title: OneByteBool);

    [Fact]
    public Task Keeps_the_line_breaks_of_a_crlf_file() => CodeFixAssert.FixesAsync(
        s_fix,
        "CAPS0004",
        """
        using System.Runtime.InteropServices;

        public static partial class Duck
        {
            [CapsuleGen.ExportCapsule("awake")]
            public static bool IsAwake() => true;
        }
        """.ReplaceLineEndings("\r\n"),
        """
        using System.Runtime.InteropServices;

        public static partial class Duck
        {
            [CapsuleGen.ExportCapsule("awake")]
            [return: MarshalAs(UnmanagedType.U1)]
            public static bool IsAwake() => true;
        }
        """.ReplaceLineEndings("\r\n"),
        title: OneByteBool);

    [Fact]
    public Task Marks_a_char_as_a_utf16_code_unit() => CodeFixAssert.FixesAsync(
        s_fix,
        "CAPS0004",
        """
        public static partial class Duck
        {
            [CapsuleGen.ExportCapsule("initial")]
            public static void Initial(char letter) { }
        }
        """,
        """
        using System.Runtime.InteropServices;

        public static partial class Duck
        {
            [CapsuleGen.ExportCapsule("initial")]
            public static void Initial([MarshalAs(UnmanagedType.U2)] char letter) { }
        }
        """,
        title: "Pass as a UTF-16 code unit (char16_t)");

    [Fact]
    public Task Replaces_a_marshal_as_with_a_width_the_generator_refuses() => CodeFixAssert.FixesAsync(
        s_fix,
        "CAPS0004",
        """
        using System.Runtime.InteropServices;

        public static partial class Duck
        {
            [CapsuleGen.ExportCapsule("quacker")]
            public static void Quack([MarshalAs(UnmanagedType.I1)] bool loud) { }
        }
        """,
        """
        using System.Runtime.InteropServices;

        public static partial class Duck
        {
            [CapsuleGen.ExportCapsule("quacker")]
            public static void Quack([MarshalAs(UnmanagedType.U1)] bool loud) { }
        }
        """,
        title: OneByteBool);

    [Fact]
    public Task Replaces_the_marshal_as_on_the_other_part_of_a_partial_method() => CodeFixAssert.FixesAllAsync(
        s_fix,
        "CAPS0004",
        """
        using System.Runtime.InteropServices;
        using CapsuleGen;

        public static partial class Duck
        {
            [ExportCapsule("quacker")]
            public static partial void Quack(bool loud);

            [ExportCapsule("honker")]
            public static partial bool Honk();
        }

        public static partial class Duck
        {
            public static partial void Quack([MarshalAs(UnmanagedType.I1)] bool loud) { }

            [return: MarshalAs(UnmanagedType.I1)]
            public static partial bool Honk() => true;
        }
        """,
        """
        using System.Runtime.InteropServices;
        using CapsuleGen;

        public static partial class Duck
        {
            [ExportCapsule("quacker")]
            public static partial void Quack(bool loud);

            [ExportCapsule("honker")]
            public static partial bool Honk();
        }

        public static partial class Duck
        {
            public static partial void Quack([MarshalAs(UnmanagedType.U1)] bool loud) { }

            [return: MarshalAs(UnmanagedType.U1)]
            public static partial bool Honk() => true;
        }
        """,
        title: OneByteBool);

    [Fact]
    public Task Fix_all_marks_every_bool_and_adds_one_using() => CodeFixAssert.FixesAllAsync(
        s_fix,
        "CAPS0004",
        """
        using CapsuleGen;

        public static partial class Duck
        {
            [ExportCapsule("quacker")]
            public static bool Quack(bool loud, bool twice) => loud;

            [ExportCapsule("honker")]
            public static void Honk(bool loud) { }
        }
        """,
        """
        using System.Runtime.InteropServices;
        using CapsuleGen;

        public static partial class Duck
        {
            [ExportCapsule("quacker")]
            [return: MarshalAs(UnmanagedType.U1)]
            public static bool Quack([MarshalAs(UnmanagedType.U1)] bool loud, [MarshalAs(UnmanagedType.U1)] bool twice) => loud;

            [ExportCapsule("honker")]
            public static void Honk([MarshalAs(UnmanagedType.U1)] bool loud) { }
        }
        """,
        title: OneByteBool);

    [Fact]
    public async Task Fix_all_of_a_bool_width_leaves_chars_alone()
    {
        string fixedCode = await CodeFixRunner.FixAllAsync(
            s_fix,
            """
            public static partial class Duck
            {
                [CapsuleGen.ExportCapsule("quacker")]
                public static void Quack(char initial, bool loud) { }
            }
            """,
            "CAPS0004",
            FourByteInt);
        Assert.Equal(
            """
            using System.Runtime.InteropServices;

            public static partial class Duck
            {
                [CapsuleGen.ExportCapsule("quacker")]
                public static void Quack(char initial, [MarshalAs(UnmanagedType.I4)] bool loud) { }
            }
            """,
            fixedCode);
    }

    [Theory]
    [InlineData("string sound")]
    [InlineData("ref bool loud")]
    [InlineData("bool[] flags")]
    [InlineData("decimal amount")]
    public Task Offers_no_fix_for_other_types(string parameter) => CodeFixAssert.OffersNoFixAsync(
        s_fix,
        "CAPS0004",
        $$"""
        public static partial class Duck
        {
            [CapsuleGen.ExportCapsule("quacker")]
            public static void Quack({{parameter}}) { }
        }
        """);
}
