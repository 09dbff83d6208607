using System.Globalization;
using System.Text.RegularExpressions;

namespace CapsuleGen.Python.Tests;

/// <summary>
/// The SciPy sample, run as a process in its quick mode: π from quad, then quad and generic_filter
/// timed with Python, C# and C functions that must all give the same results.
/// </summary>
public sealed partial class SciPySampleTests
{
    [Fact]
    public async Task The_SciPy_sample_prints_the_integral_and_the_measured_ratios_of_three_equal_implementations()
    {
        Requires.SciPy();
        (int exitCode, string output, string error) = await SampleProcess.RunAsync("SciPy", "--quick");

        Assert.True(exitCode == 0, output + error);
        double integral = double.Parse(Integral().Match(output).Groups[1].Value, CultureInfo.InvariantCulture);
        Assert.InRange(Math.Abs(integral - Math.PI), 0, 1e-10);
        Assert.Matches(@"limit=5000\): [1-9]\d{4,} evaluations per integral", output); // tens of thousands
        Assert.Contains("The three give the same integral: True", output, StringComparison.Ordinal);
        Assert.Contains("a 3x3 mean over a 64x64 image (4,096 calls per filter)", output, StringComparison.Ordinal);
        Assert.Contains("The three give the same filtered image: True", output, StringComparison.Ordinal);
        Assert.Equal(2, Regex.Matches(output, @"Python function: +\d+\.\d\d ms\n  C# capsule: +\d+\.\d\d ms\n  C capsule: +\d+\.\d\d ms\n").Count);
        Assert.Equal(2, Regex.Matches(output, @"C# is \d+\.\dx faster than Python and takes \d+\.\d\dx the time of C\.").Count);
    }

    [GeneratedRegex(@"quad\(4 / \(1 \+ x²\), 0, 1\) = (\S+)")]
    private static partial Regex Integral();
}
