namespace EdgePose.Core.Onnx;

/// <summary>
/// A read-only pass-through stream that keeps a copy of the first bytes read and counts all of them,
/// so a reader that fails half-way can still look at how the data began.
/// </summary>
internal sealed class HeadRecordingStream(Stream inner, int headLength) : Stream
{
    private readonly byte[] _head = new byte[headLength];
    private int _headFilled;

    /// <summary>The first bytes read so far (up to the head length).</summary>
    public ReadOnlySpan<byte> Head => _head.AsSpan(0, _headFilled);

    public long BytesRead { get; private set; }

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => BytesRead;
        set => throw new NotSupportedException();
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        int n = inner.Read(buffer);
        if (_headFilled < _head.Length && n > 0)
        {
            int take = Math.Min(n, _head.Length - _headFilled);
            buffer[..take].CopyTo(_head.AsSpan(_headFilled));
            _headFilled += take;
        }

        BytesRead += n;
        return n;
    }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
