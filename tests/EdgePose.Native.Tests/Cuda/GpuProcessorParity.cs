using System.Text;
using EdgePose.Core.Decoding;
using EdgePose.Core.Engines;
using EdgePose.Core.Frames;
using EdgePose.Core.Poses;
using EdgePose.Core.Preprocessing;
using EdgePose.Core.Processing;
using EdgePose.Native.Cuda;
using EdgePose.Native.Cuda.Kernels;
using EdgePose.Native.Processing;
using EdgePose.Native.Tests.Kernels;
using EdgePose.Native.Tests.Processing;

namespace EdgePose.Native.Tests.Cuda;

/// <summary>
/// The GPU processor (<see cref="CudaFrameProcessor"/>) against the CPU processor (<see cref="CpuFrameProcessor"/>,
/// the pipeline's CPU path) on synthetic frames and random raw outputs, through host and device buffer sets. No
/// model file and no shared data: bench/EdgePose.GpuCheck calls <see cref="Run(GpuSession, int, int)"/> on a lent GPU (it links this file,
/// Cuda/GpuSession.cs, Processing/ProcessorTarget.cs, Processing/SyntheticPoseEngine.cs, Processing/SyntheticBufferSet.cs
/// and Kernels/RandomRawFrame.cs), and the
/// GPU-gated tests call the same pieces on real frames and outputs.
/// </summary>
internal static class GpuProcessorParity
{
    /// <summary>Largest coordinate difference accepted (px): the kernels compute the letterbox inverse in another order.</summary>
    public const float Tolerance = 1e-3f;

    /// <summary>Frame sizes and row padding (bytes) of the preprocess checks: camera sizes, an odd size, the model size, a padded stride.</summary>
    public static IReadOnlyList<(int Width, int Height, int StridePad)> FrameSizes { get; } =
        [(1920, 1080, 0), (1280, 720, 0), (641, 479, 0), (640, 640, 0), (334, 250, 6)];

    /// <summary>
    /// Every check: BGR frames against the CPU processor and NV12 frames against the emulated kernels (bit for
    /// bit, into host and device inputs), then <paramref name="frames"/> random raw outputs (every 20th with 8400
    /// anchors) decoded from host and device outputs against the CPU processor; with pinned staging, then again
    /// (a quarter of the outputs) with zero-copy mapped staging; then frames already in device memory; then the
    /// start-up failures (<see cref="FailureChecks"/>) and their classes. One line per check; failures counted.
    /// </summary>
    public static (IReadOnlyList<string> Lines, int Failures) Run(GpuSession gpu, int frames = 200, int seed = 20261127)
    {
        // Both staging kinds on any GPU: pinned copies (discrete GPUs' default) and mapped zero-copy (Jetson's).
        var target = ProcessorTarget.Gpu(gpu, zeroCopy: false);
        var (lines, failures) = Run(target, frames, seed);
        var all = lines.ToList();
        var (zeroCopyLines, zeroCopyFailures) = Run(ProcessorTarget.Gpu(gpu, zeroCopy: true), Math.Max(1, frames / 4), seed + 2);
        all.AddRange(zeroCopyLines);
        failures += zeroCopyFailures;
        var rng = new Random(seed + 1);
        using var bgr = Bgr(rng, 1280, 720, 1280 * 3);
        using var nv12 = Nv12(rng, 1280, 720, 1280);
        foreach (var (frame, reference, name) in new[] { (bgr.Frame, (IFrameProcessor?)null, "the CPU processor"), (nv12.Frame, Emulated.Instance, "the emulated kernels") })
        {
            var mismatch = PreprocessDeviceFrame(gpu, target, frame, reference);
            all.Add(mismatch is null
                ? $"{target.Name} preprocess 1280x720 {frame.Format} frame in device memory: equal to {name}"
                : $"{target.Name} preprocess 1280x720 {frame.Format} frame in device memory: DIFFERS from {name}, {mismatch}");
            failures += mismatch is null ? 0 : 1;
        }

        foreach (var (check, expected, failure) in FailureChecks(gpu))
        {
            bool ok = failure?.Kind == expected;
            all.Add($"{target.Name} start with {check}: {(ok ? "classified" : "MISCLASSIFIED, expected " + expected + ", got")} {failure?.ToString() ?? "no failure"}");
            failures += ok ? 0 : 1;
        }

        return (all, failures);
    }

