using EdgePose.TensorRt.Runtime;

namespace EdgePose.Host.Tests.Support;

/// <summary>A fact about behaviour where TensorRT is absent (and the shared files it names are present); skipped otherwise.</summary>
[AttributeUsage(AttributeTargets.Method)]
internal sealed class WithoutTensorRtFactAttribute : FactAttribute
{
    public WithoutTensorRtFactAttribute(params string[] sharedPaths)
    {
        Skip = TensorRtLibrary.IsAvailable(out _)
            ? "TensorRT is installed here; this test checks what happens where it is not"
            : EdgePose.Tests.SkipReasons.MissingShared(sharedPaths);
    }
}
