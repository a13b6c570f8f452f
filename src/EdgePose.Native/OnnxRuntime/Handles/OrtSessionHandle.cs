namespace EdgePose.Native.OnnxRuntime.Handles;

/// <summary>An <c>OrtSession</c>: one loaded, optimised model ready to run.</summary>
internal sealed class OrtSessionHandle : OrtHandle
{
    public OrtSessionHandle(OrtApi api, nint handle)
        : base(api, handle)
    {
    }

    protected override unsafe bool ReleaseHandle()
    {
        Api.ReleaseSession(handle);
        return true;
    }
}
