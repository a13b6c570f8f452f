using EdgePose.Core.Errors;

namespace EdgePose.TensorRt.Runtime;

/// <summary>
/// This machine cannot run TensorRT (no libedgepose_trt.so, no TensorRT libraries, or a mismatched
/// wrapper). An <see cref="InputException"/>, so commands print it as one line and exit non-zero.
/// </summary>
public sealed class TensorRtNotFoundException : InputException
{
    public TensorRtNotFoundException(string message)
        : base(message)
    {
    }

    public TensorRtNotFoundException(string message, Exception inner)
        : base(message, inner)
    {
    }

    public TensorRtNotFoundException()
    {
    }
}
