namespace EdgePose.Train.Datasets;

/// <summary>Where an output image comes from: a file on disk, or bytes (an image embedded in a labelme json).</summary>
public sealed record ImageSource(string? FilePath, byte[]? Bytes)
{
    public static ImageSource File(string path) => new(path, null);

    public static ImageSource Embedded(byte[] bytes) => new(null, bytes);
}
