using System.Diagnostics;
using EdgePose.Core.Decoding;
using EdgePose.Core.Preprocessing;
using EdgePose.Native.Cuda;
using EdgePose.Native.Cuda.Kernels;

namespace EdgePose.Native.Tests.Cuda;

/// <summary>
/// Microbenchmarks of the kernels with CUDA events (GPU time, mean of 200 after a warm-up): the device's
/// copy bandwidth; preprocess of a 1920×1080 BGR and NV12 frame to 640 float16 with 1, 2 and 4 pixels per
/// thread and several block shapes, taps per pixel, from the tap table, and content-only (as a share of that bandwidth), launched one by one from the host and recorded 20 to a CUDA graph
/// (the GPU's own time, without the host's launch gaps), and the production preprocess of a frame written just before (uploaded, or
/// written on the device); decode + NMS of an 8400-anchor, 17-keypoint
/// output with about 1% of anchors above conf, with and without its graph, the result mapped or copied,
/// and step by step. Writes one line per measurement as it goes, for docs/performance.md.
/// </summary>
internal static class KernelTimings
{
    private const int Iterations = 200;
    private const int PerGraph = 20;

    public static void Measure(GpuSession gpu, Action<string> line)
    {
        line($"{gpu.Device}, PTX sm_{gpu.Kernels.Architecture}, graphs {(CudaGraph.Supported ? "supported" : "NOT supported")}");
        const ulong copyBytes = 64UL << 20;
        using var a = gpu.Context.AllocateDevice(copyBytes);
        using var b = gpu.Context.AllocateDevice(copyBytes);
        a.FillAsync(1, copyBytes / 4, gpu.Stream);
        float copyMs = Time(gpu, () => b.CopyFromDeviceAsync(a, copyBytes, gpu.Stream));
        double copyGBs = 2.0 * copyBytes / (copyMs * 1e6);
        line($"device-to-device copy of 64 MiB: {copyGBs:F1} GB/s (read + write)");

        // 1920x1080 to 640x360 is an exact 3x reduction (every sample on a source pixel, one tap read);
        // 1600x900 is 2.5x, where all four taps are read. Each way of running: taps per pixel, the tap table,
        // and the table writing the image alone (a slot that holds its padding: the processor's steady state);
        // one image per launch, or batches of 4 and 8 in one launch. "Cold": each launch reads and writes the next
        // of 32 source and destination buffers, more than the GPU's L2 cache holds, as new frames do; "hot": one pair.
        foreach (var (w, h) in new[] { (1920, 1080), (1600, 900) })
        {
            foreach (var format in new[] { KernelPixelFormat.Bgr, KernelPixelFormat.Nv12 })
            {
                PreprocessTimings(gpu, line, copyGBs, w, h, format);
            }
        }

        var layout = new OutputLayout(OutputLayoutKind.RawChannelsFirst, 1, 8400, 1, 17, 3);
        var dp = DecodeParams.For(layout, new DecodeOptions(), Letterbox.Compute(1920, 1080, 640, 640), 300);
        using var raw = gpu.Upload<float>(SparseOutput(layout));
        ulong rawAddress = (ulong)raw.DevicePointer;
        foreach (bool mapped in new[] { true, false })
        {
            using var buffers = new CudaPostprocessBuffers(gpu.Context, dp, mapped);
            string how = mapped ? "result written to mapped pinned memory" : "result copied to pinned memory";
            foreach (bool graph in new[] { false, true })
            {
                void Run() => gpu.Kernels.Postprocess(rawAddress, dp, buffers, gpu.Stream, graph);
                float ms = Time(gpu, Run);
                double hostUs = HostMicroseconds(gpu, Run);
                line($"decode + sort + NMS + gather, 8400 anchors x 17 keypoints, {KernelResult.Candidates(buffers.HostResultWords)} candidates, "
                    + $"{KernelResult.Count(buffers.HostResultWords)} kept, {how}, {(graph ? "one CUDA graph" : "launched one by one")}: {ms * 1000f:F1} µs GPU, {hostUs:F1} µs host per call");
            }

            // Step by step: graphs of the first k steps, 20 frames each; the differences are the steps' own times.
            string[] names = ["counter reset", "decode", "rank sort", "NMS mask", "NMS walk", "gather", "result copy"];
            float before = 0f;
            for (int steps = 1; steps <= CudaKernels.PostprocessSteps; steps++)
            {
                if (steps == CudaKernels.PostprocessSteps && mapped)
                {
                    break;
                }

                int k = steps;
                float t = TimeGraph(gpu, () => gpu.Kernels.EnqueuePostprocess(rawAddress, dp, buffers, gpu.Stream, k));
                line($"  {how}, steps 1-{steps} in a graph: {t * 1000f:F2} µs ({names[steps - 1]}: {(t - before) * 1000f:+0.00;-0.00} µs)");
                before = t;
            }
        }
    }

