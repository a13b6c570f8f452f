using EdgePose.Core.Decoding;
using EdgePose.Core.Processing;
using EdgePose.Native.Processing;
using EdgePose.Native.Tests.Cuda;

namespace EdgePose.Native.Tests.Processing;

/// <summary>
/// A processor under check and the engines whose buffer sets it is checked on: the GPU processor with a host and a
/// device engine, or the emulated kernels with a host engine (CI). The engines are disposed with their sets.
/// </summary>
internal sealed record ProcessorTarget(string Name, Func<OutputLayout, int, IFrameProcessor> Create, Func<OutputLayout, int, int, SyntheticPoseEngine[]> BatchEngines)
{
    /// <summary>
    /// The GPU processor on <paramref name="gpu"/>'s kernels, into host (ONNX Runtime-like) and device (TensorRT-like)
    /// buffer sets; its host-side staging pinned and copied, or mapped and used in place with <paramref name="zeroCopy"/>
    /// (null: the processor's default, zero-copy on an integrated GPU).
    /// </summary>
    public static ProcessorTarget Gpu(GpuSession gpu, bool? zeroCopy = null) => new(
        zeroCopy is { } z ? $"GPU processor ({(z ? "zero-copy" : "pinned")} staging)" : "GPU processor",
        // A one-byte frame staging at start: the first frame exercises its growth.
        (layout, size) => CudaFrameProcessor.Create(gpu.Device, gpu.Context, gpu.Kernels, size, size, layout, new DecodeOptions(), 300, frameBytes: 1, zeroCopy: zeroCopy),
        (layout, size, batch) => [new SyntheticPoseEngine(layout, size, batch), new SyntheticPoseEngine(layout, size, batch, deviceContext: gpu.Context)]);

    /// <summary>The kernels emulated on the CPU, into host buffer sets.</summary>
    public static ProcessorTarget Emulated { get; } = new(
        "emulated processor",
        (layout, size) => new EmulatedFrameProcessor(size, size, layout),
        (layout, size, batch) => [new SyntheticPoseEngine(layout, size, batch)]);

    /// <summary>The engines, each taking one image per batch.</summary>
    public SyntheticPoseEngine[] Engines(OutputLayout layout, int size) => BatchEngines(layout, size, 1);
}
