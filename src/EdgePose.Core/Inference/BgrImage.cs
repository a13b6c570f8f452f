namespace EdgePose.Core.Inference;

/// <summary>A view of packed 8-bit BGR pixels (OpenCV's layout): <paramref name="Stride"/> bytes per row.</summary>
public readonly ref struct BgrImage(ReadOnlySpan<byte> pixels, int width, int height, int stride)
{
    public ReadOnlySpan<byte> Pixels { get; } = pixels;

    public int Width { get; } = width;

    public int Height { get; } = height;

    public int Stride { get; } = stride;
}
