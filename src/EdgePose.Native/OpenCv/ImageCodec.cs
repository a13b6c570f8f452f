using EdgePose.Core.Errors;
using OpenCvSharp;

namespace EdgePose.Native.OpenCv;

/// <summary>
/// Reads, decodes and writes images through OpenCV (OpenCvSharp), with errors that name the file. Decoding
/// gives 8-bit BGR with the EXIF orientation applied (IMREAD_COLOR), as Ultralytics' cv2.imread does.
/// </summary>
public static class ImageCodec
{
    /// <summary>Reads and decodes the image file at <paramref name="path"/> into a new BGR Mat; the caller disposes it.</summary>
    public static Mat Read(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (Directory.Exists(path))
        {
            throw new InputException($"image path is a folder, not a file: '{path}'");
        }

        if (!File.Exists(path))
        {
            throw new InputException($"image file not found: '{path}'");
        }

        Mat image;
        try
        {
            image = Cv2.ImRead(path, ImreadModes.Color);
        }
        catch (OpenCVException e)
        {
            throw new InputException($"cannot decode image '{path}': {e.ErrMsg}", e);
        }

        return Checked(image, path);
    }

    /// <summary>Decodes encoded image bytes (JPEG, PNG, ...) into a new BGR Mat; <paramref name="name"/> names them in errors.</summary>
    public static Mat Decode(ReadOnlySpan<byte> encoded, string name = "<bytes>")
    {
        if (encoded.IsEmpty)
        {
            throw new InputException($"cannot decode image '{name}': it is empty");
        }

        Mat image;
        try
        {
            image = Cv2.ImDecode(encoded, ImreadModes.Color);
        }
        catch (OpenCVException e)
        {
            throw new InputException($"cannot decode image '{name}': {e.ErrMsg}", e);
        }

        return Checked(image, name);
    }

    /// <summary>Encodes <paramref name="image"/> in the format its extension names (.jpg, .png, .bmp, ...) and writes the file.</summary>
    public static void Write(string path, Mat image)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(image);
        if (image.Empty())
        {
            throw new ArgumentException("cannot encode an empty image", nameof(image));
        }

        if (Path.GetDirectoryName(Path.GetFullPath(path)) is { } folder && !Directory.Exists(folder))
        {
            throw new InputException($"cannot write image '{path}': folder '{folder}' does not exist");
        }

        bool written;
        try
        {
            written = Cv2.ImWrite(path, image);
        }
        catch (OpenCVException e)
        {
            throw new InputException($"cannot write image '{path}': {e.ErrMsg}", e);
        }

        if (!written)
        {
            throw new InputException($"cannot write image '{path}': the file could not be written");
        }
    }

    private static Mat Checked(Mat image, string name)
    {
        if (image.Empty())
        {
            image.Dispose();
            throw new InputException($"cannot decode image '{name}': not an image format OpenCV reads, or the file is damaged");
        }

        return image;
    }
}
