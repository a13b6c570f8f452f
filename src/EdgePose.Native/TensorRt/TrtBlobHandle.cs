using Microsoft.Win32.SafeHandles;

namespace EdgePose.Native.TensorRt;

/// <summary>An ept_blob: host memory holding a serialised plan, freed on dispose.</summary>
public sealed class TrtBlobHandle : SafeHandleZeroOrMinusOneIsInvalid
{
    public TrtBlobHandle()
        : base(ownsHandle: true)
    {
    }

    /// <summary>The plan's bytes; valid while this handle is alive.</summary>
    public unsafe ReadOnlySpan<byte> AsSpan()
    {
        ObjectDisposedException.ThrowIf(IsClosed, this);
        return new ReadOnlySpan<byte>(TrtApi.ept_blob_data(handle), checked((int)TrtApi.ept_blob_size(handle)));
    }

    protected override bool ReleaseHandle()
    {
        TrtApi.ept_blob_destroy(handle);
        return true;
    }
}
