using CapsuleGen.Package.Tests.Infrastructure;

namespace CapsuleGen.Package.Tests;

/// <summary>CapsuleGen.Python from its package: a C# integrand exported by the packaged generator, integrated by real SciPy.</summary>
public sealed class PythonPackageTests(ConsumerWorkspace workspace)
{
    [Fact]
    public async Task An_app_referencing_only_CapsuleGen_Python_hands_a_CSharp_integrand_to_SciPy()
    {
        // The app embeds the interpreter's own CPython (libpython3.11) and hands SciPy the integrand.
        string python = await Requires.InterpreterModuleAsync("scipy.integrate", "libpython3.11 python3-scipy");

        (await workspace.DotNet.RunAsync(workspace.Projects, TimeSpan.FromMinutes(5), "build", workspace.Project("PyApp"), "-c", "Release"))
            .ShouldSucceedWithoutWarnings();

        string output = Path.Combine(workspace.Projects, "PyApp", "bin", "Release", "net10.0");
        CommandResult run = await workspace.DotNet.RunAsync(
            output,
            TimeSpan.FromMinutes(2),
            new Dictionary<string, string?> { ["CAPSULEGEN_PYTHON"] = python },
            "exec", Path.Combine(output, "PyApp.dll"));

        Transcript.ShouldBe(
            """
            capsule: "double (double)"
            (3.1415926535897936, 3.4878684980086326e-14)

            """,
            run);
    }
}
