using EdgePose.Core.Decoding;
using EdgePose.Core.Engines;
using EdgePose.Core.Frames;
using EdgePose.Core.Pipeline;
using EdgePose.Core.Poses;
using EdgePose.Core.Preprocessing;
using EdgePose.Core.Processing;
using EdgePose.Native.Cuda;
using EdgePose.Native.Cuda.Kernels;

namespace EdgePose.Native.Processing;

/// <summary>
/// Pre- and post-processing on a CUDA GPU with <see cref="CudaKernels"/>. Preprocess: a host frame (BGR24 or NV12)
/// is copied into pinned staging and to the device (or into mapped memory the kernel reads in place: zero-copy, the
/// default on Jetson), or a device frame is read in place; the kernel letterboxes it straight into a device input,
/// or into staging copied back to a host input (ONNX Runtime on the CPU). Decode: a host output is staged for the
/// device, the decode/NMS kernels run, and one small result comes back to pinned memory. Preprocess and decode each have their own stream and staging (they run on two pipeline threads);
/// the preprocess queues a batch's frames and launches them together in <see cref="CompletePreprocess"/>, reads a tap
/// table per frame geometry (made once) and writes only the resized image into a slot that already holds its
/// letterbox's padding. Every buffer is made once: a slot's frame staging on that slot's first host frame, grown once
/// for a larger frame (the only allocations after start). The primary context is pushed on the calling thread for every call.
/// </summary>
/// <remarks>End-to-end outputs (NMS inside the model) are decoded on the CPU: there is nothing to run on the GPU.</remarks>
public sealed class CudaFrameProcessor : IFrameProcessor
{
    /// <summary>Frame staging made at start unless asked otherwise: a 1080p BGR frame; a larger frame grows it once.</summary>
    public const ulong DefaultFrameBytes = 1920UL * 1080 * 3;

    private readonly CudaPrimaryContext _context;
    private readonly CudaKernels _kernels;
    private readonly CudaStream _preprocessStream;
    private readonly CudaStream _decodeStream;
    private readonly OutputLayout _layout;
    private readonly IPoseDecoder? _endToEnd;
    private readonly int _inputWidth;
    private readonly int _inputHeight;
    private readonly ulong _slotBytes;
    private readonly ulong _rawBytes;
    private readonly bool _zeroCopy;
    private CudaStaging?[] _frames = new CudaStaging?[1]; // per slot: a batch's host frames wait here for its launch
    private CudaStaging? _input; // host input sets: the model input of each slot, copied back after the batch
    private int _inputSlots;
    private Letterbox?[] _inputPadding = []; // per slot of _input: the letterbox whose padding it holds
    private readonly PreprocessBatchQueue _queue = new();
    private CudaPreprocessTaps? _taps;
    private CudaStaging? _raw;
    private CudaPostprocessBuffers? _post;
    private readonly bool _ownsContextAndKernels;
    private bool _disposed;

    private CudaFrameProcessor(CudaDevice device, CudaPrimaryContext context, CudaKernels? sharedKernels, int inputWidth, int inputHeight, OutputLayout layout, bool? zeroCopy)
    {
        Device = device;
        _context = context;
        _zeroCopy = zeroCopy ?? device.IsIntegrated;
        _ownsContextAndKernels = sharedKernels is null;
        _inputWidth = inputWidth;
        _inputHeight = inputHeight;
        _layout = layout;
        _slotBytes = 3UL * (ulong)inputWidth * (ulong)inputHeight * sizeof(float);
        _rawBytes = (ulong)layout.ValuesPerImage * sizeof(float);
        _endToEnd = layout.Kind == OutputLayoutKind.EndToEnd ? PoseDecoders.Create(layout) : null;
        try
        {
            _kernels = sharedKernels ?? CudaKernels.Load(context, device);
            _preprocessStream = context.CreateStream();
            _decodeStream = context.CreateStream();
        }
        catch
        {
            _preprocessStream?.Dispose();
            if (sharedKernels is null)
            {
                _kernels?.Dispose();
            }

            throw;
        }
    }

    /// <summary>The GPU the work runs on.</summary>
    public CudaDevice Device { get; }

    public string Description => $"CUDA on {Device}, PTX sm_{_kernels.Architecture}{(_zeroCopy ? ", zero-copy staging" : string.Empty)}";

