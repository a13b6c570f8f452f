using EdgePose.Core.Frames;

namespace EdgePose.Core.Pipeline;

/// <summary>Size and pixel format of the frames a reader hands over; <see cref="Stride"/> is the tight row size.</summary>
public readonly record struct FrameShape(int Width, int Height, PixelFormat Format)
{
    /// <summary>Bytes per row, tightly packed (of the Y plane for NV12).</summary>
    public int Stride => Format == PixelFormat.Nv12 ? Width : Width * 3;

    public override string ToString() => FormattableString.Invariant($"{Width}x{Height} {Format}");
}
