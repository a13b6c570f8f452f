using EdgePose.Native.Cuda;
using EdgePose.TensorRt.Runtime;

namespace EdgePose.TensorRt.Tests.Support;

/// <summary>A fact that needs TensorRT (libedgepose_trt.so and TensorRT's libraries) and a GPU; skipped with the reason where either is absent.</summary>
[AttributeUsage(AttributeTargets.Method)]
internal sealed class RequiresTensorRtFactAttribute : FactAttribute
{
    public RequiresTensorRtFactAttribute(params string[] sharedPaths)
    {
        Skip = Reasons.MissingTensorRt() ?? Reasons.MissingGpu() ?? EdgePose.Tests.SkipReasons.MissingShared(sharedPaths);
    }
}

/// <summary>A fact that needs an NVIDIA GPU and its driver (libcuda.so.1); skipped with the reason where there is none.</summary>
[AttributeUsage(AttributeTargets.Method)]
internal sealed class RequiresGpuFactAttribute : FactAttribute
{
    public RequiresGpuFactAttribute() => Skip = Reasons.MissingGpu();
}

/// <summary>A fact about behaviour where TensorRT is absent; skipped on machines that have it.</summary>
[AttributeUsage(AttributeTargets.Method)]
internal sealed class WithoutTensorRtFactAttribute : FactAttribute
{
    public WithoutTensorRtFactAttribute()
    {
        if (TensorRtLibrary.IsAvailable(out _))
        {
            Skip = "TensorRT is installed here; this test checks what happens where it is not";
        }
    }
}

internal static class Reasons
{
    public static string? MissingTensorRt() => TensorRtLibrary.IsAvailable(out var why) ? null : why;

    public static string? MissingGpu() => CudaDriver.TryInitialize(out var why) ? null : why;
}