    /// <summary>True when frames and host-side tensors are staged in mapped memory the kernels use in place (default on an integrated GPU).</summary>
    public bool IsZeroCopy => _zeroCopy;

    /// <summary>
    /// Starts GPU processing on device <paramref name="deviceOrdinal"/> for a <paramref name="inputWidth"/>×<paramref name="inputHeight"/>
    /// model input and <paramref name="layout"/>: the driver, the primary context, the kernels (PTX compiled by the
    /// driver), the streams, and the buffers for <paramref name="decode"/> with up to <paramref name="maxDetections"/>
    /// results and a frame of <paramref name="frameBytes"/> bytes (a larger frame grows the staging once). Host-side
    /// staging is mapped memory the kernels use in place when <paramref name="zeroCopy"/> (default: on an integrated
    /// GPU, a Jetson), else pinned memory copied to and from the device. Throws <see cref="CudaException"/> (see <see cref="CudaFailureClassifier"/>) when any of it fails.
    /// </summary>
    public static CudaFrameProcessor Create(int inputWidth, int inputHeight, OutputLayout layout, DecodeOptions decode, int maxDetections, int deviceOrdinal = 0, ulong frameBytes = DefaultFrameBytes, bool? zeroCopy = null)
    {
        CheckArguments(inputWidth, inputHeight, layout, decode);
        var device = CudaDevice.Get(deviceOrdinal);
        var context = device.RetainPrimaryContext();
        CudaFrameProcessor processor;
        try
        {
            processor = new CudaFrameProcessor(device, context, null, inputWidth, inputHeight, layout, zeroCopy);
        }
        catch
        {
            context.Dispose();
            throw;
        }

        return processor.Allocated(decode, maxDetections, frameBytes);
    }

    /// <summary>
    /// GPU processing on kernels already loaded into <paramref name="context"/> of <paramref name="device"/> (a
    /// check or a test making several processors); the caller keeps <paramref name="context"/> and
    /// <paramref name="kernels"/> and disposes them after this processor.
    /// </summary>
    public static CudaFrameProcessor Create(CudaDevice device, CudaPrimaryContext context, CudaKernels kernels, int inputWidth, int inputHeight, OutputLayout layout, DecodeOptions decode, int maxDetections, ulong frameBytes = DefaultFrameBytes, bool? zeroCopy = null)
    {
        ArgumentNullException.ThrowIfNull(device);
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(kernels);
        CheckArguments(inputWidth, inputHeight, layout, decode);
        return new CudaFrameProcessor(device, context, kernels, inputWidth, inputHeight, layout, zeroCopy).Allocated(decode, maxDetections, frameBytes);
    }

    /// <summary>The GPU processing of <paramref name="model"/>'s input and output (see <see cref="Create(int, int, OutputLayout, DecodeOptions, int, int, ulong, bool?)"/>).</summary>
    public static CudaFrameProcessor Create(PoseModel model, DecodeOptions decode, int deviceOrdinal = 0) =>
        Create(model.Input.Width, model.Input.Height, model.Layout, decode, decode.MaxDetections, deviceOrdinal);

    /// <summary>Device input and output where the engine takes them (TensorRT), else host; staging for a host side is made here.</summary>
    public EngineBufferSet CreateBufferSet(IInferenceEngine engine)
    {
        ArgumentNullException.ThrowIfNull(engine);
        ObjectDisposedException.ThrowIf(_disposed, this);
        bool device = engine.SupportedLocations.Contains(MemoryLocation.Device);
        var input = device ? MemoryLocation.Device : MemoryLocation.Host;
        var output = device && _endToEnd is null ? MemoryLocation.Device : MemoryLocation.Host;
        using var scope = _context.Push();
        if (output == MemoryLocation.Host && _endToEnd is null)
        {
            EnsureHostOutputStaging();
        }

        var set = engine.CreateBufferSet(input, output);
        if (input == MemoryLocation.Host)
        {
            EnsureHostInputStaging(set.MaxBatch);
        }

        return set;
    }