    /// <summary>
    /// Starts the GPU processor the ways a GPU fails (PTX the driver refuses, buffers beyond the GPU's memory, a
    /// device that is not there) and returns each failure as the fallback sees it (null when it did not fail).
    /// </summary>
    public static IEnumerable<(string Check, GpuFailureKind Expected, GpuFailure? Failure)> FailureChecks(GpuSession gpu)
    {
        var layout = new OutputLayout(OutputLayoutKind.RawChannelsFirst, 1, 8400, 1, 17, 3);
        var broken = new PtxCatalog(
            PtxCatalog.Kernels.Select(k => PtxCatalog.ResourceName(k, 53)),
            _ => Encoding.ASCII.GetBytes(".version 99.9\n.target sm_53\n.address_size 64\n"));
        yield return ("refused PTX", GpuFailureKind.PtxRefused, Failure(() => CudaKernels.Load(gpu.Context, gpu.Device, broken)));
        yield return ("1 PiB of frame staging", GpuFailureKind.OutOfMemory, Failure(() => CudaFrameProcessor.Create(gpu.Device, gpu.Context, gpu.Kernels, 640, 640, layout, new DecodeOptions(), 300, frameBytes: 1UL << 50)));
        yield return ("device 4096", GpuFailureKind.NoDevice, Failure(() => CudaFrameProcessor.Create(640, 640, layout, new DecodeOptions(), 300, deviceOrdinal: 4096)));
    }

    private static GpuFailure? Failure(Func<IDisposable> start)
    {
        try
        {
            start().Dispose();
            return null;
        }
        catch (CudaException e)
        {
            return CudaFailureClassifier.Classify(e);
        }
    }

    /// <summary>
    /// Null when the GPU processor letterboxes a copy of <paramref name="hostFrame"/> in device memory (a decoder's
    /// output, read in place) as <paramref name="reference"/> (null: the CPU processor) letterboxes the host frame.
    /// </summary>
    public static string? PreprocessDeviceFrame(GpuSession gpu, ProcessorTarget target, Frame hostFrame, IFrameProcessor? reference)
    {
        var layout = new OutputLayout(OutputLayoutKind.RawChannelsFirst, 1, 8400, 1, 17, 3);
        reference ??= new CpuFrameProcessor(640, 640, PoseDecoders.Create(layout), new BilinearBgrResizer());
        using var pixels = gpu.Upload<byte>(hostFrame.Pixels);
        if (!new FramePool(1).TryRent(out var deviceFrame))
        {
            throw new InvalidOperationException("a new frame pool has no frame");
        }

        deviceFrame.SetDevice(0, 0, DateTimeOffset.UnixEpoch, hostFrame.Format, hostFrame.Width, hostFrame.Height, hostFrame.Stride, pixels.DevicePointer);
        return Preprocess(target, deviceFrame, new ReferenceOn(reference, hostFrame));
    }

