using EdgePose.Core.Decoding;
using EdgePose.Core.Engines;
using EdgePose.Core.Models;
using EdgePose.Native.Cuda;

namespace EdgePose.Native.Tests.Processing;

/// <summary>
/// An engine without a model for the processors' checks: input [B, 3, S, S], one output of <see cref="Layout"/>'s
/// shape whose values the check sets (<see cref="SyntheticBufferSet.SetOutput"/>); a run changes nothing. With a
/// CUDA context its sets may live in device memory, as TensorRT's do. Linked into bench/EdgePose.GpuCheck.
/// </summary>
internal sealed class SyntheticPoseEngine : IInferenceEngine
{
    private readonly CudaPrimaryContext? _context;

    public SyntheticPoseEngine(OutputLayout layout, int inputSize = 640, int maxBatch = 1, CudaPrimaryContext? deviceContext = null)
    {
        Layout = layout;
        InputSize = inputSize;
        MaxBatch = maxBatch;
        _context = deviceContext;
        Inputs = [new TensorInfo("images", TensorElementType.Float32, new TensorShape([maxBatch, 3, inputSize, inputSize]))];
        long[] dims = layout.Kind == OutputLayoutKind.RawChannelsFirst
            ? [maxBatch, layout.ValuesPerRow, layout.Rows]
            : [maxBatch, layout.Rows, layout.ValuesPerRow];
        Outputs = [new TensorInfo("output0", TensorElementType.Float32, new TensorShape(dims))];
        SupportedLocations = deviceContext is null ? [MemoryLocation.Host] : [MemoryLocation.Host, MemoryLocation.Device];
    }

    public OutputLayout Layout { get; }

    public int InputSize { get; }

    public string Description => "synthetic pose engine";

    public ModelMetadata Metadata { get; } = new() { Task = "pose", Stride = 32 };

    public IReadOnlyList<TensorInfo> Inputs { get; }

    public IReadOnlyList<TensorInfo> Outputs { get; }

    public int MaxBatch { get; }

    public bool HasDynamicBatch => true;

    public IReadOnlyList<MemoryLocation> SupportedLocations { get; }

    public EngineBufferSet CreateBufferSet(MemoryLocation input = MemoryLocation.Host, MemoryLocation output = MemoryLocation.Host)
    {
        if ((input == MemoryLocation.Device || output == MemoryLocation.Device) && _context is null)
        {
            throw new NotSupportedException("this synthetic engine was made without a CUDA context");
        }

        return new SyntheticBufferSet(this, input, output, _context);
    }

    public IInferenceCompletion Enqueue(EngineBufferSet buffers, int batch) => CompletedInference.Instance;

    public void Dispose()
    {
    }
}
