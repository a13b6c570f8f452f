namespace EdgePose.Native.OnnxRuntime.Handles;

/// <summary>An <c>OrtTypeInfo</c>: the type of one model input or output.</summary>
internal sealed class OrtTypeInfoHandle : OrtHandle
{
    public OrtTypeInfoHandle(OrtApi api, nint handle)
        : base(api, handle)
    {
    }

    protected override unsafe bool ReleaseHandle()
    {
        Api.ReleaseTypeInfo(handle);
        return true;
    }
}
