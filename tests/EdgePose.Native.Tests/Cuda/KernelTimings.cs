using EdgePose.Core.Decoding;
using EdgePose.Core.Preprocessing;
using EdgePose.Native.Cuda;
using EdgePose.Native.Cuda.Kernels;

namespace EdgePose.Native.Tests.Cuda;

/// <summary>
/// Microbenchmarks of the kernels with CUDA events (GPU time only, mean of 200 after a warm-up): the
/// device's copy bandwidth, preprocess of a 1920×1080 BGR and NV12 frame to 640 float16 (as a share of
/// that bandwidth), and decode + NMS of an 8400-anchor, 17-keypoint output with about 1% of anchors above
/// conf. Returns one line per measurement, for docs/performance.md.
/// </summary>
internal static class KernelTimings
{
    private const int Iterations = 200;

    public static IReadOnlyList<string> Measure(GpuSession gpu)
    {
        var lines = new List<string> { $"{gpu.Device}, PTX sm_{gpu.Kernels.Architecture}" };
        const ulong copyBytes = 64UL << 20;
        using var a = gpu.Context.AllocateDevice(copyBytes);
        using var b = gpu.Context.AllocateDevice(copyBytes);
        a.FillAsync(1, copyBytes / 4, gpu.Stream);
        float copyMs = Time(gpu, () => b.CopyFromDeviceAsync(a, copyBytes, gpu.Stream));
        double copyGBs = 2.0 * copyBytes / (copyMs * 1e6);
        lines.Add($"device-to-device copy of 64 MiB: {copyGBs:F1} GB/s (read + write)");

        foreach (var format in new[] { KernelPixelFormat.Bgr, KernelPixelFormat.Nv12 })
        {
            var box = Letterbox.Compute(1920, 1080, 640, 640);
            var p = format == KernelPixelFormat.Bgr
                ? PreprocessParams.For(box, format, 1920 * 3, half: true)
                : PreprocessParams.For(box, format, 1920, half: true, uvOffset: 1920 * 1080, uvStride: 1920);
            using var src = gpu.Context.AllocateDevice((ulong)p.SourceBytes);
            using var dst = gpu.Context.AllocateDevice((ulong)p.OutputBytes);
            float ms = Time(gpu, () => gpu.Kernels.Preprocess((ulong)src.DevicePointer, p, (ulong)dst.DevicePointer, gpu.Stream));
            double gbs = (p.SourceBytes + p.OutputBytes) / (ms * 1e6);
            lines.Add($"preprocess 1920x1080 {format} -> 640x640 fp16: {ms * 1000f:F1} µs, {gbs:F1} GB/s = {100 * gbs / copyGBs:F0}% of copy bandwidth");
        }

        var layout = new OutputLayout(OutputLayoutKind.RawChannelsFirst, 1, 8400, 1, 17, 3);
        var dp = DecodeParams.For(layout, new DecodeOptions(), Letterbox.Compute(1920, 1080, 640, 640), 300);
        using var raw = gpu.Upload<float>(SparseOutput(layout));
        using var buffers = new CudaPostprocessBuffers(gpu.Context, dp);
        float post = Time(gpu, () => gpu.Kernels.Postprocess((ulong)raw.DevicePointer, dp, buffers, gpu.Stream));
        lines.Add($"decode + sort + NMS + gather, 8400 anchors x 17 keypoints, {KernelResult.Candidates(buffers.HostResultWords)} candidates, {KernelResult.Count(buffers.HostResultWords)} kept: {post * 1000f:F1} µs (with the result copy to pinned memory)");
        return lines;
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
}
