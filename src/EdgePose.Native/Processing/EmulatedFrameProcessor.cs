using EdgePose.Core.Decoding;
using EdgePose.Core.Engines;
using EdgePose.Core.Frames;
using EdgePose.Core.Pipeline;
using EdgePose.Core.Poses;
using EdgePose.Core.Preprocessing;
using EdgePose.Core.Processing;
using EdgePose.Native.Cuda.Kernels;

namespace EdgePose.Native.Processing;

/// <summary>
/// The GPU processor's logic on the CPU: the same kernel sources on the emulated grid (libedgepose_kernels_cpu,
/// see <see cref="EmulatedKernels"/>), writing host buffer sets. Lets CI run a whole pipeline through the kernels
/// and compare its events with <see cref="CpuFrameProcessor"/>'s, and stands in for the GPU as the reference of the
/// GPU parity checks (NV12, which the CPU processor does not read). Slow; for tests and checks, not for production.
/// </summary>
public sealed class EmulatedFrameProcessor : IFrameProcessor
{
    private readonly OutputLayout _layout;
    private readonly IPoseDecoder? _endToEnd;
    private readonly int _inputWidth;
    private readonly int _inputHeight;
    private int[] _result = [];

    public EmulatedFrameProcessor(int inputWidth, int inputHeight, OutputLayout layout)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(inputWidth, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(inputHeight, 1);
        ArgumentNullException.ThrowIfNull(layout);
        _inputWidth = inputWidth;
        _inputHeight = inputHeight;
        _layout = layout;
        _endToEnd = layout.Kind == OutputLayoutKind.EndToEnd ? PoseDecoders.Create(layout) : null;
    }

    public static EmulatedFrameProcessor For(PoseModel model) => new(model.Input.Width, model.Input.Height, model.Layout);

    public string Description => "CUDA kernels emulated on the CPU";

    public EngineBufferSet CreateBufferSet(IInferenceEngine engine) => engine.CreateBufferSet();

    public Letterbox Preprocess(Frame frame, EngineBufferSet buffers, int slot)
    {
        ArgumentNullException.ThrowIfNull(frame);
        ArgumentNullException.ThrowIfNull(buffers);
        if (frame.Location != MemoryLocation.Host)
        {
            throw new InvalidOperationException("the emulated kernels read host frames only");
        }

        var p = FramePreprocessParams.For(frame, _inputWidth, _inputHeight, out var box);
        EmulatedKernels.Preprocess(frame.Pixels, p, buffers.InputSlot(slot));
        buffers.SlotPadding(slot) = box;
        return box;
    }

    public void Decode(EngineBufferSet buffers, int slot, in Letterbox box, DecodeOptions options, PoseDetections detections)
    {
        ArgumentNullException.ThrowIfNull(buffers);
        ArgumentNullException.ThrowIfNull(detections);
        var output = buffers.Output(0, out _);
        if (_endToEnd is not null)
        {
            _endToEnd.Decode(output, slot, options, detections);
            box.Unmap(detections);
            return;
        }

        var p = DecodeParams.For(_layout, options, box, detections.Capacity);
        if (_result.Length < p.ResultWords)
        {
            _result = new int[p.ResultWords]; // warm-up only
        }

        int values = _layout.ValuesPerImage;
        EmulatedKernels.Postprocess(output.Slice(slot * values, values), p, _result);
        KernelResult.CopyTo(_result, detections);
    }

    public void Dispose()
    {
    }
}