    private const int Rotating = 32;

    private static void PreprocessTimings(GpuSession gpu, Action<string> line, double copyGBs, int w, int h, KernelPixelFormat format)
    {
        var box = Letterbox.Compute(w, h, 640, 640);
        var p = format == KernelPixelFormat.Bgr
            ? PreprocessParams.For(box, format, w * 3, half: true)
            : PreprocessParams.For(box, format, w, half: true, uvOffset: w * h, uvStride: w);
        var sources = new CudaDeviceBuffer[Rotating];
        var outputs = new CudaDeviceBuffer[Rotating];
        using var taps = new CudaPreprocessTaps(gpu.Context, 640, 640);
        try
        {
            var tabled = taps.Apply(gpu.Kernels, p, gpu.Stream);
            for (int i = 0; i < Rotating; i++)
            {
                sources[i] = gpu.Context.AllocateDevice((ulong)p.SourceBytes);
                outputs[i] = gpu.Context.AllocateDevice((ulong)p.OutputBytes);
                sources[i].FillAsync(0x80604020u + (uint)i, (ulong)p.SourceBytes / 4, gpu.Stream);
                gpu.Kernels.Preprocess((ulong)sources[i].DevicePointer, tabled, (ulong)outputs[i].DevicePointer, gpu.Stream); // the padding, for content-only
            }

            long contentBytes = 3L * box.ResizedWidth * box.ResizedHeight * 2;
            var ways = w == 1920
                ? new[]
                {
                    (GpuParity.PreprocessWay.PerPixelTaps, 1, 1, false), (GpuParity.PreprocessWay.PerPixelTaps, 1, 1, true), (GpuParity.PreprocessWay.PerPixelTaps, 2, 1, false),
                    (GpuParity.PreprocessWay.TapTable, 1, 1, false), (GpuParity.PreprocessWay.TapTable, 2, 1, false), (GpuParity.PreprocessWay.TapTable, 2, 4, false), (GpuParity.PreprocessWay.TapTable, 2, 8, false),
                    (GpuParity.PreprocessWay.ContentOnly, 1, 1, false), (GpuParity.PreprocessWay.ContentOnly, 2, 1, false), (GpuParity.PreprocessWay.ContentOnly, 2, 1, true),
                    (GpuParity.PreprocessWay.ContentOnly, 2, 4, false), (GpuParity.PreprocessWay.ContentOnly, 2, 8, false),
                }
                : new[] { (GpuParity.PreprocessWay.PerPixelTaps, 1, 1, false), (GpuParity.PreprocessWay.ContentOnly, 2, 1, false), (GpuParity.PreprocessWay.ContentOnly, 2, 4, false) };
            var src = new ulong[KernelLaunchConfig.PreprocessBatchMax];
            var dst = new ulong[KernelLaunchConfig.PreprocessBatchMax];
            var images = new PreprocessParams[KernelLaunchConfig.PreprocessBatchMax];
            foreach (var (way, pixels, batch, hot) in ways)
            {
                var run = way switch
                {
                    GpuParity.PreprocessWay.PerPixelTaps => p,
                    GpuParity.PreprocessWay.TapTable => tabled,
                    _ => tabled.WithContentOnly(true),
                };
                Array.Fill(images, run);
                int next = 0;
                void Run()
                {
                    if (batch == 1)
                    {
                        int k = hot ? 0 : next++ % Rotating;
                        gpu.Kernels.Preprocess((ulong)sources[k].DevicePointer, run, (ulong)outputs[k].DevicePointer, gpu.Stream, pixels);
                        return;
                    }

                    for (int i = 0; i < batch; i++)
                    {
                        int k = next++ % Rotating;
                        src[i] = (ulong)sources[k].DevicePointer;
                        dst[i] = (ulong)outputs[k].DevicePointer;
                    }

                    gpu.Kernels.PreprocessBatch(src.AsSpan(0, batch), images.AsSpan(0, batch), dst.AsSpan(0, batch), gpu.Stream);
                }

                float launched = Time(gpu, Run) / batch;
                float graphed = TimeGraph(gpu, Run) / batch;
                double gbs = (p.SourceBytes + p.OutputBytes) / (graphed * 1e6);
                long written = way == GpuParity.PreprocessWay.ContentOnly ? contentBytes : p.OutputBytes;
                double movedGbs = (p.SourceBytes + written) / (graphed * 1e6);
                bool production = pixels == KernelLaunchConfig.PreprocessPixels && way == GpuParity.PreprocessWay.ContentOnly;
                line($"preprocess {w}x{h} {format} -> 640x640 fp16, {way}, {pixels} px/thread, {(batch == 1 ? "one image per launch" : $"batches of {batch} in one launch")}, {(hot ? "hot (one buffer pair)" : "cold")}{(production ? " (production)" : string.Empty)}: "
                    + $"{launched * 1000f:F2} µs per image launched one by one, {graphed * 1000f:F2} µs in a graph = {gbs:F0} GB/s = {100 * gbs / copyGBs:F0}% of copy bandwidth "
                    + $"(source + model input); source + bytes written {movedGbs:F0} GB/s = {100 * movedGbs / copyGBs:F0}%");
            }

            if (w == 1920)
            {
                FrameJustWritten(gpu, line, copyGBs, p, tabled.WithContentOnly(true), sources, outputs);
            }

            if (w == 1920)
            {
                // The anchor at this size: a device copy of one model input's bytes from one buffer pair to the next, cold.
                int next = 0;
                float copy = TimeGraph(gpu, () =>
                {
                    int k = next++ % Rotating;
                    outputs[k].CopyFromDeviceAsync(sources[k], (ulong)p.OutputBytes, gpu.Stream);
                });
                double copyGbs = 2.0 * p.OutputBytes / (copy * 1e6);
                line($"  device copy of {p.OutputBytes} bytes (one model input) between rotating {format} buffers, cold: {copy * 1000f:F2} µs in a graph = {copyGbs:F0} GB/s = {100 * copyGbs / copyGBs:F0}% of the 64 MiB copy's bandwidth");
            }

            if (w == 1920 && format == KernelPixelFormat.Bgr)
            {
                // Context: writing a model input alone (a memset), and the tap table kernel (once per geometry).
                var output = outputs[0];
                float fill = TimeGraph(gpu, () => output.FillAsync(0, (ulong)p.OutputBytes / 4, gpu.Stream));
                float table = TimeGraph(gpu, () => gpu.Kernels.PreprocessTaps(p, tabled.Taps, gpu.Stream));
                line($"  memset of one 640x640 fp16 model input ({p.OutputBytes} bytes, hot): {fill * 1000f:F2} µs in a graph; tap table kernel ({p.TapCount} entries): {table * 1000f:F2} µs");
            }
        }
        finally
        {
            gpu.Stream.Synchronize();
            foreach (var b in sources.Concat(outputs))
            {
                b?.Dispose();
            }
        }
    }

