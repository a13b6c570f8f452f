using System.Runtime.InteropServices;

namespace EdgePose.Native.OnnxRuntime.Handles;

/// <summary>
/// Owns one ONNX Runtime object and releases it with the matching <c>Release*</c> function of the
/// <see cref="OrtApi"/> that made it. Null means "none".
/// </summary>
internal abstract class OrtHandle : SafeHandle
{
    protected OrtHandle(OrtApi api, nint handle)
        : base(0, ownsHandle: true)
    {
        Api = api;
        SetHandle(handle);
    }

    public override bool IsInvalid => handle == 0;

    protected OrtApi Api { get; }

    /// <summary>The raw pointer, for passing to ONNX Runtime while this handle is alive.</summary>
    public nint Pointer
    {
        get
        {
            ObjectDisposedException.ThrowIf(IsClosed, this);
            return handle;
        }
    }
}
