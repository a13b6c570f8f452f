using Microsoft.Win32.SafeHandles;

namespace EdgePose.Native.TensorRt;

/// <summary>An ept_engine: a deserialised TensorRT engine with its runtime, destroyed on dispose.</summary>
public sealed class TrtEngineHandle : SafeHandleZeroOrMinusOneIsInvalid
{
    public TrtEngineHandle()
        : base(ownsHandle: true)
    {
    }

    protected override bool ReleaseHandle()
    {
        TrtApi.ept_engine_destroy(handle);
        return true;
    }
}
