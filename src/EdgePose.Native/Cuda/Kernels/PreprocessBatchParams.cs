using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace EdgePose.Native.Cuda.Kernels;

/// <summary>
/// ep_preprocess_batch_params of native/kernels/ep_params.h, field for field: up to
/// <see cref="KernelLaunchConfig.PreprocessBatchMax"/> letterboxes in one launch of ep_preprocess_batch (grid layer z
/// letterboxes image z), passed by value.
/// </summary>
[StructLayout(LayoutKind.Sequential)]
public unsafe struct PreprocessBatchParams
{
    public const int Size = 776;

    public Images Image;
    public fixed ulong Source[KernelLaunchConfig.PreprocessBatchMax];
    public fixed ulong Destination[KernelLaunchConfig.PreprocessBatchMax];
    public int Count;
    public int Reserved;

    /// <summary>The parameters of each image.</summary>
    [InlineArray(KernelLaunchConfig.PreprocessBatchMax)]
    public struct Images
    {
        private PreprocessParams _first;
    }
}
