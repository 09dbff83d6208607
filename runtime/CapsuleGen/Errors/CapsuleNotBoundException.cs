using System.ComponentModel;
using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;

namespace CapsuleGen;

/// <summary>
/// A member of an imported interface was called before any capsule was bound, and the interface
/// gives no default body to fall back on.
/// </summary>
public sealed class CapsuleNotBoundException : CapsuleException
{
    /// <summary>Creates the exception for the member that was called.</summary>
    public CapsuleNotBoundException(string? capsuleName, string member)
        : base($"{member} was called, but no capsule {Capsule.Describe(capsuleName)} is bound and the interface has no default body for it. Bind a capsule first, or give the member a default body to use as the fallback.")
    {
        CapsuleName = capsuleName;
        Member = member;
    }

    /// <summary>
    /// Throws the exception for <paramref name="member"/>. Generated bindings call this rather than
    /// throwing themselves: a call site with a <c>throw</c> in it costs every call through an inlined
    /// binding a few instructions more, even while a capsule is bound.
    /// </summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    [DoesNotReturn]
    [MethodImpl(MethodImplOptions.NoInlining)]
    public static void Throw(string? capsuleName, string member) => throw new CapsuleNotBoundException(capsuleName, member);

    /// <summary>The name of the capsule the binding expects.</summary>
    public string? CapsuleName { get; }

    /// <summary>The member that was called, as <c>Interface.Member</c>.</summary>
    public string Member { get; }
}
