namespace CapsuleGen.PythonModules.Tests;

/// <summary>The Tensors sample's script, as the README runs it: NumPy, torch and a C# module sharing memory.</summary>
public sealed class TensorSampleTests
{
    [Fact]
    public async Task The_sample_shares_one_buffer_between_NumPy_torch_and_CSharp_and_prints_what_the_README_shows()
    {
        await Requires.InterpreterModuleAsync("torch", "python3-torch");
        string script = Path.GetFullPath(Path.Combine(PythonProcess.ModuleDirectory, "../../samples/PythonModules/Tensors/tensors.py"));

        (int exitCode, string output) = await PythonProcess.RunAsync(null, script, PythonProcess.ModuleDirectory);

        Assert.True(exitCode == 0, output);
        Assert.Equal(
            """
            filled by C#: [0.  0.5 1.  1.5 2.  2.5]
            written by torch, read by NumPy: 100.0
            summed by C#: 107.5 = 107.5
            a torch tensor to C# through DLPack: 6.0
            trace of the transpose: 12.0
            C#'s memory, seen by NumPy after torch wrote to it:
            [[ 0.  1.  4.]
             [ 9. 16. -1.]]
            TypeError: Tensors.fill_range() argument 'values' must be an array of float64, not an array of int64
            ValueError: Tensors.fill_range() argument 'values' must be C-contiguous, not strided (shape (3,), strides (16,) bytes)

            """.ReplaceLineEndings("\n"),
            output.Replace("\r\n", "\n", StringComparison.Ordinal));
    }
}
