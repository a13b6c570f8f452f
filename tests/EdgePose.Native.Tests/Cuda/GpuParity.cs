using EdgePose.Core.Decoding;
using EdgePose.Core.Preprocessing;
using EdgePose.Native.Cuda;
using EdgePose.Native.Cuda.Kernels;
using EdgePose.Native.Tests.Kernels;

namespace EdgePose.Native.Tests.Cuda;

/// <summary>
/// The kernels on the GPU against the same kernels on the emulated grid: counts of differing values, so
/// the tests assert on them and bench/EdgePose.GpuCheck (which links this file) prints them.
/// </summary>
internal static class GpuParity
{
    /// <summary>How a parity check runs the preprocess: taps per pixel, from the geometry's table, or from the table writing the image alone over a padded slot.</summary>
    public enum PreprocessWay
    {
        PerPixelTaps,
        TapTable,
        ContentOnly,
    }

    /// <summary>The preprocess cases: 1080p BGR and NV12 to float16 (an exact 3x reduction: one tap read), 1600x900 NV12 (2.5x: four taps), an odd-size BGRA and an unresized BGR to float32.</summary>
    public static IReadOnlyList<(int Width, int Height, KernelPixelFormat Format, bool Half)> PreprocessCases { get; } =
        [(1920, 1080, KernelPixelFormat.Bgr, true), (1920, 1080, KernelPixelFormat.Nv12, true), (1600, 900, KernelPixelFormat.Nv12, true), (641, 479, KernelPixelFormat.Bgra, false), (640, 640, KernelPixelFormat.Bgr, false)];

    /// <summary>Values of the GPU's model input that differ from the emulation's, for random pixels, with each kernel variant (1, 2 and 4 pixels per thread) and each way of running it summed.</summary>
    public static int Preprocess(GpuSession gpu, int width, int height, KernelPixelFormat format, bool half) =>
        new[] { 1, 2, 4 }.Sum(pixels => Enum.GetValues<PreprocessWay>().Sum(way => Preprocess(gpu, width, height, format, half, pixels, way)));

    /// <summary>
    /// Values of the GPU's model input that differ from the emulation's, for random pixels, with the variant of
    /// <paramref name="pixelsPerThread"/> run <paramref name="way"/>. For <see cref="PreprocessWay.ContentOnly"/> the
    /// destination first holds the whole letterbox of other pixels, whose padding the content-only launch keeps.
    /// </summary>
    public static int Preprocess(GpuSession gpu, int width, int height, KernelPixelFormat format, bool half, int pixelsPerThread, PreprocessWay way = PreprocessWay.PerPixelTaps)
    {
        int bpp = format switch { KernelPixelFormat.Bgr => 3, KernelPixelFormat.Bgra => 4, _ => 1 };
        int stride = width * bpp;
        var box = Letterbox.Compute(width, height, 640, 640);
        var p = format == KernelPixelFormat.Nv12
            ? PreprocessParams.For(box, format, stride, half, uvOffset: stride * height, uvStride: width)
            : PreprocessParams.For(box, format, stride, half);
        var source = new byte[p.SourceBytes];
        new Random(width + height).NextBytes(source);

        using var src = gpu.Upload<byte>(source);
        using var dst = gpu.Context.AllocateDevice((ulong)p.OutputBytes);
        using var taps = new CudaPreprocessTaps(gpu.Context, 640, 640);
        var run = way == PreprocessWay.PerPixelTaps ? p : taps.Apply(gpu.Kernels, p, gpu.Stream);
        if (way == PreprocessWay.ContentOnly)
        {
            var other = new byte[source.Length];
            new Random(width - height).NextBytes(other);
            using var otherSrc = gpu.Upload<byte>(other);
            gpu.Kernels.Preprocess((ulong)otherSrc.DevicePointer, run, (ulong)dst.DevicePointer, gpu.Stream, pixelsPerThread);
            run = run.WithContentOnly(true);
        }

        gpu.Kernels.Preprocess((ulong)src.DevicePointer, run, (ulong)dst.DevicePointer, gpu.Stream, pixelsPerThread);
        return DifferingFromEmulation(gpu, source, p, dst);
    }

