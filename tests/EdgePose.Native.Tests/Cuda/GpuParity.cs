using EdgePose.Core.Decoding;
using EdgePose.Core.Preprocessing;
using EdgePose.Native.Cuda.Kernels;
using EdgePose.Native.Tests.Kernels;

namespace EdgePose.Native.Tests.Cuda;

/// <summary>
/// The kernels on the GPU against the same kernels on the emulated grid: counts of differing values, so
/// the tests assert on them and bench/EdgePose.GpuCheck (which links this file) prints them.
/// </summary>
internal static class GpuParity
{
    /// <summary>The preprocess cases: 1080p BGR and NV12 to float16 (an exact 3x reduction: one tap read), 1600x900 NV12 (2.5x: four taps), an odd-size BGRA and an unresized BGR to float32.</summary>
    public static IReadOnlyList<(int Width, int Height, KernelPixelFormat Format, bool Half)> PreprocessCases { get; } =
        [(1920, 1080, KernelPixelFormat.Bgr, true), (1920, 1080, KernelPixelFormat.Nv12, true), (1600, 900, KernelPixelFormat.Nv12, true), (641, 479, KernelPixelFormat.Bgra, false), (640, 640, KernelPixelFormat.Bgr, false)];

    /// <summary>Values of the GPU's model input that differ from the emulation's, for random pixels, with each kernel variant (1, 2 and 4 pixels per thread) summed.</summary>
    public static int Preprocess(GpuSession gpu, int width, int height, KernelPixelFormat format, bool half) =>
        Preprocess(gpu, width, height, format, half, 1) + Preprocess(gpu, width, height, format, half, 2) + Preprocess(gpu, width, height, format, half, 4);

    /// <summary>Values of the GPU's model input that differ from the emulation's, for random pixels, with the variant of <paramref name="pixelsPerThread"/>.</summary>
    public static int Preprocess(GpuSession gpu, int width, int height, KernelPixelFormat format, bool half, int pixelsPerThread)
    {
        int bpp = format switch { KernelPixelFormat.Bgr => 3, KernelPixelFormat.Bgra => 4, _ => 1 };
        int stride = width * bpp;
        var box = Letterbox.Compute(width, height, 640, 640);
        var p = format == KernelPixelFormat.Nv12
            ? PreprocessParams.For(box, format, stride, half, uvOffset: stride * height, uvStride: width)
            : PreprocessParams.For(box, format, stride, half);
        var source = new byte[p.SourceBytes];
        new Random(width + height).NextBytes(source);
        int values = 3 * 640 * 640;

        using var src = gpu.Upload<byte>(source);
        using var dst = gpu.Context.AllocateDevice((ulong)p.OutputBytes);
        gpu.Kernels.Preprocess((ulong)src.DevicePointer, p, (ulong)dst.DevicePointer, gpu.Stream, pixelsPerThread);
        if (half)
        {
            var expected = new Half[values];
            EmulatedKernels.Preprocess(source, p, expected);
            var actual = gpu.Download<Half>(dst, values);
            return Enumerable.Range(0, values).Count(i => BitConverter.HalfToUInt16Bits(expected[i]) != BitConverter.HalfToUInt16Bits(actual[i]));
        }
        else
        {
            var expected = new float[values];
            EmulatedKernels.Preprocess(source, p, expected);
            var actual = gpu.Download<float>(dst, values);
            return Enumerable.Range(0, values).Count(i => BitConverter.SingleToInt32Bits(expected[i]) != BitConverter.SingleToInt32Bits(actual[i]));
        }
    }

    /// <summary>
    /// <paramref name="frames"/> random outputs (every 20th at 8400 anchors): detections compared, and the
    /// first frame whose GPU result differs from the emulation's (null when none). The frames take turns
    /// through the three ways the GPU runs: a CUDA graph writing mapped memory, launches one by one with
    /// a result copy, and a graph with a result copy.
    /// </summary>
    public static (int Detections, string? FirstMismatch) RandomPostprocess(GpuSession gpu, int frames, int seed)
    {
        var rng = new Random(seed);
        int detections = 0;
        for (int f = 0; f < frames; f++)
        {
            var frame = RandomRawFrame.Create(rng, f % 20 == 0 ? 8400 : rng.Next(1, 2000));
            bool graph = f % 3 != 1, mapped = f % 3 == 0;
            if (!Postprocess(gpu, frame.Layout, frame.Output, frame.Options, frame.Box, out int n, graph, mapped))
            {
                return (detections, $"frame {f} ({frame.Layout}, {frame.Options}, {(graph ? "graph" : "one by one")}, {(mapped ? "mapped" : "copied")})");
            }

            detections += n;
        }

        return (detections, null);
    }

    /// <summary>True when the GPU's result buffer equals the emulation's for one output.</summary>
    public static bool Postprocess(GpuSession gpu, OutputLayout layout, float[] raw, DecodeOptions options, in Letterbox box, out int detections, bool graph = true, bool mapped = true)
    {
        var p = DecodeParams.For(layout, options, box, 300);
        var expected = new int[p.ResultWords];
        EmulatedKernels.Postprocess(raw, p, expected);

        using var device = gpu.Upload<float>(raw);
        using var buffers = new CudaPostprocessBuffers(gpu.Context, p, mapped);
        gpu.Kernels.Postprocess((ulong)device.DevicePointer, p, buffers, gpu.Stream, graph);
        gpu.Stream.Synchronize();

        detections = expected[0];
        int used = KernelResult.HeaderWords + (expected[0] * p.RecordWords);
        return expected.AsSpan(0, used).SequenceEqual(buffers.HostResultWords[..used]);
    }
}
