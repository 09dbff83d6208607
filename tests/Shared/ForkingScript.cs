namespace CapsuleGen.Tests.Shared;

/// <summary>Python that forks children which exit at once, and counts in <c>hung</c> those that do not within 10 seconds (killed, so the run goes on).</summary>
internal static class ForkingScript
{
    public static string Forking(int children) =>
        $$"""
        import os, signal, time
        hung = 0
        for _ in range({{children}}):
            child = os.fork()
            if child == 0:
                os._exit(0)
            deadline = time.monotonic() + 10
            while os.waitpid(child, os.WNOHANG) == (0, 0):
                if time.monotonic() > deadline:
                    hung += 1
                    os.kill(child, signal.SIGKILL)
                    os.waitpid(child, 0)
                    break
                time.sleep(0.002)

        """;
}
