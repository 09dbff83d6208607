using System.Runtime.InteropServices;
using CapsuleGen;

namespace SafetyProbe;

/// <summary>
/// Machine code for <c>int f(int x) { return x + id; }</c> in a page of its own, mapped executable,
/// in a capsule whose destructor unmaps the page: calling the pointer after the destructor ran
/// would be a segmentation fault, so a test that survives proves nobody did.
/// </summary>
internal static unsafe partial class CodePage
{
    public const string CapsuleName = "safety.page";
    public const string Signature = "int (int)";

    private const int ProtRead = 1;
    private const int ProtWrite = 2;
    private const int ProtExec = 4;
    private const int MapPrivate = 2;
    private const int MapAnonymous = 0x20;
    private const nuint PageSize = 4096;

    /// <summary>A capsule whose function returns <c>x + id</c>; <paramref name="destroyed"/> counts the destructor's runs per id.</summary>
    public static Capsule Create(int id, int[] destroyed)
    {
        nint page = mmap(0, PageSize, ProtRead | ProtWrite, MapPrivate | MapAnonymous, -1, 0);
        if (page == -1)
        {
            throw new InvalidOperationException($"mmap failed: errno {Marshal.GetLastPInvokeError()}");
        }

        var code = new Span<byte>((void*)page, 8);
        code[0] = 0xB8; // mov eax, id
        BitConverter.TryWriteBytes(code.Slice(1, 4), id);
        code[5] = 0x01; // add eax, edi
        code[6] = 0xF8;
        code[7] = 0xC3; // ret
        if (mprotect(page, PageSize, ProtRead | ProtExec) != 0)
        {
            throw new InvalidOperationException($"mprotect failed: errno {Marshal.GetLastPInvokeError()}");
        }

        return new Capsule(page, CapsuleName, destructor: _ =>
        {
            Interlocked.Increment(ref destroyed[id]);
            if (munmap(page, PageSize) != 0)
            {
                throw new InvalidOperationException($"munmap failed: errno {Marshal.GetLastPInvokeError()}");
            }
        }, signature: CapsuleSignature.Function(Signature));
    }

    [LibraryImport("libc", SetLastError = true)]
    private static partial nint mmap(nint address, nuint length, int protection, int flags, int fd, nint offset);

    [LibraryImport("libc", SetLastError = true)]
    private static partial int mprotect(nint address, nuint length, int protection);

    [LibraryImport("libc", SetLastError = true)]
    private static partial int munmap(nint address, nuint length);
}

/// <summary>What the scenarios bind code pages through; -1 from the fallback.</summary>
[ImportCapsule(CodePage.CapsuleName)]
public partial interface IPageFunction
{
    int Call(int x) => -1;
}
