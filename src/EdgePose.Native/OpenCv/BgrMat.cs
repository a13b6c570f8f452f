using EdgePose.Native.OpenCv.Handles;
using EdgePose.Native.OpenCv.Interop;

namespace EdgePose.Native.OpenCv;

/// <summary>
/// An 8-bit BGR image in native memory (an OpenCV cv::Mat), rows <see cref="Stride"/> bytes apart, pixels
/// B, G, R. Made once and reused: decoders, video reads and resizes write into it and keep its memory
/// while the size stays the same. <see cref="AsView"/> hands the pixels to Core (the pose predictor).
/// Not thread-safe.
/// </summary>
public sealed class BgrMat : IDisposable
{
    /// <summary>Bytes per pixel.</summary>
    public const int Channels = 3;

    private readonly MatHandle _mat;
    private readonly IntPtr _external;
    private IntPtr _data;

    /// <summary>An empty image, to be filled by a decoder, a video read or a resize.</summary>
    public BgrMat()
    {
        CvCheck.ThrowIfFailed(CvShim.MatCreateEmpty(out _mat));
    }

    /// <summary>A <paramref name="width"/> x <paramref name="height"/> image; its pixels are undefined until written.</summary>
    public BgrMat(int width, int height)
    {
        CheckSize(width, height);
        CvCheck.ThrowIfFailed(CvShim.MatCreate(height, width, CvMatType.U8C3, out _mat));
        Refresh();
    }

    private BgrMat(MatHandle mat, IntPtr external)
    {
        _mat = mat;
        _external = external;
        Refresh();
    }

    /// <summary>
    /// An image over unmanaged memory the caller owns (pinned host memory, a mapped buffer): nothing is
    /// copied or freed, and the memory must outlive the image. Operations that would need another size
    /// throw instead of moving the image elsewhere.
    /// </summary>
    public static BgrMat WrapUnmanaged(IntPtr data, int width, int height, int stride)
    {
        if (data == IntPtr.Zero)
        {
            throw new ArgumentNullException(nameof(data));
        }

        CheckSize(width, height);
        ArgumentOutOfRangeException.ThrowIfLessThan(stride, width * Channels);
        CvCheck.ThrowIfFailed(CvShim.MatWrap(height, width, CvMatType.U8C3, data, stride, out var mat));
        return new BgrMat(mat, data);
    }

    public int Width { get; private set; }

    public int Height { get; private set; }

    /// <summary>Bytes from one row to the next (at least Width * 3).</summary>
    public int Stride { get; private set; }

    /// <summary>True until something has been decoded, read or resized into the image.</summary>
    public bool IsEmpty => _data == IntPtr.Zero;

    /// <summary>Whether the image lies in memory the caller owns (<see cref="WrapUnmanaged"/>).</summary>
    public bool IsWrapped => _external != IntPtr.Zero;

    /// <summary>All pixel bytes, row after row (<see cref="Stride"/> apart); valid until the size changes or the image is disposed.</summary>
    public unsafe Span<byte> Pixels =>
        IsEmpty ? Span<byte>.Empty : new Span<byte>((void*)_data, checked(((Height - 1) * Stride) + (Width * Channels)));

    /// <summary>Core's read-only view of the pixels, valid until the size changes or the image is disposed.</summary>
    public Core.Inference.BgrImage AsView() => new(Pixels, Width, Height, Stride);

    /// <summary>The Width * 3 bytes of row <paramref name="y"/>.</summary>
    public unsafe Span<byte> Row(int y)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(y);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(y, Height);
        return new Span<byte>((byte*)_data + ((long)y * Stride), Width * Channels);
    }

    /// <summary>Makes the image <paramref name="width"/> x <paramref name="height"/>, keeping its memory when it already is.</summary>
    public void EnsureSize(int width, int height)
    {
        if (width == Width && height == Height && !IsEmpty)
        {
            return;
        }

        CheckSize(width, height);
        CvCheck.ThrowIfFailed(CvShim.MatEnsure(Handle, height, width, CvMatType.U8C3));
        Refresh();
    }

    internal MatHandle Handle
    {
        get
        {
            ObjectDisposedException.ThrowIf(_mat.IsClosed, this);
            return _mat;
        }
    }

    /// <summary>The native image's shape and memory, as it is now.</summary>
    internal CvMatInfo NativeInfo()
    {
        CvCheck.ThrowIfFailed(CvShim.MatInfo(Handle, out var info));
        return info;
    }

    /// <summary>Takes the size and memory from the native image after a native call that may have changed them.</summary>
    internal void Refresh() => Refresh(NativeInfo());

    /// <summary>As <see cref="Refresh()"/>, with the native image's info already read by the caller.</summary>
    internal void Refresh(in CvMatInfo info)
    {
        if (info.Data != IntPtr.Zero && info.Type != CvMatType.U8C3)
        {
            throw new InvalidOperationException($"the native image holds OpenCV type {info.Type} with {info.Channels} channel(s), not 8-bit BGR");
        }

        if (IsWrapped && info.Data != _external)
        {
            throw new InvalidOperationException(
                $"the image wraps fixed memory of {Width}x{Height}; the operation needed {info.Cols}x{info.Rows}");
        }

        _data = info.Data;
        Width = info.Cols;
        Height = info.Rows;
        Stride = checked((int)info.Step);
    }

    public void Dispose()
    {
        _data = IntPtr.Zero;
        Width = Height = Stride = 0;
        _mat.Dispose();
    }

    private static void CheckSize(int width, int height)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(width);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(height);
    }
}