    /// <summary>
    /// Queues the letterbox of <paramref name="frame"/> into <paramref name="slot"/>: a host frame is copied into the
    /// slot's staging (and queued to the device), the geometry's tap table is made if new, and the image joins the
    /// batch that <see cref="CompletePreprocess"/> launches (every 8 images are launched as they come). Only the resized
    /// image is written where the destination holds this letterbox's padding.
    /// </summary>
    public Letterbox Preprocess(Frame frame, EngineBufferSet buffers, int slot)
    {
        ArgumentNullException.ThrowIfNull(frame);
        ArgumentNullException.ThrowIfNull(buffers);
        ObjectDisposedException.ThrowIf(_disposed, this);
        var p = FramePreprocessParams.For(frame, _inputWidth, _inputHeight, out var box);
        CheckSlot(buffers, slot);
        using var scope = _context.Push();
        if (_queue.Buffers is { } other && !ReferenceEquals(other, buffers))
        {
            CompletePreprocess(other); // another set's batch was left open: finish it first
        }

        if (_queue.UnlaunchedWrites(slot))
        {
            LaunchChunks(all: true); // the slot again in one batch: its earlier image goes first
        }

        ulong source;
        if (frame.Location == MemoryLocation.Device)
        {
            source = (ulong)frame.DevicePointer;
        }
        else
        {
            var pixels = frame.Pixels;
            var staging = GrowFrameStaging(slot, (ulong)pixels.Length);
            pixels.CopyTo(staging.Host<byte>());
            staging.ToDevice((ulong)pixels.Length, _preprocessStream);
            source = staging.DevicePointer;
        }

        p = _taps!.Apply(_kernels, p, _preprocessStream);
        ulong destination;
        if (buffers.InputLocation == MemoryLocation.Device && buffers.InputDevicePointer != 0)
        {
            destination = (ulong)buffers.InputDevicePointer + ((ulong)slot * _slotBytes);
            ref var padding = ref buffers.SlotPadding(slot);
            p = p.WithContentOnly(padding == box);
            padding = null; // until the batch has run: a failed launch leaves no claim on the slot's padding
        }
        else
        {
            EnsureHostInputStaging(buffers.MaxBatch);
            destination = _input!.DevicePointer + ((ulong)slot * _slotBytes);
            p = p.WithContentOnly(_inputPadding[slot] == box);
            _inputPadding[slot] = null;
        }

        _queue.Add(buffers, source, p, destination, slot, box);
        LaunchChunks(all: false); // a whole chunk of 8 goes at once

        return box;
    }

    /// <summary>
    /// Launches the batch queued for <paramref name="buffers"/> (one launch per 8 images), waits for it, and for a host
    /// input copies each image from the staging into its slot. Nothing to do when nothing is queued.
    /// </summary>
    public void CompletePreprocess(EngineBufferSet buffers)
    {
        ArgumentNullException.ThrowIfNull(buffers);
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (_queue.Count == 0 || !ReferenceEquals(_queue.Buffers, buffers))
        {
            return;
        }

        using var scope = _context.Push();
        try
        {
            LaunchChunks(all: true);
            bool device = buffers.InputLocation == MemoryLocation.Device && buffers.InputDevicePointer != 0;
            if (!device)
            {
                int slots = 0;
                for (int i = 0; i < _queue.Count; i++)
                {
                    slots = Math.Max(slots, _queue.Slot(i) + 1);
                }

                _input!.ToHost((ulong)slots * _slotBytes, _preprocessStream);
            }

            _preprocessStream.Synchronize();
            for (int i = 0; i < _queue.Count; i++)
            {
                int slot = _queue.Slot(i);
                var box = _queue.Box(i);
                if (!device)
                {
                    var slotSpan = buffers.InputSlot(slot);
                    _input!.Host<float>().Slice(slot * slotSpan.Length, slotSpan.Length).CopyTo(slotSpan);
                    _inputPadding[slot] = box;
                }

                buffers.SlotPadding(slot) = box; // the slot holds the whole letterbox, padding included
            }
        }
        finally
        {
            _queue.Clear();
        }
    }

    /// <summary>Launches the queued images not launched yet: every chunk (<paramref name="all"/>) or only whole chunks of 8.</summary>
    private void LaunchChunks(bool all)
    {
        while (_queue.HasChunk(all))
        {
            _kernels.PreprocessBatch(_queue.ChunkSources, _queue.ChunkImages, _queue.ChunkDestinations, _preprocessStream);
            _queue.MarkChunkLaunched();
        }
    }

