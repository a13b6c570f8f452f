namespace EdgePose.Native.Cuda.Kernels;

/// <summary>
/// Grid and block sizes of the EdgePose kernels, the numbers native/kernels/ep_launch.h uses for the host
/// emulation: 32×8 threads per preprocess block (<see cref="PreprocessPixels"/> output pixels each), 256 per
/// block for the per-anchor, per-candidate and per-result-word kernels, and a fixed grid of 256-thread
/// blocks that walks the NMS mask's tiles.
/// </summary>
public readonly record struct KernelLaunchConfig(uint GridX, uint GridY, uint BlockX, uint BlockY)
{
    /// <summary>Layers of the grid (the images of a batched preprocess); 1 for every other kernel.</summary>
    public uint GridZ { get; init; } = 1;

    public const int PreprocessBlockX = 32;
    public const int PreprocessBlockY = 8;
    public const int LinearBlock = 256;
    public const int NmsBlock = 64;

    /// <summary>Output pixels per preprocess thread in production (ep_launch.h's EP_PREPROCESS_PIXELS).</summary>
    public const int PreprocessPixels = 2;

    /// <summary>Images one batched preprocess launch letterboxes at most (ep_params.h's EP_PREPROCESS_BATCH_MAX).</summary>
    public const int PreprocessBatchMax = 8;

    /// <summary>The NMS mask's grid at most (ep_launch.h's EP_NMS_MASK_MAX_BLOCKS).</summary>
    public const int NmsMaskMaxBlocks = 256;

    /// <summary>Threads per NMS mask block (ep_launch.h's EP_NMS_MASK_THREADS): half a tile, 8 per row.</summary>
    public const int NmsMaskThreads = 256;

    /// <summary>The production preprocess launch.</summary>
    public static KernelLaunchConfig Preprocess(in PreprocessParams p) => Preprocess(p, PreprocessPixels);

    /// <summary>The preprocess launch with <paramref name="pixelsPerThread"/> (1, 2 or 4) output pixels per thread.</summary>
    public static KernelLaunchConfig Preprocess(in PreprocessParams p, int pixelsPerThread) =>
        Preprocess(p, pixelsPerThread, PreprocessBlockX, PreprocessBlockY);

    /// <summary>The preprocess launch with blocks of <paramref name="blockX"/> × <paramref name="blockY"/> threads (for benchmarks: the kernel's result does not depend on the block shape).</summary>
    /// <remarks>
    /// The grid covers the whole output, or with <see cref="PreprocessParams.ContentOnly"/> the resized image alone.</remarks>
    public static KernelLaunchConfig Preprocess(in PreprocessParams p, int pixelsPerThread, int blockX, int blockY)
    {
        int columns = p.ContentOnly != 0 ? p.ResizedWidth : p.TargetWidth;
        int rows = p.ContentOnly != 0 ? p.ResizedHeight : p.TargetHeight;
        return new(Blocks((int)Blocks(columns, pixelsPerThread), blockX), Blocks(rows, blockY), (uint)blockX, (uint)blockY);
    }

    /// <summary>
    /// The batched preprocess (production pixels per thread): layer z for image z, each layer covering the largest
    /// region of the images (the whole output, or the resized image with <see cref="PreprocessParams.ContentOnly"/>).
    /// </summary>
    public static KernelLaunchConfig PreprocessBatch(ReadOnlySpan<PreprocessParams> images)
    {
        if (images.Length is < 1 or > PreprocessBatchMax)
        {
            throw new ArgumentOutOfRangeException(nameof(images), images.Length, $"a batched preprocess takes 1 to {PreprocessBatchMax} images");
        }

        uint gridX = 0, gridY = 0;
        foreach (ref readonly var p in images)
        {
            var c = Preprocess(p);
            gridX = Math.Max(gridX, c.GridX);
            gridY = Math.Max(gridY, c.GridY);
        }

        return new(gridX, gridY, PreprocessBlockX, PreprocessBlockY) { GridZ = (uint)images.Length };
    }

    /// <summary>The tap table kernel: one thread per entry.</summary>
    public static KernelLaunchConfig PreprocessTaps(in PreprocessParams p) => Linear(p.TapCount);

    /// <summary>One thread per anchor.</summary>
    public static KernelLaunchConfig Decode(in DecodeParams p) => Linear(p.Rows);

    /// <summary>One thread per candidate slot.</summary>
    public static KernelLaunchConfig Sort(in DecodeParams p) => Linear(p.Capacity);

    /// <summary>One 256-thread block per half 64×64 tile of the capacity's mask, at most <see cref="NmsMaskMaxBlocks"/>; the blocks walk the tiles the frame's candidates need.</summary>
    public static KernelLaunchConfig NmsMask(in DecodeParams p) =>
        new((uint)Math.Min(2L * p.MaskWords * p.MaskWords, NmsMaskMaxBlocks), 1, NmsMaskThreads, 1);

    /// <summary>The sequential walk: one thread.</summary>
    public static KernelLaunchConfig NmsReduce => new(1, 1, 1, 1);

    /// <summary>One thread per word of each result slot's record.</summary>
    public static KernelLaunchConfig Gather(in DecodeParams p) => Linear(p.MaxDetections * p.RecordWords);

    /// <summary>Threads in the whole grid.</summary>
    public long Threads => (long)GridX * GridY * GridZ * BlockX * BlockY;

    private static KernelLaunchConfig Linear(int threads) => new(Blocks(threads, LinearBlock), 1, LinearBlock, 1);

    private static uint Blocks(int threads, int perBlock)
    {
        if (threads < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(threads), threads, "a launch needs at least one thread");
        }

        return (uint)((threads + perBlock - 1) / perBlock);
    }
}
