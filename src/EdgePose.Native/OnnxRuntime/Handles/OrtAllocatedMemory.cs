namespace EdgePose.Native.OnnxRuntime.Handles;

/// <summary>
/// Memory that ONNX Runtime allocated with an <c>OrtAllocator</c> and handed to us (tensor names,
/// metadata keys and values, key arrays); freed with <c>AllocatorFree</c> of the same allocator.
/// </summary>
internal sealed class OrtAllocatedMemory : OrtHandle
{
    private readonly nint _allocator;

    public OrtAllocatedMemory(OrtApi api, nint allocator, nint memory)
        : base(api, memory) => _allocator = allocator;

    protected override unsafe bool ReleaseHandle()
    {
        var status = Api.AllocatorFree(_allocator, (void*)handle);
        if (status != 0)
        {
            Api.ReleaseStatus(status);
            return false;
        }

        return true;
    }
}
