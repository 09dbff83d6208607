using System.Buffers;

namespace CapsuleGen.DLPack;

/// <summary>
/// How a <see cref="DLPackTensor"/>'s memory is given back, once: an adopted tensor's deleter, or a
/// pin released and an owner disposed.
/// </summary>
internal sealed unsafe class TensorRelease
{
    private readonly nint _managed;
    private readonly bool _versioned;
    private readonly IDisposable? _owner;
    private readonly bool _pinRunsForeignCode;
    private MemoryHandle _pin;
    private long _holds = 1; // the first handle's; a count that reached zero never rises again
    private int _ran;

    private TensorRelease(nint managed, bool versioned, IDisposable? owner, MemoryHandle pin, bool pinRunsForeignCode = false)
    {
        _pinRunsForeignCode = pinRunsForeignCode;
        _managed = managed;
        _versioned = versioned;
        _owner = owner;
        _pin = pin;
    }

    /// <summary>Calls a consumed DLPack tensor's deleter (if it has one).</summary>
    public static TensorRelease Deleter(nint managed, bool versioned) => new(managed, versioned, owner: null, default);

    /// <summary>Releases a pin and disposes an owner (either may be absent).</summary>
    public static TensorRelease Owned(IDisposable? owner, MemoryHandle pin, bool pinRunsForeignCode) => new(0, versioned: false, owner, pin, pinRunsForeignCode);

    /// <summary>Adds a hold, unless the memory was given back already.</summary>
    public bool TryAddHold() => Ownership.ReferenceCounts.TryIncrement(ref _holds);

    /// <summary>Drops a hold; true for the last one, whose dropper gives the memory back.</summary>
    public bool DropHold() => Interlocked.Decrement(ref _holds) == 0;

    /// <summary>Whether giving back runs code that is not this library's (a deleter, an owner's <c>Dispose</c>), which may block or take a lock.</summary>
    public bool RunsForeignCode => _managed != 0 || _owner is not null || _pinRunsForeignCode;

    /// <summary>Gives the memory back; the second and later calls do nothing. An owner's or deleter's exception reaches the caller.</summary>
    public void Run()
    {
        if (Interlocked.Exchange(ref _ran, 1) != 0)
        {
            return;
        }

        if (_managed != 0 && _versioned)
        {
            var managed = (DLManagedTensorVersioned*)_managed;
            if (managed->Deleter != null)
            {
                managed->Deleter(managed);
            }
        }
        else if (_managed != 0)
        {
            var managed = (DLManagedTensor*)_managed;
            if (managed->Deleter != null)
            {
                managed->Deleter(managed);
            }
        }

        _pin.Dispose();
        _owner?.Dispose();
    }

    /// <summary>Gives the memory back where no caller can receive an exception: one is recorded in <see cref="CapsuleBoundary"/>.</summary>
    public void RunRecorded()
    {
        try
        {
            Run();
        }
        catch (Exception exception)
        {
            CapsuleBoundary.Record("dltensor", "a DLPack tensor's deleter or owner", exception);
        }
    }
}
