using System.Text;
using EdgePose.Core.Decoding;
using EdgePose.Core.Frames;
using EdgePose.Core.Preprocessing;
using EdgePose.Core.Processing;
using EdgePose.Native.Cuda;
using EdgePose.Native.OpenCv;
using EdgePose.Native.Processing;
using EdgePose.Native.Tests.Kernels;
using EdgePose.Native.Tests.Processing;
using EdgePose.Tests;
using OpenCvSharp;
using Xunit.Abstractions;

namespace EdgePose.Native.Tests.Cuda;

/// <summary>
/// The GPU processor (the pipeline's GPU pre- and post-processing) against the CPU processor, and its start-up
/// failures sorted into the classes the fallback acts on. Run where a CUDA device exists.
/// </summary>
public class GpuProcessorParityTests(ITestOutputHelper output)
{
    [RequiresGpuFact]
    public void The_gpu_processor_equals_the_cpu_processor_on_synthetic_frames_and_random_outputs()
    {
        using var gpu = new GpuSession();

        var (lines, failures) = GpuProcessorParity.Run(gpu, frames: 200);

        foreach (var line in lines)
        {
            output.WriteLine(line);
        }

        Assert.Equal(0, failures);
    }

    [RequiresGpuFact(ModelOutputs.Images)]
    public void Coco8_pose_images_as_bgr_and_nv12_are_letterboxed_as_the_cpu_path_does()
    {
        using var gpu = new GpuSession();
        var target = ProcessorTarget.Gpu(gpu);
        foreach (var path in Directory.GetFiles(Path.Combine(TestPaths.Coco8Pose, "images"), "*.jpg", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            using var image = ImageCodec.Read(path);
            using var even = image[new Rect(0, 0, image.Cols & ~1, image.Rows & ~1)].Clone();
            using var bgr = Frame(even, PixelFormat.Bgr24);
            Assert.Null(GpuProcessorParity.Preprocess(target, bgr.Frame, reference: null));

            // NV12 from the image (OpenCV's I420, chroma interleaved); the CPU path reads its BGR conversion.
            using var nv12 = Nv12(even);
            using var nv12Mat = Mat.FromPixelData(even.Rows * 3 / 2, even.Cols, MatType.CV_8UC1, nv12.Frame.Pixels.ToArray());
            using var converted = new Mat();
            Cv2.CvtColor(nv12Mat, converted, ColorConversionCodes.YUV2BGR_NV12);
            using var reference = Frame(converted, PixelFormat.Bgr24);
            Assert.Null(NvPreprocess(target, nv12.Frame, reference.Frame));
            output.WriteLine($"{Path.GetFileName(path)} {even.Cols}x{even.Rows}: BGR and NV12 equal to the CPU path");
        }
    }

    [RequiresGpuFact(ModelOutputs.Model, ModelOutputs.Images)]
    public void Real_model_outputs_decode_on_the_gpu_as_on_the_cpu()
    {
        using var gpu = new GpuSession();
        var target = ProcessorTarget.Gpu(gpu);
        var layout = new OutputLayout(OutputLayoutKind.RawChannelsFirst, 1, 8400, 1, 17, 3);
        foreach (var (name, raw, box) in ModelOutputs.Coco8Pose)
        {
            Assert.Null(GpuProcessorParity.Decode(target, layout, raw, new DecodeOptions(), box, out int n));
            Assert.Null(GpuProcessorParity.Decode(target, layout, raw, new DecodeOptions { Confidence = 0.001f, MultiLabel = true }, box, out _));
            output.WriteLine($"{name}: {n} detections equal to the CPU path");
        }
    }

    [RequiresGpuFact]
    public void Ptx_the_driver_refuses_is_classified_with_its_error_name_and_log()
    {
        using var gpu = new GpuSession();

        var e = Assert.Throws<CudaException>(() => gpu.Context.LoadModule(Encoding.ASCII.GetBytes(".version 99.0\n.target sm_999\nnot ptx"), "broken.ptx"));
        var failure = CudaFailureClassifier.Classify(e);

        Assert.Equal(GpuFailureKind.PtxRefused, failure.Kind);
        Assert.Contains("CUDA_ERROR_", failure.Detail);
        var decision = ProcessingChoice.Decide(ProcessingMode.Gpu, ProcessingFallback.None, failure);
        Assert.Contains("refused the kernels' PTX", decision.Error);
        Assert.DoesNotContain('\n', decision.Error!);
        output.WriteLine(decision.Error);
    }

    [RequiresGpuFact]
    public void Gpu_buffers_beyond_the_device_memory_are_classified_as_out_of_memory()
    {
        var layout = new OutputLayout(OutputLayoutKind.RawChannelsFirst, 1, 8400, 1, 17, 3);

        var e = Assert.Throws<CudaException>(() => CudaFrameProcessor.Create(640, 640, layout, new DecodeOptions(), 300, frameBytes: 1UL << 50));
        var failure = CudaFailureClassifier.Classify(e);

        Assert.Equal(GpuFailureKind.OutOfMemory, failure.Kind);
        Assert.Contains("CUDA_ERROR_OUT_OF_MEMORY", failure.Detail);
        output.WriteLine(failure.ToString());
    }

    [RequiresGpuFact]
    public void A_device_ordinal_beyond_the_gpus_is_classified_as_no_device()
    {
        var layout = new OutputLayout(OutputLayoutKind.RawChannelsFirst, 1, 8400, 1, 17, 3);

        var e = Assert.Throws<CudaException>(() => CudaFrameProcessor.Create(640, 640, layout, new DecodeOptions(), 300, deviceOrdinal: 4096));

        Assert.Equal(GpuFailureKind.NoDevice, CudaFailureClassifier.KindOf(e));
        output.WriteLine(CudaFailureClassifier.Classify(e).ToString());
    }

    private static string? NvPreprocess(ProcessorTarget target, Frame nv12, Frame convertedBgr)
    {
        // The CPU processor's tensor of the converted image is the reference for the NV12 frame.
        var layout = new OutputLayout(OutputLayoutKind.RawChannelsFirst, 1, 8400, 1, 17, 3);
        var cpu = new CpuFrameProcessor(640, 640, PoseDecoders.Create(layout), new BilinearBgrResizer());
        return GpuProcessorParity.Preprocess(target, nv12, new ConvertedReference(cpu, convertedBgr));
    }

    private static GpuProcessorParity.PooledFrame Frame(Mat bgr, PixelFormat format)
    {
        int stride = (int)bgr.Step();
        var frame = GpuProcessorParity.PooledFrame.Rent(format, bgr.Cols, bgr.Rows, stride);
        unsafe
        {
            new Span<byte>((void*)bgr.Data, stride * bgr.Rows).CopyTo(frame.Frame.Pixels);
        }

        return frame;
    }

    private static GpuProcessorParity.PooledFrame Nv12(Mat bgr)
    {
        int w = bgr.Cols, h = bgr.Rows;
        using var i420 = new Mat();
        Cv2.CvtColor(bgr, i420, ColorConversionCodes.BGR2YUV_I420);
        var planes = new byte[w * h * 3 / 2];
        System.Runtime.InteropServices.Marshal.Copy(i420.Data, planes, 0, planes.Length);
        var frame = GpuProcessorParity.PooledFrame.Rent(PixelFormat.Nv12, w, h, w);
        var px = frame.Frame.Pixels;
        planes.AsSpan(0, w * h).CopyTo(px);
        int quarter = w * h / 4;
        for (int i = 0; i < quarter; i++)
        {
            px[(w * h) + (2 * i)] = planes[(w * h) + i];
            px[(w * h) + (2 * i) + 1] = planes[(w * h) + quarter + i];
        }

        return frame;
    }

    /// <summary>A reference that letterboxes another frame (the BGR conversion of the NV12 frame under test).</summary>
    private sealed class ConvertedReference(IFrameProcessor inner, Frame converted) : IFrameProcessor
    {
        public string Description => inner.Description;

        public Core.Engines.EngineBufferSet CreateBufferSet(Core.Engines.IInferenceEngine engine) => inner.CreateBufferSet(engine);

        public Letterbox Preprocess(Frame frame, Core.Engines.EngineBufferSet buffers, int slot) => inner.Preprocess(converted, buffers, slot);

        public void Decode(Core.Engines.EngineBufferSet buffers, int slot, in Letterbox box, DecodeOptions options, Core.Poses.PoseDetections detections) =>
            inner.Decode(buffers, slot, box, options, detections);

        public void Dispose()
        {
        }
    }
}
