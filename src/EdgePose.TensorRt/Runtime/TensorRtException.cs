using EdgePose.Native.TensorRt;

namespace EdgePose.TensorRt.Runtime;

/// <summary>TensorRT (through native/trt_wrapper) failed; <see cref="Status"/> says how, the message why.</summary>
public sealed class TensorRtException : Exception
{
    public TensorRtException(string message)
        : base(message)
    {
    }

    public TensorRtException(string message, Exception inner)
        : base(message, inner)
    {
    }

    public TensorRtException()
    {
    }

    public TrtStatus Status { get; init; } = TrtStatus.Internal;
}