    /// <summary>
    /// The production preprocess (content-only, one image per launch) of a frame written just before, as in the
    /// pipeline: uploaded from pinned host memory (the GPU processor's staging on a discrete GPU) or written on the
    /// device (as a hardware decoder writes its surface), the model input cold. The kernel's own time is the graph of
    /// (write + preprocess) less the graph of the writes alone; both walk the 32 rotating buffer pairs.
    /// </summary>
    private static void FrameJustWritten(GpuSession gpu, Action<string> line, double copyGBs, PreprocessParams p, PreprocessParams run, CudaDeviceBuffer[] sources, CudaDeviceBuffer[] outputs)
    {
        using var pinned = gpu.Context.AllocatePinned((ulong)p.SourceBytes);
        pinned.AsSpan<byte>().Fill(0x60);
        var bytes = (ulong)p.SourceBytes;
        foreach (bool upload in new[] { true, false })
        {
            int next = 0;
            void Write(int k)
            {
                if (upload)
                {
                    sources[k].CopyFromHostAsync(pinned, bytes, gpu.Stream);
                }
                else
                {
                    sources[k].CopyFromDeviceAsync(sources[(k + (Rotating / 2)) % Rotating], bytes, gpu.Stream);
                }
            }

            // Three rounds: the difference of two graph times is as noisy as the larger of them.
            for (int round = 1; round <= 3; round++)
            {
                next = 0;
                float writes = TimeGraph(gpu, () => Write(next++ % Rotating));
                next = 0;
                float both = TimeGraph(gpu, () =>
                {
                    int k = next++ % Rotating;
                    Write(k);
                    gpu.Kernels.Preprocess((ulong)sources[k].DevicePointer, run, (ulong)outputs[k].DevicePointer, gpu.Stream, KernelLaunchConfig.PreprocessPixels);
                });
                float kernel = both - writes;
                double gbs = (p.SourceBytes + p.OutputBytes) / (kernel * 1e6);
                line($"  preprocess (production) of a frame {(upload ? "uploaded from pinned host memory" : "written by a device copy (as a decoder writes it)")} just before, model input cold, round {round}: "
                    + $"{kernel * 1000f:F2} µs = {gbs:F0} GB/s = {100 * gbs / copyGBs:F0}% of copy bandwidth (source + model input); the write alone {writes * 1000f:F2} µs, write + preprocess {both * 1000f:F2} µs");
            }
        }
    }

