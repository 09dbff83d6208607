using System.Runtime.InteropServices;

namespace CapsuleGen.Python.Tests;

/// <summary>
/// CPython's <c>pyexpat.expat_CAPI</c>, a C API laid out as a C struct of data and functions, bound
/// through a C struct interface and compared with what C reads through pyexpat.h from the same
/// capsule (native/expat_probe.c) and with what Python says.
/// </summary>
public sealed unsafe class ExpatCApiTests
{
    private static readonly int[] s_codes = [1, 2, 3, 4, 7, 9];

    public ExpatCApiTests() => Requires.Python();

    [Fact]
    public void The_CSharp_struct_interface_reads_what_C_reads_through_pyexpat_h()
    {
        using Capsule capsule = PyCapsules.Import("pyexpat.expat_CAPI");
        var api = new IExpatCApi.Binding(capsule);
        using GilScope gil = CPython.AcquireGil();
        CRead c = ReadInC();

        Assert.Equal(c.Magic, Text(api.Magic));
        Assert.Equal([c.Size, c.Major, c.Minor, c.Micro], [api.Size, api.MajorVersion, api.MinorVersion, api.MicroVersion]);
        Assert.Equal(c.ErrorStrings, s_codes.Select(code => Text(api.ErrorString(code))).ToArray());

        // The interface declares the whole struct, so the capsule's size field is the header's sizeof.
        Assert.Equal(c.HeaderSize, api.Size);
    }

    [Fact]
    public void The_values_are_pyexpats_own()
    {
        using Capsule capsule = PyCapsules.Import("pyexpat.expat_CAPI");
        var api = new IExpatCApi.Binding(capsule);
        using GilScope gil = CPython.AcquireGil();
        using PyObject version = CPython.Eval("'%d.%d.%d' % __import__('pyexpat').version_info");
        using PyObject messages = CPython.Eval($"'\\n'.join(__import__('pyexpat').ErrorString(code) for code in [{string.Join(", ", s_codes)}])");

        Assert.Equal("pyexpat.expat_CAPI 1.1", Text(api.Magic));
        Assert.Equal(version.ToString(), $"{api.MajorVersion}.{api.MinorVersion}.{api.MicroVersion}");
        Assert.Equal(messages.ToString().Split('\n'), s_codes.Select(code => Text(api.ErrorString(code))).ToArray());
        Assert.Equal("out of memory", Text(api.ErrorString(1)));
    }

    [Fact]
    public void A_parser_made_through_the_struct_reports_a_mismatched_tag_where_it_is()
    {
        using Capsule capsule = PyCapsules.Import("pyexpat.expat_CAPI");
        var api = new IExpatCApi.Binding(capsule);
        using GilScope gil = CPython.AcquireGil();
        nint parser = api.ParserCreateMM(null, null, null);
        Assert.NotEqual(0, parser);
        try
        {
            byte[] document = "<a>\n  <b></a>"u8.ToArray();
            fixed (byte* text = document)
            {
                Assert.Equal(0, api.Parse(parser, text, document.Length, isFinal: 1)); // XML_STATUS_ERROR
            }

            Assert.Equal("mismatched tag", Text(api.ErrorString(api.GetErrorCode(parser))));
            Assert.Equal((nuint)2, api.GetErrorLineNumber(parser));
        }
        finally
        {
            api.ParserFree(parser);
        }
    }

    private static string? Text(byte* text) => Marshal.PtrToStringUTF8((nint)text);

    private sealed record CRead(string Magic, int Size, int Major, int Minor, int Micro, int HeaderSize, string[] ErrorStrings);

    /// <summary>Calls the C probe, built against this interpreter's headers next to the tests.</summary>
    private static CRead ReadInC()
    {
        nint library = NativeLibrary.Load(Path.Combine(AppContext.BaseDirectory, "expat_probe.so"));
        var read = (delegate* unmanaged[Cdecl]<byte*, int, int*, int*, int, byte*, int, int>)NativeLibrary.GetExport(library, "expat_probe_read");
        byte* magic = stackalloc byte[128];
        int* numbers = stackalloc int[5];
        byte* errors = stackalloc byte[1024];
        fixed (int* codes = s_codes)
        {
            Assert.Equal(0, read(magic, 128, numbers, codes, s_codes.Length, errors, 1024));
        }

        return new CRead(Text(magic)!, numbers[0], numbers[1], numbers[2], numbers[3], numbers[4], Text(errors)!.Split('\n'));
    }
}
