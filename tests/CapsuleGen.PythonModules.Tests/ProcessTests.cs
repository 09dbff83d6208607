namespace CapsuleGen.PythonModules.Tests;

/// <summary>Two .NET runtimes in one Python process, under threads and across os.fork(): nothing crashes or hangs.</summary>
public sealed class ProcessTests
{
    [Fact]
    public async Task A_forked_child_gets_RuntimeError_from_a_module_loaded_before_the_fork_and_the_parent_goes_on()
    {
        string output = await PythonProcess.RunScriptAsync(
            """
            import os, Bird, CppDuck
            Bird.setQuack(CppDuck.getQuack())
            read, write = os.pipe()
            child = os.fork()
            if child == 0:
                try:
                    Bird.callQuack()
                    message = 'the call ran'
                except RuntimeError as error:
                    message = str(error)
                os.write(write, message.encode())
                os._exit(0)
            os.close(write)
            _, status = os.waitpid(child, 0)
            print('child:', os.read(read, 4096).decode())
            print('child exit status:', status)
            Bird.callQuack()
            """);

        Assert.Equal(
            "child: Bird.callQuack() cannot run in a process made by os.fork() after its module was loaded: the .NET runtime does not survive a fork " +
            "(the child has none of its threads). Use multiprocessing's 'spawn' or 'forkserver' start method, or fork before importing the module.\n" +
            "child exit status: 0\n" +
            "C# Quack\n",
            output);
    }

    [Fact]
    public async Task Multiprocessing_with_spawn_runs_the_module_in_every_worker()
    {
        // A file, not -c: spawned workers import the main script to find the function they run.
        using var directory = new TemporaryDirectory("capsulegen-spawn-");
        string script = Path.Combine(directory.Path, "spawn.py");
        await File.WriteAllTextAsync(script,
            """
            import multiprocessing, CppDuck

            def capsule_name(_):
                return repr(CppDuck.getQuack()).split(' at ')[0]

            if __name__ == '__main__':
                with multiprocessing.get_context('spawn').Pool(2) as pool:
                    print(sorted(set(pool.map(capsule_name, range(8)))))
            """, TestContext.Current.CancellationToken);
        (int exitCode, string output) = await PythonProcess.RunAsync(null, script);

        Assert.True(exitCode == 0, output);

        Assert.Equal("['<capsule object \"quacker\"']\n", output);
    }

    [Fact]
    public async Task Eight_threads_call_and_rebind_across_two_CSharp_modules_and_the_process_exits_cleanly()
    {
        string output = await PythonProcess.RunScriptAsync(
            """
            import threading, io, contextlib, Bird, CppDuck, NativeDuck
            capsules = [CppDuck.getQuack(), NativeDuck.getQuack(), CppDuck.quacker]
            errors = []
            def work(seed):
                try:
                    for i in range(2_000):
                        capsule = capsules[(seed + i) % 3]
                        try:
                            Bird.setQuack(capsule)
                        except ValueError:
                            assert capsule is capsules[2]
                        if i % 500 == 0:
                            Bird.resetQuack()
                except BaseException as error:
                    errors.append(repr(error))
            threads = [threading.Thread(target=work, args=(seed,)) for seed in range(8)]
            for thread in threads: thread.start()
            for thread in threads: thread.join()
            print('errors:', errors)
            """);

        Assert.Equal("errors: []\n", output);
    }

    [Fact]
    public async Task The_generic_filter_benchmark_gives_the_same_image_from_CSharp_and_C()
    {
        await Requires.InterpreterModuleAsync("scipy.ndimage", "python3-scipy");
        // A small image and one run: this checks the script and the results, not the speed.
        (int exitCode, string output) = await PythonProcess.RunAsync(null, Path.Combine(RepositoryBenchmark, "generic_filter.py"), PythonProcess.ModuleDirectory, "32", "1");

        Assert.True(exitCode == 0, output);
        Assert.Contains("C# result equals C result exactly: True", output, StringComparison.Ordinal);
        Assert.Contains("Python result equals C result: True", output, StringComparison.Ordinal);
        Assert.Matches(@"C# / C: +\d+\.\d\dx", output);
    }

    private static string RepositoryBenchmark => Path.GetFullPath(Path.Combine(PythonProcess.ModuleDirectory, "../../benchmarks/GenericFilter"));
}
