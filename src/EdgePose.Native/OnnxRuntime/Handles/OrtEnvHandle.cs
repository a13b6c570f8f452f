namespace EdgePose.Native.OnnxRuntime.Handles;

/// <summary>An <c>OrtEnv</c>: ONNX Runtime's process-wide state (logging, default thread pools). ONNX Runtime reference-counts it.</summary>
internal sealed class OrtEnvHandle : OrtHandle
{
    public OrtEnvHandle(OrtApi api, nint handle)
        : base(api, handle)
    {
    }

    protected override unsafe bool ReleaseHandle()
    {
        Api.ReleaseEnv(handle);
        return true;
    }
}
