namespace EdgePose.Native.OnnxRuntime.Handles;

/// <summary>An <c>OrtMemoryInfo</c>: describes where tensor memory lives (here: CPU).</summary>
internal sealed class OrtMemoryInfoHandle : OrtHandle
{
    public OrtMemoryInfoHandle(OrtApi api, nint handle)
        : base(api, handle)
    {
    }

    protected override unsafe bool ReleaseHandle()
    {
        Api.ReleaseMemoryInfo(handle);
        return true;
    }
}
