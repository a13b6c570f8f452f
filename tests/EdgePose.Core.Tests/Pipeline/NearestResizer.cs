using EdgePose.Core.Inference;

namespace EdgePose.Core.Tests.Pipeline;

/// <summary>Nearest-neighbour BGR resize, for tests whose frames need resizing (the product uses OpenCV's INTER_LINEAR).</summary>
internal sealed class NearestResizer : IBgrResizer
{
    public void Resize(BgrImage source, Span<byte> destination, int width, int height, int stride)
    {
        for (int y = 0; y < height; y++)
        {
            int sy = y * source.Height / height;
            for (int x = 0; x < width; x++)
            {
                int sx = x * source.Width / width;
                var from = source.Pixels.Slice((sy * source.Stride) + (sx * 3), 3);
                from.CopyTo(destination.Slice((y * stride) + (x * 3), 3));
            }
        }
    }
}