    /// <summary>Values of the model input in <paramref name="output"/> that differ from the emulation's letterbox of <paramref name="source"/> with <paramref name="p"/> (its taps per pixel, the whole input).</summary>
    private static int DifferingFromEmulation(GpuSession gpu, byte[] source, in PreprocessParams p, CudaDeviceBuffer output)
    {
        int values = 3 * p.TargetWidth * p.TargetHeight;
        if (p.Half != 0)
        {
            var expected = new Half[values];
            EmulatedKernels.Preprocess(source, p, expected);
            var actual = gpu.Download<Half>(output, values);
            return Enumerable.Range(0, values).Count(i => BitConverter.HalfToUInt16Bits(expected[i]) != BitConverter.HalfToUInt16Bits(actual[i]));
        }

        var single = new float[values];
        EmulatedKernels.Preprocess(source, p, single);
        var downloaded = gpu.Download<float>(output, values);
        return Enumerable.Range(0, values).Count(i => BitConverter.SingleToInt32Bits(single[i]) != BitConverter.SingleToInt32Bits(downloaded[i]));
    }

    /// <summary>
    /// Values that differ between one batched launch on the GPU (tap tables; the last image content-only over a
    /// slot that holds its padding) and each image's own emulated launch: images of different sizes, orientations,
    /// formats and precisions.
    /// </summary>
    public static int PreprocessBatch(GpuSession gpu)
    {
        var rng = new Random(29);
        var cases = new (int W, int H, KernelPixelFormat Format, bool Half, bool ContentOnly)[]
        {
            (1920, 1080, KernelPixelFormat.Nv12, true, false), (720, 1280, KernelPixelFormat.Bgr, false, false), (333, 250, KernelPixelFormat.Bgra, true, false),
            (640, 640, KernelPixelFormat.Bgr, false, false), (1600, 900, KernelPixelFormat.Nv12, false, false), (1280, 720, KernelPixelFormat.Bgr, true, true),
        };
        using var taps = new CudaPreprocessTaps(gpu.Context, 640, 640);
        var buffers = new List<CudaDeviceBuffer>();
        try
        {
            var images = new PreprocessParams[cases.Length];
            var sources = new byte[cases.Length][];
            var src = new ulong[cases.Length];
            var dst = new ulong[cases.Length];
            for (int i = 0; i < cases.Length; i++)
            {
                var (w, h, format, half, contentOnly) = cases[i];
                int stride = w * (format switch { KernelPixelFormat.Bgr => 3, KernelPixelFormat.Bgra => 4, _ => 1 });
                var box = Letterbox.Compute(w, h, 640, 640);
                var p = format == KernelPixelFormat.Nv12
                    ? PreprocessParams.For(box, format, stride, half, uvOffset: stride * h, uvStride: w)
                    : PreprocessParams.For(box, format, stride, half);
                sources[i] = new byte[p.SourceBytes];
                rng.NextBytes(sources[i]);
                buffers.Add(gpu.Upload<byte>(sources[i]));
                src[i] = (ulong)buffers[^1].DevicePointer;
                buffers.Add(gpu.Context.AllocateDevice((ulong)p.OutputBytes));
                dst[i] = (ulong)buffers[^1].DevicePointer;
                images[i] = taps.Apply(gpu.Kernels, p, gpu.Stream);
                if (contentOnly)
                {
                    var other = new byte[p.SourceBytes];
                    rng.NextBytes(other);
                    using var otherSrc = gpu.Upload<byte>(other);
                    gpu.Kernels.Preprocess((ulong)otherSrc.DevicePointer, images[i], dst[i], gpu.Stream);
                    gpu.Stream.Synchronize();
                    images[i] = images[i].WithContentOnly(true);
                }
            }

            gpu.Kernels.PreprocessBatch(src, images, dst, gpu.Stream);
            int differing = 0;
            for (int i = 0; i < cases.Length; i++)
            {
                differing += DifferingFromEmulation(gpu, sources[i], images[i].WithTaps(0).WithContentOnly(false), buffers[(2 * i) + 1]);
            }

            return differing;
        }
        finally
        {
            gpu.Stream.Synchronize();
            foreach (var b in buffers)
            {
                b.Dispose();
            }
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
