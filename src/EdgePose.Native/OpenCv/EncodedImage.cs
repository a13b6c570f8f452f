using EdgePose.Native.OpenCv.Handles;
using EdgePose.Native.OpenCv.Interop;

namespace EdgePose.Native.OpenCv;

/// <summary>
/// Encoded image bytes (JPEG, PNG, ...) in a native buffer that the encoder reuses: make one and encode
/// into it again and again. The bytes are valid until the next encode into it or disposal.
/// </summary>
public sealed class EncodedImage : IDisposable
{
    private readonly EncodedBufferHandle _buffer;

    public EncodedImage()
    {
        CvCheck.ThrowIfFailed(CvShim.BufferCreate(out _buffer));
    }

    /// <summary>The encoded bytes.</summary>
    public unsafe ReadOnlySpan<byte> Bytes
    {
        get
        {
            CvCheck.ThrowIfFailed(CvShim.BufferData(Handle, out var data, out var size));
            return new ReadOnlySpan<byte>(data, checked((int)size));
        }
    }

    public int Length => Bytes.Length;

    internal EncodedBufferHandle Handle
    {
        get
        {
            ObjectDisposedException.ThrowIf(_buffer.IsClosed, this);
            return _buffer;
        }
    }

    public void Dispose() => _buffer.Dispose();
}
