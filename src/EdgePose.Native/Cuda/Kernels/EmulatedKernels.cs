using System.Runtime.InteropServices;

namespace EdgePose.Native.Cuda.Kernels;

/// <summary>
/// The CUDA kernels run on the CPU: libedgepose_kernels_cpu, the same kernel sources compiled for the host
/// on an emulated grid with the GPU path's launch configuration. For tests and references (it allocates
/// scratch per call); the frame loop uses EdgePose.Core's CPU path or <c>CudaKernels</c>.
/// </summary>
public static unsafe partial class EmulatedKernels
{
    /// <summary>Letterboxes <paramref name="source"/> into <paramref name="output"/> (float32 CHW; p.Half must be 0).</summary>
    public static void Preprocess(ReadOnlySpan<byte> source, in PreprocessParams p, Span<float> output) =>
        Preprocess(source, p, output, KernelLaunchConfig.PreprocessPixels);

    /// <summary>Letterboxes <paramref name="source"/> into <paramref name="output"/> (float16 CHW; p.Half must be 1).</summary>
    public static void Preprocess(ReadOnlySpan<byte> source, in PreprocessParams p, Span<Half> output) =>
        Preprocess(source, p, output, KernelLaunchConfig.PreprocessPixels);

    /// <summary>
    /// The float32 letterbox with the kernel variant of <paramref name="pixelsPerThread"/> (1, 2 or 4) output pixels per
    /// thread; <paramref name="useTaps"/>: the tap table kernel first, which the preprocess reads (p.Taps must be 0).
    /// </summary>
    public static void Preprocess(ReadOnlySpan<byte> source, in PreprocessParams p, Span<float> output, int pixelsPerThread, bool useTaps = false)
    {
        if (p.Half != 0)
        {
            throw new ArgumentException("parameters ask for float16; pass a Half span", nameof(p));
        }

        CheckNoTaps(p);
        Check(source.Length, p.SourceBytes, "source image");
        Check((long)output.Length * sizeof(float), p.OutputBytes, "output tensor");
        fixed (byte* s = source)
        fixed (float* o = output)
        fixed (PreprocessParams* pp = &p)
        {
            Succeed(ep_cpu_preprocess_pixels(s, pp, o, pixelsPerThread, useTaps ? 1 : 0), "preprocess");
        }
    }

    /// <summary>The float16 letterbox, as the float32 one.</summary>
    public static void Preprocess(ReadOnlySpan<byte> source, in PreprocessParams p, Span<Half> output, int pixelsPerThread, bool useTaps = false)
    {
        if (p.Half == 0)
        {
            throw new ArgumentException("parameters ask for float32; pass a float span", nameof(p));
        }

        CheckNoTaps(p);
        Check(source.Length, p.SourceBytes, "source image");
        Check((long)output.Length * sizeof(Half), p.OutputBytes, "output tensor");
        fixed (byte* s = source)
        fixed (Half* o = output)
        fixed (PreprocessParams* pp = &p)
        {
            Succeed(ep_cpu_preprocess_pixels(s, pp, o, pixelsPerThread, useTaps ? 1 : 0), "preprocess");
        }
    }

    /// <summary>
    /// The batched preprocess (ep_preprocess_batch) of <paramref name="sources"/>[i] with <paramref name="images"/>[i]
    /// into float32 <paramref name="outputs"/>[i]; <paramref name="useTaps"/>: a tap table per image.
    /// </summary>
    public static void PreprocessBatch(IReadOnlyList<byte[]> sources, ReadOnlySpan<PreprocessParams> images, IReadOnlyList<float[]> outputs, bool useTaps = false)
    {
        if (sources.Count != images.Length || outputs.Count != images.Length)
        {
            throw new ArgumentException($"a batched preprocess needs one source and one output per image: {sources.Count} sources, {images.Length} parameters, {outputs.Count} outputs");
        }

        _ = KernelLaunchConfig.PreprocessBatch(images); // 1 to PreprocessBatchMax images
        var handles = new List<GCHandle>();
        try
        {
            Span<ulong> src = stackalloc ulong[images.Length];
            Span<ulong> dst = stackalloc ulong[images.Length];
            for (int i = 0; i < images.Length; i++)
            {
                if (images[i].Half != 0)
                {
                    throw new ArgumentException($"image {i} asks for float16; the emulated batch writes float32", nameof(images));
                }

                CheckNoTaps(images[i]);
                Check(sources[i].Length, images[i].SourceBytes, $"image {i}'s source");
                Check((long)outputs[i].Length * sizeof(float), images[i].OutputBytes, $"image {i}'s output tensor");
                handles.Add(GCHandle.Alloc(sources[i], GCHandleType.Pinned));
                src[i] = (ulong)handles[^1].AddrOfPinnedObject();
                handles.Add(GCHandle.Alloc(outputs[i], GCHandleType.Pinned));
                dst[i] = (ulong)handles[^1].AddrOfPinnedObject();
            }

            PreprocessBatch(src, images, dst, useTaps);
        }
        finally
        {
            foreach (var h in handles)
            {
                h.Free();
            }
        }
    }