    /// <summary>The same checks on any processor (the tests run them on the emulated kernels without a GPU).</summary>
    public static (IReadOnlyList<string> Lines, int Failures) Run(ProcessorTarget target, int frames, int seed)
    {
        var lines = new List<string>();
        int failures = 0;
        void Report(string what, string? mismatch, string reference = "the CPU processor")
        {
            lines.Add(mismatch is null ? $"{target.Name} {what}: equal to {reference}" : $"{target.Name} {what}: DIFFERS from {reference}, {mismatch}");
            failures += mismatch is null ? 0 : 1;
        }

        var rng = new Random(seed);
        foreach (var (w, h, pad) in FrameSizes)
        {
            using var bgr = Bgr(rng, w, h, (w * 3) + pad);
            Report($"preprocess {w}x{h} BGR24 (stride +{pad})", Preprocess(target, bgr.Frame, reference: null));
            using var nv12 = Nv12(rng, w & ~1, h & ~1, (w & ~1) + pad);
            Report($"preprocess {w & ~1}x{h & ~1} NV12 (stride +{pad})", Preprocess(target, nv12.Frame, reference: Emulated.Instance), "the emulated kernels");
        }

        Report($"preprocess a sequence of {SequenceSizes.Count} frames of changing size and format into one slot", PreprocessSequence(target, rng), "fresh letterboxes");
        Report($"preprocess batches of {SequenceSizes.Count} frames of changing size and format (two launches each), three times", PreprocessBatches(target, rng), "fresh letterboxes");

        int detections = 0;
        string? first = null;
        for (int f = 0; f < frames && first is null; f++)
        {
            var raw = RandomRawFrame.Create(rng, f % 20 == 0 ? 8400 : rng.Next(1, 2000));
            first = Decode(target, raw.Layout, raw.Output, raw.Options, raw.Box, out int n);
            first = first is null ? null : $"frame {f} ({raw.Layout}, {raw.Options}): {first}";
            detections += n;
        }

        Report($"decode of {frames} random raw outputs ({detections} detections)", first);
        return (lines, failures);
    }

    /// <summary>
    /// Frames of the sequence check: repeated sizes (the slot keeps its padding, only the image is written, the tap
    /// table is reused), a new size after each, more sizes than the tap tables held (one is replaced), BGR and NV12.
    /// </summary>
    public static IReadOnlyList<(int Width, int Height, PixelFormat Format)> SequenceSizes { get; } =
    [
        (1920, 1080, PixelFormat.Bgr24), (1920, 1080, PixelFormat.Nv12), (1920, 1080, PixelFormat.Bgr24), (1280, 720, PixelFormat.Nv12),
        (640, 480, PixelFormat.Bgr24), (640, 480, PixelFormat.Bgr24), (480, 640, PixelFormat.Bgr24), (800, 600, PixelFormat.Nv12),
        (333, 250, PixelFormat.Bgr24), (1920, 1080, PixelFormat.Nv12), (1280, 720, PixelFormat.Bgr24), (480, 640, PixelFormat.Nv12),
        (640, 640, PixelFormat.Bgr24), (1920, 1080, PixelFormat.Bgr24),
    ];

    /// <summary>
    /// Null when <see cref="SequenceSizes"/>' frames, letterboxed one after another into slot 0 of each of the
    /// processor's buffer sets (host and device inputs), each equal a fresh letterbox of that frame (the CPU processor
    /// for BGR, the emulated kernels for NV12, each into a new buffer set); else the first difference.
    /// </summary>
    public static string? PreprocessSequence(ProcessorTarget target, Random rng)
    {
        var layout = new OutputLayout(OutputLayoutKind.RawChannelsFirst, 1, 8400, 1, 17, 3);
        using var hostEngine = new SyntheticPoseEngine(layout);
        using var processor = target.Create(layout, 640);
        var cpu = new CpuFrameProcessor(640, 640, PoseDecoders.Create(layout), new BilinearBgrResizer());
        var sets = target.Engines(layout, 640).Select(e => (SyntheticBufferSet)processor.CreateBufferSet(e)).ToArray();
        try
        {
            for (int i = 0; i < SequenceSizes.Count; i++)
            {
                var (w, h, format) = SequenceSizes[i];
                using var frame = format == PixelFormat.Nv12 ? Nv12(rng, w, h, w) : Bgr(rng, w, h, w * 3);
                using var expectedSet = (SyntheticBufferSet)hostEngine.CreateBufferSet();
                if (Preprocess(processor, format == PixelFormat.Nv12 ? Emulated.Instance : cpu, frame.Frame, expectedSet, sets) is { } mismatch)
                {
                    return $"frame {i} ({w}x{h} {format}): {mismatch}";
                }
            }

            return null;
        }
        finally
        {
            foreach (var set in sets)
            {
                set.Dispose();
                ((IDisposable)set.Engine).Dispose();
            }
        }
    }

