using EdgePose.Core.Decoding;
using EdgePose.Core.Preprocessing;
using EdgePose.Native.Cuda;
using EdgePose.Native.Cuda.Kernels;
using Xunit.Abstractions;

namespace EdgePose.Native.Tests.Cuda;

/// <summary>
/// Microbenchmarks of the kernels with CUDA events (GPU time only), for docs/performance.md: the device's
/// copy bandwidth, preprocess of a 1920×1080 BGR and NV12 frame to 640 float16, and decode + NMS of an
/// 8400-anchor, 17-keypoint output. The numbers are printed with the GPU's name.
/// </summary>
public class GpuKernelBenchmarkTests(ITestOutputHelper output)
{
    private const int Iterations = 200;

    [RequiresGpuFact]
    public void Preprocess_and_postprocess_timings_are_reported_against_the_copy_bandwidth()
    {
        using var gpu = new GpuSession();
        const ulong copyBytes = 64UL << 20;
        using var a = gpu.Context.AllocateDevice(copyBytes);
        using var b = gpu.Context.AllocateDevice(copyBytes);
        a.FillAsync(1, copyBytes / 4, gpu.Stream);
        float copyMs = Time(gpu, () => b.CopyFromDeviceAsync(a, copyBytes, gpu.Stream));
        double copyGBs = 2.0 * copyBytes / (copyMs * 1e6);
        output.WriteLine($"{gpu.Device}, PTX sm_{gpu.Kernels.Architecture}");
        output.WriteLine($"device copy: {copyGBs:F1} GB/s (read + write)");

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
            output.WriteLine($"preprocess 1920x1080 {format} -> 640 fp16: {ms * 1000f:F1} µs, {gbs:F1} GB/s = {100 * gbs / copyGBs:F0}% of copy bandwidth");
        }

        var layout = new OutputLayout(OutputLayoutKind.RawChannelsFirst, 1, 8400, 1, 17, 3);
        var raw = SparseOutput(layout);
        var dp = DecodeParams.For(layout, new DecodeOptions(), Letterbox.Compute(1920, 1080, 640, 640), 300);
        using var rawDevice = gpu.Upload<float>(raw);
        using var buffers = new CudaPostprocessBuffers(gpu.Context, dp);
        float post = Time(gpu, () => gpu.Kernels.Postprocess((ulong)rawDevice.DevicePointer, dp, buffers, gpu.Stream));
        output.WriteLine($"decode + NMS 8400 anchors x 17 keypoints ({KernelResult.Candidates(buffers.HostResultWords)} candidates): {post * 1000f:F1} µs");
        Assert.True(copyGBs > 0 && post > 0);
    }

    // About 1% of anchors above conf, like a frame with a few people.
    private static float[] SparseOutput(OutputLayout layout)
    {
        var rng = new Random(4);
        var o = new float[layout.ValuesPerImage];
        for (int r = 0; r < layout.Rows; r++)
        {
            o[r] = rng.NextSingle() * 640f;
            o[layout.Rows + r] = rng.NextSingle() * 640f;
            o[(2 * layout.Rows) + r] = 20f + (rng.NextSingle() * 100f);
            o[(3 * layout.Rows) + r] = 20f + (rng.NextSingle() * 200f);
            o[(4 * layout.Rows) + r] = rng.NextSingle() < 0.01f ? 0.3f + (rng.NextSingle() * 0.7f) : rng.NextSingle() * 0.1f;
        }

        return o;
    }

    // Mean GPU milliseconds of one call, over Iterations after a warm-up.
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