    /// <summary>
    /// The batched preprocess on memory the caller keeps pinned: image i from address <paramref name="sources"/>[i] into
    /// <paramref name="outputs"/>[i], each large enough for <paramref name="images"/>[i]. Allocates nothing (the
    /// emulated processor's frame loop).
    /// </summary>
    internal static void PreprocessBatch(ReadOnlySpan<ulong> sources, ReadOnlySpan<PreprocessParams> images, ReadOnlySpan<ulong> outputs, bool useTaps)
    {
        _ = KernelLaunchConfig.PreprocessBatch(images);
        if (sources.Length != images.Length || outputs.Length != images.Length)
        {
            throw new ArgumentException($"a batched preprocess needs one source and one output per image: {sources.Length} sources, {images.Length} parameters, {outputs.Length} outputs");
        }

        fixed (ulong* s = sources)
        fixed (ulong* o = outputs)
        fixed (PreprocessParams* pp = images)
        {
            Succeed(ep_cpu_preprocess_batch((nint*)s, pp, (nint*)o, images.Length, useTaps ? 1 : 0), "batched preprocess");
        }
    }

    /// <summary>Decode, sort, NMS and gather of one image's raw output into <paramref name="result"/> (see <see cref="KernelResult"/>).</summary>
    public static void Postprocess(ReadOnlySpan<float> raw, in DecodeParams p, Span<int> result)
    {
        long values = (long)p.Rows * (4 + p.Classes + (p.KeypointCount * p.KeypointDims));
        Check(raw.Length, values, "raw output");
        Check(result.Length, p.ResultWords, "result buffer");
        fixed (float* r = raw)
        fixed (int* o = result)
        fixed (DecodeParams* pp = &p)
        {
            Succeed(ep_cpu_postprocess(r, pp, o, result.Length), "postprocess");
        }
    }

    /// <summary>sizeof of the native parameter structs (preprocess, decode, batched preprocess), for the layout check.</summary>
    public static (int Preprocess, int Decode, int PreprocessBatch) NativeParamsSizes()
    {
        int a, b, c;
        Succeed(ep_cpu_params_sizes(&a, &b, &c), "params sizes");
        return (a, b, c);
    }

    private static void CheckNoTaps(in PreprocessParams p)
    {
        if (p.Taps != 0)
        {
            throw new ArgumentException("the emulated preprocess makes its own tap table (useTaps); the parameters' Taps must be 0", nameof(p));
        }
    }

    private static void Check(long have, long need, string what)
    {
        if (have < need)
        {
            throw new ArgumentException($"{what} holds {have} elements, the parameters need {need}");
        }
    }

    private static void Succeed(int rc, string what)
    {
        if (rc != 0)
        {
            throw new ArgumentException($"emulated {what} kernel refused its parameters (code {rc})");
        }
    }

    [LibraryImport(NativeLibraries.KernelsCpu)]
    private static partial int ep_cpu_params_sizes(int* preprocess, int* decode, int* preprocessBatch);

    [LibraryImport(NativeLibraries.KernelsCpu)]
    private static partial int ep_cpu_preprocess_batch(nint* src, PreprocessParams* p, nint* dst, int count, int useTaps);

    [LibraryImport(NativeLibraries.KernelsCpu)]
    private static partial int ep_cpu_preprocess_pixels(byte* src, PreprocessParams* p, void* dst, int pixelsPerThread, int useTaps);

    [LibraryImport(NativeLibraries.KernelsCpu)]
    private static partial int ep_cpu_postprocess(float* raw, DecodeParams* p, int* result, int resultWords);
}