    /// <summary>
    /// Null when <see cref="SequenceSizes"/>' frames, queued into slots 0 to 13 of each buffer set and completed as one
    /// batch (two launches: 8 images and 6), equal fresh letterboxes; three rounds, the frames rotated one slot each
    /// round (a slot keeps or changes its letterbox); else the first difference.
    /// </summary>
    public static string? PreprocessBatches(ProcessorTarget target, Random rng)
    {
        var layout = new OutputLayout(OutputLayoutKind.RawChannelsFirst, 1, 8400, 1, 17, 3);
        int n = SequenceSizes.Count;
        using var hostEngine = new SyntheticPoseEngine(layout);
        using var processor = target.Create(layout, 640);
        var cpu = new CpuFrameProcessor(640, 640, PoseDecoders.Create(layout), new BilinearBgrResizer());
        var sets = target.BatchEngines(layout, 640, n).Select(e => (SyntheticBufferSet)processor.CreateBufferSet(e)).ToArray();
        var frames = new List<PooledFrame>();
        try
        {
            foreach (var (w, h, format) in SequenceSizes)
            {
                frames.Add(format == PixelFormat.Nv12 ? Nv12(rng, w, h, w) : Bgr(rng, w, h, w * 3));
            }

            var expected = new float[n][];
            var boxes = new Letterbox[n];
            for (int i = 0; i < n; i++)
            {
                using var set = (SyntheticBufferSet)hostEngine.CreateBufferSet();
                var reference = frames[i].Frame.Format == PixelFormat.Nv12 ? Emulated.Instance : cpu;
                boxes[i] = reference.Preprocess(frames[i].Frame, set, 0);
                reference.CompletePreprocess(set);
                expected[i] = set.ReadInput(0);
            }

            for (int round = 0; round < 3; round++)
            {
                foreach (var set in sets)
                {
                    for (int slot = 0; slot < n; slot++)
                    {
                        int f = (slot + round) % n;
                        if (processor.Preprocess(frames[f].Frame, set, slot) != boxes[f])
                        {
                            return $"round {round}, {set.InputLocation} input, slot {slot}: another letterbox than {boxes[f]}";
                        }
                    }

                    processor.CompletePreprocess(set);
                    for (int slot = 0; slot < n; slot++)
                    {
                        int f = (slot + round) % n;
                        var actual = set.ReadInput(slot);
                        int differing = Enumerable.Range(0, actual.Length).Count(j => BitConverter.SingleToInt32Bits(actual[j]) != BitConverter.SingleToInt32Bits(expected[f][j]));
                        if (differing > 0)
                        {
                            return $"round {round}, {set.InputLocation} input, slot {slot} (frame {f}, {SequenceSizes[f]}): {differing} values differ";
                        }
                    }
                }
            }

            return null;
        }
        finally
        {
            foreach (var frame in frames)
            {
                frame.Dispose();
            }

            foreach (var set in sets)
            {
                set.Dispose();
                ((IDisposable)set.Engine).Dispose();
            }
        }
    }

    /// <summary>
    /// Null when the processor letterboxes <paramref name="frame"/> into a host and a device input exactly as
    /// <paramref name="reference"/> does (null: the CPU processor with the pipeline's resizer); else what differs.
    /// </summary>
    public static string? Preprocess(ProcessorTarget target, Frame frame, IFrameProcessor? reference)
    {
        var layout = new OutputLayout(OutputLayoutKind.RawChannelsFirst, 1, 8400, 1, 17, 3);
        using var hostEngine = new SyntheticPoseEngine(layout);
        using var processor = target.Create(layout, 640);
        reference ??= new CpuFrameProcessor(640, 640, PoseDecoders.Create(layout), new BilinearBgrResizer());
        using var expectedSet = (SyntheticBufferSet)hostEngine.CreateBufferSet();
        var sets = target.Engines(layout, 640).Select(e => (SyntheticBufferSet)processor.CreateBufferSet(e)).ToArray();
        try
        {
            return Preprocess(processor, reference, frame, expectedSet, sets);
        }
        finally
        {
            foreach (var set in sets)
            {
                set.Dispose();
                ((IDisposable)set.Engine).Dispose();
            }
        }
    }