    // About 1% of anchors above conf, like a frame with a few people.
    private static float[] SparseOutput(OutputLayout layout)
    {
        var rng = new Random(4);
        var o = new float[layout.ValuesPerImage];
        int n = layout.Rows;
        for (int r = 0; r < n; r++)
        {
            o[r] = rng.NextSingle() * 640f;
            o[n + r] = rng.NextSingle() * 640f;
            o[(2 * n) + r] = 20f + (rng.NextSingle() * 100f);
            o[(3 * n) + r] = 20f + (rng.NextSingle() * 200f);
            o[(4 * n) + r] = rng.NextSingle() < 0.01f ? 0.3f + (rng.NextSingle() * 0.7f) : rng.NextSingle() * 0.1f;
        }

        return o;
    }

    // Milliseconds of GPU time per call of work, launched Iterations times back to back from the host.
    private static float Time(GpuSession gpu, Action work)
    {
        using var start = gpu.Context.CreateEvent();
        using var end = gpu.Context.CreateEvent();
        work();
        gpu.Stream.Synchronize();
        start.Record(gpu.Stream);
        for (int i = 0; i < Iterations; i++)
        {
            work();
        }

        end.Record(gpu.Stream);
        end.Synchronize();
        return CudaEvent.ElapsedMilliseconds(start, end) / Iterations;
    }

    // Milliseconds of GPU time per call of work, recorded PerGraph times into one CUDA graph and launched
    // Iterations / PerGraph times: the GPU's own time, without gaps from the host's launches.
    private static float TimeGraph(GpuSession gpu, Action work)
    {
        using var scope = gpu.Context.Push();
        using var graph = CudaGraph.Capture(gpu.Context, gpu.Stream, () =>
        {
            for (int i = 0; i < PerGraph; i++)
            {
                work();
            }
        });
        if (graph is null)
        {
            return float.NaN;
        }

        using var start = gpu.Context.CreateEvent();
        using var end = gpu.Context.CreateEvent();
        graph.Launch(gpu.Stream);
        gpu.Stream.Synchronize();
        start.Record(gpu.Stream);
        for (int i = 0; i < Iterations / PerGraph; i++)
        {
            graph.Launch(gpu.Stream);
        }

        end.Record(gpu.Stream);
        end.Synchronize();
        return CudaEvent.ElapsedMilliseconds(start, end) / Iterations;
    }

    // Host microseconds per call of work (the CPU cost of queueing it), the stream drained every 50 calls.
    private static double HostMicroseconds(GpuSession gpu, Action work)
    {
        gpu.Stream.Synchronize();
        long ticks = 0;
        for (int i = 0; i < Iterations; i++)
        {
            long t0 = Stopwatch.GetTimestamp();
            work();
            ticks += Stopwatch.GetTimestamp() - t0;
            if (i % 50 == 49)
            {
                gpu.Stream.Synchronize();
            }
        }

        gpu.Stream.Synchronize();
        return ticks * 1e6 / Stopwatch.Frequency / Iterations;
    }
}
