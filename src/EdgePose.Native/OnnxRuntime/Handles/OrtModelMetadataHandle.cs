namespace EdgePose.Native.OnnxRuntime.Handles;

/// <summary>An <c>OrtModelMetadata</c>: producer, description and the custom key/value map of a model.</summary>
internal sealed class OrtModelMetadataHandle : OrtHandle
{
    public OrtModelMetadataHandle(OrtApi api, nint handle)
        : base(api, handle)
    {
    }

    protected override unsafe bool ReleaseHandle()
    {
        Api.ReleaseModelMetadata(handle);
        return true;
    }
}
