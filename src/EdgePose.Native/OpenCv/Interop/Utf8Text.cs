using System.Buffers;
using System.Text;

namespace EdgePose.Native.OpenCv.Interop;

/// <summary>
/// NUL-terminated UTF-8 copies of short strings for the shim, on the stack or in a pooled array, so
/// labels drawn every frame do not allocate.
/// </summary>
internal ref struct Utf8Text
{
    /// <summary>Texts up to this many UTF-8 bytes use the caller's stack buffer.</summary>
    public const int StackBytes = 256;

    private byte[]? _rented;

    public Utf8Text(ReadOnlySpan<char> text, Span<byte> stackBuffer)
    {
        var needed = Encoding.UTF8.GetMaxByteCount(text.Length) + 1;
        var buffer = needed <= stackBuffer.Length ? stackBuffer : (_rented = ArrayPool<byte>.Shared.Rent(needed));
        var written = Encoding.UTF8.GetBytes(text, buffer);
        buffer[written] = 0;
        Bytes = buffer[..(written + 1)];
    }

    /// <summary>The UTF-8 bytes with the terminating NUL.</summary>
    public Span<byte> Bytes { get; }

    public void Dispose()
    {
        if (_rented is not null)
        {
            ArrayPool<byte>.Shared.Return(_rented);
            _rented = null;
        }
    }
}
