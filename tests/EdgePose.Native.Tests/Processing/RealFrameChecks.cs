using EdgePose.Core.Decoding;
using EdgePose.Core.Engines;
using EdgePose.Core.Frames;
using EdgePose.Core.Poses;
using EdgePose.Core.Preprocessing;
using EdgePose.Core.Processing;
using EdgePose.Native.Tests.Cuda;
using EdgePose.Native.Tests.Kernels;

namespace EdgePose.Native.Tests.Processing;

/// <summary>
/// The processor checks on real material of ../shared: the coco8-pose images as BGR and NV12 frames, and the real
/// model outputs of those images. Assert on failure; return a line per image. Run on the GPU and, in CI, on the
/// emulated kernels.
/// </summary>
internal static class RealFrameChecks
{
    private static readonly OutputLayout Pose = new(OutputLayoutKind.RawChannelsFirst, 1, 8400, 1, 17, 3);

    /// <summary>Each image letterboxed as BGR like the CPU path, and as NV12 like the CPU path on OpenCV's BGR conversion of it.</summary>
    public static List<string> Preprocess(ProcessorTarget target)
    {
        var lines = new List<string>();
        foreach (var image in Coco8Frames.Load())
        {
            using var bgr = Coco8Frames.Frame(image.Bgr, PixelFormat.Bgr24, image.Width, image.Height);
            Assert.Null(GpuProcessorParity.Preprocess(target, bgr.Frame, reference: null));

            using var nv12 = Coco8Frames.Frame(image.Nv12, PixelFormat.Nv12, image.Width, image.Height);
            using var converted = Coco8Frames.Frame(image.BgrOfNv12, PixelFormat.Bgr24, image.Width, image.Height);
            var cpu = new CpuFrameProcessor(640, 640, PoseDecoders.Create(Pose), new BilinearBgrResizer());
            Assert.Null(GpuProcessorParity.Preprocess(target, nv12.Frame, new GpuProcessorParity.ReferenceOn(cpu, converted.Frame)));
            lines.Add($"{image.Name} {image.Width}x{image.Height}: BGR and NV12 equal to the CPU path");
        }

        return lines;
    }

    /// <summary>Each image's real output decoded as the CPU path does, with predict's and val's options.</summary>
    public static List<string> Decode(ProcessorTarget target)
    {
        var lines = new List<string>();
        foreach (var (name, raw, box) in ModelOutputs.Coco8Pose)
        {
            Assert.Null(GpuProcessorParity.Decode(target, Pose, raw, new DecodeOptions(), box, out int n));
            Assert.Null(GpuProcessorParity.Decode(target, Pose, raw, new DecodeOptions { Confidence = 0.001f, MultiLabel = true }, box, out int all));
            lines.Add($"{name}: {n} detections (val options: {all}) equal to the CPU path");
        }

        return lines;
    }
}
