using EdgePose.Native.Tests.Cuda;
using EdgePose.Native.Tests.Kernels;
using EdgePose.Tests;
using Xunit.Abstractions;

namespace EdgePose.Native.Tests.Processing;

/// <summary>
/// The GPU processor's checks (<see cref="GpuProcessorParity"/>) run on the emulated kernels, without a GPU: the
/// processor-level wiring (frame formats, strides, host buffer sets, raw layouts, letterbox inverse) equals the CPU
/// path, and the checks themselves work before they reach a GPU machine.
/// </summary>
public class EmulatedProcessorParityTests(ITestOutputHelper output)
{
    [Fact]
    public void The_emulated_processor_passes_every_gpu_processor_check()
    {
        var (lines, failures) = GpuProcessorParity.Run(ProcessorTarget.Emulated, frames: 40, seed: 20261127);

        foreach (var line in lines)
        {
            output.WriteLine(line);
        }

        Assert.Equal(0, failures);
        Assert.Equal((GpuProcessorParity.FrameSizes.Count * 2) + 3, lines.Count);
    }

    [RequiresSharedFact(Coco8Frames.Images)]
    public void Coco8_pose_images_as_bgr_and_nv12_through_the_emulated_processor_equal_the_cpu_path()
    {
        foreach (var line in RealFrameChecks.Preprocess(ProcessorTarget.Emulated))
        {
            output.WriteLine(line);
        }
    }

    [RequiresSharedFact(ModelOutputs.Model, ModelOutputs.Images)]
    public void Real_model_outputs_through_the_emulated_processor_equal_the_cpu_path()
    {
        foreach (var line in RealFrameChecks.Decode(ProcessorTarget.Emulated))
        {
            output.WriteLine(line);
        }
    }
}
