using EdgePose.Core.Engines;

namespace EdgePose.Native.OnnxRuntime;

/// <summary>Where one model output lands on the host, and how it is handed to <c>OrtApi::Run</c>.</summary>
internal abstract class OrtOutputBuffer : IDisposable
{
    /// <summary>The <c>OrtValue*</c> to put in Run's output array: a pre-made one, or null to let ONNX Runtime allocate.</summary>
    public abstract nint ValueForRun { get; }

    /// <summary>Called after a successful run with what ONNX Runtime left in the output array slot.</summary>
    public abstract void Collect(nint value);

    /// <summary>Called after a failed run with what ONNX Runtime left in the output array slot.</summary>
    public abstract void Discard(nint value);

    /// <summary>The data of the last run and its concrete shape.</summary>
    public abstract ReadOnlySpan<float> Read(out TensorShape shape);

    public abstract void Dispose();
}
