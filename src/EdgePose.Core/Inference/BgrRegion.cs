namespace EdgePose.Core.Inference;

/// <summary>The argument checks of an <see cref="IBgrResizer"/>: a region of BGR pixels fits in its memory.</summary>
public static class BgrRegion
{
    private const int Channels = 3;

    /// <summary>Throws unless <paramref name="height"/> rows of <paramref name="width"/> BGR pixels, <paramref name="stride"/> bytes apart, fit in <paramref name="length"/> bytes.</summary>
    public static void Check(int length, int width, int height, int stride, string name)
    {
        if (width <= 0 || height <= 0)
        {
            throw new ArgumentOutOfRangeException(name, $"{name} size must be positive, got {width}x{height}");
        }

        if (stride < width * Channels)
        {
            throw new ArgumentOutOfRangeException(name, $"{name} stride {stride} is less than a row of {width * Channels} bytes");
        }

        long needed = ((long)(height - 1) * stride) + ((long)width * Channels);
        if (length < needed)
        {
            throw new ArgumentException($"{name} holds {length} bytes; {width}x{height} BGR at stride {stride} needs {needed}", name);
        }
    }
}
