using System.Text;
using EdgePose.Core.Decoding;
using EdgePose.Core.Frames;
using EdgePose.Core.Preprocessing;
using EdgePose.Core.Processing;
using EdgePose.Native.Cuda;
using EdgePose.Native.Cuda.Kernels;
using EdgePose.Native.Processing;
using EdgePose.Native.Tests.Kernels;
using EdgePose.Native.Tests.Processing;
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

    [RequiresGpuFact(Coco8Frames.Images)]
    public void Coco8_pose_images_as_bgr_and_nv12_are_letterboxed_as_the_cpu_path_does()
    {
        using var gpu = new GpuSession();

        foreach (var line in RealFrameChecks.Preprocess(ProcessorTarget.Gpu(gpu)))
        {
            output.WriteLine(line);
        }
    }

    [RequiresGpuFact(ModelOutputs.Model, ModelOutputs.Images)]
    public void Real_model_outputs_decode_on_the_gpu_as_on_the_cpu()
    {
        using var gpu = new GpuSession();

        foreach (var line in RealFrameChecks.Decode(ProcessorTarget.Gpu(gpu)))
        {
            output.WriteLine(line);
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
    public void Kernels_whose_ptx_the_driver_refuses_fail_to_load_as_ptx_refused_naming_the_module()
    {
        using var gpu = new GpuSession();
        // Every kernel's PTX claims a PTX version no driver knows: the driver refuses the first module loaded.
        var broken = new PtxCatalog(
            PtxCatalog.Kernels.Select(k => $"{PtxCatalog.ResourcePrefix}{k}.sm_53.ptx"),
            _ => Encoding.ASCII.GetBytes(".version 99.9\n.target sm_53\n.address_size 64\n"));

        var e = Assert.Throws<CudaException>(() => CudaKernels.Load(gpu.Context, gpu.Device, broken));
        var failure = CudaFailureClassifier.Classify(e);

        Assert.Equal(GpuFailureKind.PtxRefused, failure.Kind);
        Assert.Contains("preprocess.sm_53.ptx", failure.Detail);
        Assert.Contains("CUDA_ERROR_", failure.Detail);
        output.WriteLine(failure.ToString());
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
}
