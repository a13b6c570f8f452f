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

    /// <summary>The float32 letterbox with the kernel variant of <paramref name="pixelsPerThread"/> (1, 2 or 4) output pixels per thread.</summary>
    public static void Preprocess(ReadOnlySpan<byte> source, in PreprocessParams p, Span<float> output, int pixelsPerThread)
    {
        if (p.Half != 0)
        {
            throw new ArgumentException("parameters ask for float16; pass a Half span", nameof(p));
        }

        Check(source.Length, p.SourceBytes, "source image");
        Check((long)output.Length * sizeof(float), p.OutputBytes, "output tensor");
        fixed (byte* s = source)
        fixed (float* o = output)
        fixed (PreprocessParams* pp = &p)
        {
            Succeed(ep_cpu_preprocess_pixels(s, pp, o, pixelsPerThread), "preprocess");
        }
    }

    /// <summary>The float16 letterbox with the kernel variant of <paramref name="pixelsPerThread"/> (1, 2 or 4) output pixels per thread.</summary>
    public static void Preprocess(ReadOnlySpan<byte> source, in PreprocessParams p, Span<Half> output, int pixelsPerThread)
    {
        if (p.Half == 0)
        {
            throw new ArgumentException("parameters ask for float32; pass a float span", nameof(p));
        }

        Check(source.Length, p.SourceBytes, "source image");
        Check((long)output.Length * sizeof(Half), p.OutputBytes, "output tensor");
        fixed (byte* s = source)
        fixed (Half* o = output)
        fixed (PreprocessParams* pp = &p)
        {
            Succeed(ep_cpu_preprocess_pixels(s, pp, o, pixelsPerThread), "preprocess");
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

    /// <summary>sizeof of the native parameter structs (preprocess, decode), for the layout check.</summary>
    public static (int Preprocess, int Decode) NativeParamsSizes()
    {
        int a, b;
        Succeed(ep_cpu_params_sizes(&a, &b), "params sizes");
        return (a, b);
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
    private static partial int ep_cpu_params_sizes(int* preprocess, int* decode);

    [LibraryImport(NativeLibraries.KernelsCpu)]
    private static partial int ep_cpu_preprocess_pixels(byte* src, PreprocessParams* p, void* dst, int pixelsPerThread);

    [LibraryImport(NativeLibraries.KernelsCpu)]
    private static partial int ep_cpu_postprocess(float* raw, DecodeParams* p, int* result, int resultWords);
}
