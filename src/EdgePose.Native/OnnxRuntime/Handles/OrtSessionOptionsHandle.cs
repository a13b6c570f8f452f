namespace EdgePose.Native.OnnxRuntime.Handles;

/// <summary>An <c>OrtSessionOptions</c>: threads, optimisation level and execution mode for a session to be created.</summary>
internal sealed class OrtSessionOptionsHandle : OrtHandle
{
    public OrtSessionOptionsHandle(OrtApi api, nint handle)
        : base(api, handle)
    {
    }

    protected override unsafe bool ReleaseHandle()
    {
        Api.ReleaseSessionOptions(handle);
        return true;
    }
}
