using EdgePose.Core.Frames;
using EdgePose.Core.Preprocessing;
using EdgePose.Native.Cuda.Kernels;

namespace EdgePose.Native.Processing;

/// <summary>The preprocess kernel's parameters for a <see cref="Frame"/>: BGR24 as packed BGR, NV12 with its UV plane right after the Y plane.</summary>
internal static class FramePreprocessParams
{
    /// <summary>The letterbox of <paramref name="frame"/> into a <paramref name="width"/>×<paramref name="height"/> float32 input, and the kernel's parameters for it.</summary>
    public static PreprocessParams For(Frame frame, int width, int height, out Letterbox box)
    {
        box = Letterbox.Compute(frame.Width, frame.Height, width, height);
        return frame.Format switch
        {
            PixelFormat.Bgr24 => PreprocessParams.For(box, KernelPixelFormat.Bgr, frame.Stride, half: false),
            PixelFormat.Nv12 => PreprocessParams.For(box, KernelPixelFormat.Nv12, frame.Stride, half: false, uvOffset: frame.Stride * frame.Height, uvStride: frame.Stride),
            _ => throw new ArgumentException($"frame format {frame.Format} has no GPU preprocess", nameof(frame)),
        };
    }
}