    private static string? Preprocess(IFrameProcessor processor, IFrameProcessor reference, Frame frame, SyntheticBufferSet expectedSet, SyntheticBufferSet[] sets)
    {
        var expectedBox = reference.Preprocess(frame, expectedSet, 0);
        reference.CompletePreprocess(expectedSet);
        var expected = expectedSet.ReadInput(0);
        foreach (var set in sets)
        {
            var box = processor.Preprocess(frame, set, 0);
            processor.CompletePreprocess(set);
            if (box != expectedBox)
            {
                return $"{set.InputLocation} input: letterbox {box}, expected {expectedBox}";
            }

            var actual = set.ReadInput(0);
            int differing = 0, firstIndex = -1;
            for (int i = 0; i < expected.Length; i++)
            {
                if (BitConverter.SingleToInt32Bits(expected[i]) != BitConverter.SingleToInt32Bits(actual[i]))
                {
                    differing++;
                    firstIndex = firstIndex < 0 ? i : firstIndex;
                }
            }

            if (differing > 0)
            {
                return $"{set.InputLocation} input: {differing} of {expected.Length} values differ, first at {firstIndex} ({actual[firstIndex]} for {expected[firstIndex]})";
            }
        }

        return null;
    }

    /// <summary>
    /// Null when the processor decodes <paramref name="raw"/> (one image of <paramref name="layout"/>) from a
    /// host and from a device output into what the CPU processor gives: same count, order, anchors, classes, scores
    /// bit for bit, coordinates within <see cref="Tolerance"/> px. Else what differs first.
    /// </summary>
    public static string? Decode(ProcessorTarget target, OutputLayout layout, float[] raw, DecodeOptions options, in Letterbox box, out int detections)
    {
        detections = 0;
        using var hostEngine = new SyntheticPoseEngine(layout, box.TargetWidth);
        using var processor = target.Create(layout, box.TargetWidth);
        var cpu = new CpuFrameProcessor(box.TargetWidth, box.TargetHeight, PoseDecoders.Create(layout), new BilinearBgrResizer());
        using var expectedSet = (SyntheticBufferSet)hostEngine.CreateBufferSet();
        var sets = target.Engines(layout, box.TargetWidth).Select(e => (SyntheticBufferSet)processor.CreateBufferSet(e)).ToArray();
        try
        {
            return Decode(processor, cpu, raw, options, box, expectedSet, sets, out detections);
        }
        finally
        {
            foreach (var set in sets)
            {
                set.Dispose();
                ((IDisposable)set.Engine).Dispose();
            }
        }
    }

    private static string? Decode(IFrameProcessor processor, IFrameProcessor cpu, float[] raw, DecodeOptions options, in Letterbox box, SyntheticBufferSet expectedSet, SyntheticBufferSet[] sets, out int detections)
    {
        var layout = ((SyntheticPoseEngine)expectedSet.Engine).Layout;
        expectedSet.SetOutput(0, raw);
        var expected = new PoseDetections(300, layout.KeypointCount);
        cpu.Decode(expectedSet, 0, box, options, expected);
        detections = expected.Count;
        foreach (var set in sets)
        {
            set.SetOutput(0, raw);
            var actual = new PoseDetections(300, layout.KeypointCount);
            processor.Decode(set, 0, box, options, actual);
            if (Difference(expected, actual) is { } what)
            {
                return $"{set.OutputLocation} output: {what}";
            }
        }

        return null;
    }

