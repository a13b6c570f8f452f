using System.Diagnostics;
using EdgePose.Core.Decoding;
using EdgePose.Core.Preprocessing;
using EdgePose.Native.Cuda;
using EdgePose.Native.Cuda.Kernels;

namespace EdgePose.Native.Tests.Cuda;

/// <summary>
/// Microbenchmarks of the kernels with CUDA events (GPU time, mean of 200 after a warm-up): the device's
/// copy bandwidth; preprocess of a 1920×1080 BGR and NV12 frame to 640 float16 with 1, 2 and 4 pixels per
/// thread and several block shapes (as a share of that bandwidth), launched one by one from the host and recorded 20 to a CUDA graph
/// (the GPU's own time, without the host's launch gaps); decode + NMS of an 8400-anchor, 17-keypoint
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
        // 1600x900 is 2.5x, where all four taps are read.
        foreach (var (w, h) in new[] { (1920, 1080), (1600, 900) })
        {
            foreach (var format in new[] { KernelPixelFormat.Bgr, KernelPixelFormat.Nv12 })
            {
                var box = Letterbox.Compute(w, h, 640, 640);
                var p = format == KernelPixelFormat.Bgr
                    ? PreprocessParams.For(box, format, w * 3, half: true)
                    : PreprocessParams.For(box, format, w, half: true, uvOffset: w * h, uvStride: w);
                using var src = gpu.Context.AllocateDevice((ulong)p.SourceBytes);
                using var dst = gpu.Context.AllocateDevice((ulong)p.OutputBytes);
                src.FillAsync(0x80604020, (ulong)p.SourceBytes / 4, gpu.Stream);
                var variants = w == 1920
                    ? new[] { (1, 32, 8), (1, 64, 4), (1, 128, 2), (1, 16, 16), (2, 32, 8), (4, 32, 8) }
                    : new[] { (1, 32, 8) };
                foreach (var (pixels, bx, by) in variants)
                {
                    void Run() => gpu.Kernels.Preprocess((ulong)src.DevicePointer, p, (ulong)dst.DevicePointer, gpu.Stream, pixels, bx, by);
                    float launched = Time(gpu, Run);
                    float graphed = TimeGraph(gpu, Run);
                    double gbs = (p.SourceBytes + p.OutputBytes) / (graphed * 1e6);
                    bool production = pixels == KernelLaunchConfig.PreprocessPixels && bx == KernelLaunchConfig.PreprocessBlockX && by == KernelLaunchConfig.PreprocessBlockY;
                    line($"preprocess {w}x{h} {format} -> 640x640 fp16, {pixels} px/thread, {bx}x{by} blocks{(production ? " (production)" : "")}: "
                        + $"{launched * 1000f:F2} µs launched one by one, {graphed * 1000f:F2} µs in a graph = {gbs:F0} GB/s = {100 * gbs / copyGBs:F0}% of copy bandwidth");
                }
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
