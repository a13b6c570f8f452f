using EdgePose.Core.Engines;
using EdgePose.Core.Preprocessing;
using EdgePose.Native.Cuda.Kernels;

namespace EdgePose.Native.Processing;

/// <summary>
/// The letterboxes a processor has queued for one buffer set and not yet completed: per image its source and
/// destination addresses, the kernel's parameters, its slot and letterbox. They are launched in chunks of at most
/// <see cref="KernelLaunchConfig.PreprocessBatchMax"/> images, one launch each; the images before
/// <see cref="Launched"/> are launched. The arrays grow once for a batch larger than any before, else nothing is allocated.
/// </summary>
internal sealed class PreprocessBatchQueue
{
    private ulong[] _sources = new ulong[KernelLaunchConfig.PreprocessBatchMax];
    private ulong[] _destinations = new ulong[KernelLaunchConfig.PreprocessBatchMax];
    private PreprocessParams[] _images = new PreprocessParams[KernelLaunchConfig.PreprocessBatchMax];
    private int[] _slots = new int[KernelLaunchConfig.PreprocessBatchMax];
    private Letterbox[] _boxes = new Letterbox[KernelLaunchConfig.PreprocessBatchMax];

    /// <summary>The buffer set the queued images go to; null when nothing is queued.</summary>
    public EngineBufferSet? Buffers { get; private set; }

    /// <summary>Images queued since the last <see cref="Clear"/>.</summary>
    public int Count { get; private set; }

    /// <summary>Images already launched (the first ones).</summary>
    public int Launched { get; private set; }

    /// <summary>Images queued and not launched yet.</summary>
    public int Unlaunched => Count - Launched;

    /// <summary>The next launch's images: at most <see cref="KernelLaunchConfig.PreprocessBatchMax"/> of the unlaunched.</summary>
    public int NextChunk => Math.Min(Unlaunched, KernelLaunchConfig.PreprocessBatchMax);

    public ReadOnlySpan<ulong> ChunkSources => _sources.AsSpan(Launched, NextChunk);

    public ReadOnlySpan<PreprocessParams> ChunkImages => _images.AsSpan(Launched, NextChunk);

    public ReadOnlySpan<ulong> ChunkDestinations => _destinations.AsSpan(Launched, NextChunk);

    public int Slot(int i) => _slots[i];

    public Letterbox Box(int i) => _boxes[i];

    /// <summary>Whether an unlaunched image already writes <paramref name="slot"/> (two images of one launch must not share a destination).</summary>
    public bool UnlaunchedWrites(int slot) => _slots.AsSpan(Launched, Unlaunched).Contains(slot);

    /// <summary>Queues an image for <paramref name="buffers"/> (the set of every image queued until <see cref="Clear"/>).</summary>
    public void Add(EngineBufferSet buffers, ulong source, in PreprocessParams image, ulong destination, int slot, in Letterbox box)
    {
        if (Buffers is not null && !ReferenceEquals(Buffers, buffers))
        {
            throw new InvalidOperationException("the preprocess queue holds images for another buffer set; complete those first");
        }

        if (Count == _slots.Length)
        {
            int n = 2 * Count; // a batch larger than any before: grow once
            Array.Resize(ref _sources, n);
            Array.Resize(ref _destinations, n);
            Array.Resize(ref _images, n);
            Array.Resize(ref _slots, n);
            Array.Resize(ref _boxes, n);
        }

        Buffers = buffers;
        _sources[Count] = source;
        _destinations[Count] = destination;
        _images[Count] = image;
        _slots[Count] = slot;
        _boxes[Count] = box;
        Count++;
    }

    /// <summary>Whether a chunk waits for its launch: any unlaunched image (<paramref name="all"/>), or else a whole chunk of <see cref="KernelLaunchConfig.PreprocessBatchMax"/>.</summary>
    public bool HasChunk(bool all) => Unlaunched > 0 && (all || Unlaunched >= KernelLaunchConfig.PreprocessBatchMax);

    /// <summary>Marks the next chunk (<see cref="NextChunk"/> images) launched.</summary>
    public void MarkChunkLaunched() => Launched += NextChunk;

    public void Clear()
    {
        Buffers = null;
        Count = 0;
        Launched = 0;
    }
}
