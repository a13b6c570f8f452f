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
/// GPU parity checks (NV12, which the CPU processor does not read). It queues and completes batches as the GPU processor
/// does (slot staging, one launch per 8 images, padding kept per slot). Slow; for tests and checks, not for production.
/// </summary>
public sealed class EmulatedFrameProcessor : IFrameProcessor
{
    private readonly OutputLayout _layout;
    private readonly IPoseDecoder? _endToEnd;
    private readonly int _inputWidth;
    private readonly int _inputHeight;
    private int[] _result = [];
    private byte[]?[] _frames = [];
    private float[]?[] _inputs = [];
    private Letterbox?[] _padding = []; // per slot: the letterbox whose padding _inputs[slot] holds
    private readonly PreprocessBatchQueue _queue = new();

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

    /// <summary>
    /// Queues the letterbox as the GPU processor does: the frame copied into its slot's staging, the tap table, the
    /// image alone where the staging holds this letterbox's padding; <see cref="CompletePreprocess"/> runs the batch.
    /// </summary>
    public Letterbox Preprocess(Frame frame, EngineBufferSet buffers, int slot)
    {
        ArgumentNullException.ThrowIfNull(frame);
        ArgumentNullException.ThrowIfNull(buffers);
        if (frame.Location != MemoryLocation.Host)
        {
            throw new InvalidOperationException("the emulated kernels read host frames only");
        }

        var p = FramePreprocessParams.For(frame, _inputWidth, _inputHeight, out var box);
        ArgumentOutOfRangeException.ThrowIfNegative(slot);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(slot, buffers.MaxBatch);
        if (_queue.Buffers is { } other && !ReferenceEquals(other, buffers))
        {
            CompletePreprocess(other);
        }

        if (_queue.UnlaunchedWrites(slot))
        {
            LaunchChunks(all: true);
        }

        var (pixels, input) = Staging(slot, frame.Pixels.Length);
        frame.Pixels.CopyTo(pixels);
        p = p.WithContentOnly(_padding[slot] == box);
        _padding[slot] = null;
        _queue.Add(buffers, (ulong)Address(pixels), p, (ulong)Address(input), slot, box);
        LaunchChunks(all: false); // a whole chunk of 8 goes at once

        return box;
    }

    /// <summary>Runs the queued batch (8 images per emulated launch) and copies each image from its staging into its slot.</summary>
    public void CompletePreprocess(EngineBufferSet buffers)
    {
        ArgumentNullException.ThrowIfNull(buffers);
        if (_queue.Count == 0 || !ReferenceEquals(_queue.Buffers, buffers))
        {
            return;
        }

        try
        {
            LaunchChunks(all: true);
            for (int i = 0; i < _queue.Count; i++)
            {
                int slot = _queue.Slot(i);
                var target = buffers.InputSlot(slot);
                _inputs[slot]!.AsSpan(0, target.Length).CopyTo(target);
                _padding[slot] = _queue.Box(i);
                buffers.SlotPadding(slot) = _queue.Box(i);
            }
        }
        finally
        {
            _queue.Clear();
        }
    }

    private void LaunchChunks(bool all)
    {
        while (_queue.HasChunk(all))
        {
            EmulatedKernels.PreprocessBatch(_queue.ChunkSources, _queue.ChunkImages, _queue.ChunkDestinations, useTaps: true);
            _queue.MarkChunkLaunched();
        }
    }

    // Slot staging on the pinned object heap (the emulated kernels take their addresses): made once per slot, grown for a larger frame.
    private (byte[] Pixels, float[] Input) Staging(int slot, int frameBytes)
    {
        if (slot >= _frames.Length)
        {
            int n = Math.Max(slot + 1, 2 * _frames.Length);
            Array.Resize(ref _frames, n);
            Array.Resize(ref _inputs, n);
            Array.Resize(ref _padding, n);
        }

        if (_frames[slot] is not { } pixels || pixels.Length < frameBytes)
        {
            _frames[slot] = pixels = GC.AllocateUninitializedArray<byte>(frameBytes, pinned: true);
        }

        return (pixels, _inputs[slot] ??= GC.AllocateArray<float>(3 * _inputWidth * _inputHeight, pinned: true));
    }

    private static nint Address<T>(T[] pinned) => System.Runtime.InteropServices.Marshal.UnsafeAddrOfPinnedArrayElement(pinned, 0);

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
