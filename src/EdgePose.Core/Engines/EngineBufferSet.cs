using EdgePose.Core.Preprocessing;

namespace EdgePose.Core.Engines;

/// <summary>
/// Input and output tensors for up to <see cref="MaxBatch"/> images, made by an engine and owned by the caller
/// (<see cref="IInferenceEngine.CreateBufferSet"/>). Slot i of the input is image i of the batch. Each slot
/// remembers the letterbox last written into it, so a frame of the same size skips its padding.
/// </summary>
public abstract class EngineBufferSet : IDisposable
{
    private readonly Letterbox?[] _padding;
    private bool _disposed;

    protected EngineBufferSet(IInferenceEngine engine, int maxBatch, TensorInfo input, MemoryLocation inputLocation, MemoryLocation outputLocation)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxBatch, 1);
        Engine = engine;
        MaxBatch = maxBatch;
        Input = input;
        InputLocation = inputLocation;
        OutputLocation = outputLocation;
        SlotElements = checked((int)(input.Shape.ElementCount / input.Shape[0]));
        _padding = new Letterbox?[maxBatch];
    }

    /// <summary>The engine that made this set and runs it.</summary>
    public IInferenceEngine Engine { get; }

    public int MaxBatch { get; }

    /// <summary>The input tensor at full batch.</summary>
    public TensorInfo Input { get; }

    /// <summary>Floats of one image in the input (3 × H × W).</summary>
    public int SlotElements { get; }

    public MemoryLocation InputLocation { get; }

    public MemoryLocation OutputLocation { get; }

    /// <summary>Images in the last run (0 before the first).</summary>
    public int Batch { get; protected set; }

    /// <summary>The completion of the last run; complete before the first.</summary>
    public abstract IInferenceCompletion Completion { get; }

    protected bool IsDisposed => _disposed;

    /// <summary>Input slot <paramref name="slot"/> in host memory; throws for a set whose input is on the device.</summary>
    public abstract Span<float> InputSlot(int slot);

    /// <summary>The device address of the input tensor (slot 0); 0 for a host-only set.</summary>
    public abstract nint InputDevicePointer { get; }

    /// <summary>The device address of output <paramref name="index"/>; 0 for a host-only set.</summary>
    public abstract nint OutputDevicePointer(int index);

    /// <summary>
    /// Output <paramref name="index"/> of the last run, in host memory, sized for the full batch (the first
    /// <see cref="Batch"/> images are valid), and the shape of the last run. Read only after <see cref="Completion"/>.
    /// </summary>
    public abstract ReadOnlySpan<float> Output(int index, out TensorShape shape);

    /// <summary>The letterbox last written into <paramref name="slot"/> (its padding is in place); null when unknown.</summary>
    public ref Letterbox? SlotPadding(int slot) => ref _padding[CheckSlot(slot)];

    /// <summary>Forgets every slot's padding (after something other than the letterbox writer wrote the input).</summary>
    public void ForgetPadding() => Array.Clear(_padding);

    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        Dispose(true);
        GC.SuppressFinalize(this);
    }

    protected abstract void Dispose(bool disposing);

    protected int CheckSlot(int slot)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        ArgumentOutOfRangeException.ThrowIfNegative(slot);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(slot, MaxBatch);
        return slot;
    }

    /// <summary>Checks a batch size for <see cref="IInferenceEngine.Enqueue"/>.</summary>
    protected internal void CheckBatch(int batch)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        ArgumentOutOfRangeException.ThrowIfLessThan(batch, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(batch, MaxBatch);
    }
}