    /// <summary>Null when <paramref name="actual"/> equals <paramref name="expected"/> (scores bit for bit, coordinates within the tolerance); else the first difference.</summary>
    public static string? Difference(PoseDetections expected, PoseDetections actual)
    {
        if (expected.Count != actual.Count)
        {
            return $"count {actual.Count}, CPU {expected.Count}";
        }

        for (int i = 0; i < expected.Count; i++)
        {
            if (expected.Anchor(i) != actual.Anchor(i) || expected.ClassId(i) != actual.ClassId(i))
            {
                return $"detection {i}: anchor {actual.Anchor(i)} class {actual.ClassId(i)}, CPU anchor {expected.Anchor(i)} class {expected.ClassId(i)}";
            }

            if (BitConverter.SingleToInt32Bits(expected.Score(i)) != BitConverter.SingleToInt32Bits(actual.Score(i)))
            {
                return $"detection {i}: score {actual.Score(i)}, CPU {expected.Score(i)}";
            }

            if (FirstOutsideTolerance(expected.Box(i), actual.Box(i)) is int b and >= 0)
            {
                return $"detection {i}: box value {b} is {actual.Box(i)[b]}, CPU {expected.Box(i)[b]}";
            }

            if (FirstOutsideTolerance(expected.Keypoints(i), actual.Keypoints(i)) is int k and >= 0)
            {
                return $"detection {i}: keypoint value {k} is {actual.Keypoints(i)[k]}, CPU {expected.Keypoints(i)[k]}";
            }
        }

        return null;
    }

    private static int FirstOutsideTolerance(ReadOnlySpan<float> expected, ReadOnlySpan<float> actual)
    {
        for (int j = 0; j < expected.Length; j++)
        {
            if (!(MathF.Abs(expected[j] - actual[j]) <= Tolerance))
            {
                return j;
            }
        }

        return -1;
    }

    /// <summary>A BGR24 host frame of smooth gradients and noise (like a photo: edges where the resize rounds differently).</summary>
    public static PooledFrame Bgr(Random rng, int width, int height, int stride)
    {
        var frame = PooledFrame.Rent(PixelFormat.Bgr24, width, height, stride);
        var px = frame.Frame.Pixels;
        for (int y = 0; y < height; y++)
        {
            for (int x = 0; x < stride; x++)
            {
                int c = x % 3;
                int v = ((x / 3 * (c + 1) * 255 / width) + (y * 255 / height)) / 2;
                px[(y * stride) + x] = (byte)Math.Clamp(v + rng.Next(-20, 21), 0, 255);
            }
        }

        return frame;
    }

    /// <summary>An NV12 host frame of random luma and chroma (every clamp of the YUV conversion exercised).</summary>
    public static PooledFrame Nv12(Random rng, int width, int height, int stride)
    {
        var frame = PooledFrame.Rent(PixelFormat.Nv12, width, height, stride);
        rng.NextBytes(frame.Frame.Pixels);
        return frame;
    }

    /// <summary>A host frame from a one-frame pool, given back on dispose.</summary>
    public sealed class PooledFrame : IDisposable
    {
        private PooledFrame(Frame frame) => Frame = frame;

        public Frame Frame { get; }

        public static PooledFrame Rent(PixelFormat format, int width, int height, int stride)
        {
            if (!new FramePool(1).TryRent(out var frame))
            {
                throw new InvalidOperationException("a new frame pool has no frame");
            }

            frame.SetHost(0, 0, DateTimeOffset.UnixEpoch, format, width, height, stride);
            return new PooledFrame(frame);
        }

        public void Dispose() => Frame.Return();
    }

    /// <summary>A reference that letterboxes another frame than the one under test (its host copy, or its BGR conversion).</summary>
    public sealed class ReferenceOn(IFrameProcessor inner, Frame frame) : IFrameProcessor
    {
        public string Description => inner.Description;

        public EngineBufferSet CreateBufferSet(IInferenceEngine engine) => inner.CreateBufferSet(engine);

        public Letterbox Preprocess(Frame ignored, EngineBufferSet buffers, int slot) => inner.Preprocess(frame, buffers, slot);

        public void CompletePreprocess(EngineBufferSet buffers) => inner.CompletePreprocess(buffers);

        public void Decode(EngineBufferSet buffers, int slot, in Letterbox box, DecodeOptions options, PoseDetections detections) =>
            inner.Decode(buffers, slot, box, options, detections);

        public void Dispose()
        {
        }
    }

    /// <summary>The emulated kernels as the NV12 reference (the CPU processor reads BGR only).</summary>
    private static class Emulated
    {
        public static readonly IFrameProcessor Instance = new EmulatedFrameProcessor(640, 640, new OutputLayout(OutputLayoutKind.RawChannelsFirst, 1, 8400, 1, 17, 3));
    }
}
