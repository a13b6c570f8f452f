namespace EdgePose.Native.OnnxRuntime.Handles;

/// <summary>An <c>OrtValue</c>: a tensor. Over our own buffer it does not own the data; ORT-made ones do.</summary>
internal sealed class OrtValueHandle : OrtHandle
{
    public OrtValueHandle(OrtApi api, nint handle)
        : base(api, handle)
    {
    }

    protected override unsafe bool ReleaseHandle()
    {
        Api.ReleaseValue(handle);
        return true;
    }
}