    public void Decode(EngineBufferSet buffers, int slot, in Letterbox box, DecodeOptions options, PoseDetections detections)
    {
        ArgumentNullException.ThrowIfNull(buffers);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(detections);
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (_endToEnd is not null)
        {
            _endToEnd.Decode(buffers.Output(0, out _), slot, options, detections);
            box.Unmap(detections);
            return;
        }

        var p = DecodeParams.For(_layout, options, box, detections.Capacity);
        using var scope = _context.Push();
        if (!_post!.Fits(p))
        {
            // Other options than at start (more candidates or detections): new buffers, once.
            _post.Dispose();
            _post = null;
            _post = new CudaPostprocessBuffers(_context, p);
        }

        ulong raw;
        if (buffers.OutputLocation == MemoryLocation.Device && buffers.OutputDevicePointer(0) != 0)
        {
            CheckSlot(buffers, slot);
            raw = (ulong)buffers.OutputDevicePointer(0) + ((ulong)slot * _rawBytes);
        }
        else
        {
            var output = buffers.Output(0, out _);
            int values = _layout.ValuesPerImage;
            if ((long)(slot + 1) * values > output.Length)
            {
                throw new ArgumentOutOfRangeException(nameof(slot), $"slot {slot} is beyond the output's {output.Length / values} images");
            }

            EnsureHostOutputStaging();
            output.Slice(slot * values, values).CopyTo(_raw!.Host<float>());
            _raw.ToDevice(_rawBytes, _decodeStream);
            raw = _raw.DevicePointer;
        }

        _kernels.Postprocess(raw, p, _post, _decodeStream);
        _decodeStream.Synchronize();
        KernelResult.CopyTo(_post.HostResultWords, detections);
    }

    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        _post?.Dispose();
        _taps?.Dispose();
        _raw?.Dispose();
        _input?.Dispose();
        foreach (var staging in _frames)
        {
            staging?.Dispose();
        }

        _decodeStream.Dispose();
        _preprocessStream.Dispose();
        if (_ownsContextAndKernels)
        {
            _kernels.Dispose();
            _context.Dispose();
        }
    }

    private static void CheckArguments(int inputWidth, int inputHeight, OutputLayout layout, DecodeOptions decode)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(inputWidth, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(inputHeight, 1);
        ArgumentNullException.ThrowIfNull(layout);
        ArgumentNullException.ThrowIfNull(decode);
    }

    /// <summary>This processor with its start-up buffers (a 1080p frame's staging, the decode buffers), or disposed and the error thrown.</summary>
    private CudaFrameProcessor Allocated(DecodeOptions decode, int maxDetections, ulong frameBytes)
    {
        try
        {
            using var scope = _context.Push();
            GrowFrameStaging(0, frameBytes);
            _taps = new CudaPreprocessTaps(_context, _inputWidth, _inputHeight);
            if (_layout.Kind != OutputLayoutKind.EndToEnd)
            {
                var box = Letterbox.Compute(_inputWidth, _inputHeight, _inputWidth, _inputHeight);
                _post = new CudaPostprocessBuffers(_context, DecodeParams.For(_layout, decode, box, maxDetections));
            }

            return this;
        }
        catch
        {
            Dispose();
            throw;
        }
    }

    private static void CheckSlot(EngineBufferSet buffers, int slot)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(slot);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(slot, buffers.MaxBatch);
    }

    /// <summary>Slot <paramref name="slot"/>'s frame staging, for at least <paramref name="bytes"/> bytes (made at start for slot 0, and once per larger frame or new slot).</summary>
    private CudaStaging GrowFrameStaging(int slot, ulong bytes)
    {
        if (slot >= _frames.Length)
        {
            Array.Resize(ref _frames, slot + 1);
        }

        if (_frames[slot] is { } staging && staging.Bytes >= bytes)
        {
            return staging;
        }

        _frames[slot]?.Dispose();
        _frames[slot] = null;
        return _frames[slot] = CudaStaging.Allocate(_context, bytes, _zeroCopy);
    }

    /// <summary>The model input of <paramref name="slots"/> images, for sets whose input is in host memory (made again, padding forgotten, for more slots).</summary>
    private void EnsureHostInputStaging(int slots)
    {
        if (_input is not null && _inputSlots >= slots)
        {
            return;
        }

        _input?.Dispose();
        _input = null;
        _input = CudaStaging.Allocate(_context, (ulong)slots * _slotBytes, _zeroCopy);
        _inputSlots = slots;
        _inputPadding = new Letterbox?[slots];
    }

    /// <summary>One image of raw output, for sets whose output is in host memory.</summary>
    private void EnsureHostOutputStaging() => _raw ??= CudaStaging.Allocate(_context, _rawBytes, _zeroCopy);
}
