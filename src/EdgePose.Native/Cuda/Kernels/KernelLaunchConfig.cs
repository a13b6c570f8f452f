namespace EdgePose.Native.Cuda.Kernels;

/// <summary>
/// Grid and block sizes of the EdgePose kernels, the numbers native/kernels/ep_launch.h uses for the host
/// emulation: 32×8 threads per preprocess block (one per output pixel), 256 per block for the per-anchor,
/// per-candidate and per-detection kernels, and 64-column tiles for the NMS mask.
/// </summary>
public readonly record struct KernelLaunchConfig(uint GridX, uint GridY, uint BlockX, uint BlockY)
{
    public const int PreprocessBlockX = 32;
    public const int PreprocessBlockY = 8;
    public const int LinearBlock = 256;
    public const int NmsBlock = 64;

    public static KernelLaunchConfig Preprocess(in PreprocessParams p) =>
        new(Blocks(p.TargetWidth, PreprocessBlockX), Blocks(p.TargetHeight, PreprocessBlockY), PreprocessBlockX, PreprocessBlockY);

    /// <summary>One thread per anchor.</summary>
    public static KernelLaunchConfig Decode(in DecodeParams p) => Linear(p.Rows);

    /// <summary>One thread per candidate slot.</summary>
    public static KernelLaunchConfig Sort(in DecodeParams p) => Linear(p.Capacity);

    /// <summary>A square grid of 64×64 tiles over the NMS candidates, 64 threads each.</summary>
    public static KernelLaunchConfig NmsMask(in DecodeParams p) => new((uint)p.MaskWords, (uint)p.MaskWords, NmsBlock, 1);

    /// <summary>The sequential walk: one thread.</summary>
    public static KernelLaunchConfig NmsReduce => new(1, 1, 1, 1);

    /// <summary>One thread per result slot.</summary>
    public static KernelLaunchConfig Gather(in DecodeParams p) => Linear(p.MaxDetections);

    /// <summary>Threads in the whole grid.</summary>
    public long Threads => (long)GridX * GridY * BlockX * BlockY;

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
