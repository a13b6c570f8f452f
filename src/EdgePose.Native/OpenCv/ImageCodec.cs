using EdgePose.Core.Errors;
using EdgePose.Native.OpenCv.Interop;

namespace EdgePose.Native.OpenCv;

/// <summary>
/// Reads, decodes, writes and encodes images through OpenCV. Decoding gives 8-bit BGR with the EXIF
/// orientation applied (cv::IMREAD_COLOR), the same pixels Ultralytics gets from cv2.imdecode.
/// </summary>
public static class ImageCodec
{
    /// <summary>Reads and decodes the image file at <paramref name="path"/> into a new image.</summary>
    public static BgrMat Read(string path)
    {
        var image = new BgrMat();
        try
        {
            Read(path, image);
            return image;
        }
        catch
        {
            image.Dispose();
            throw;
        }
    }

    /// <summary>Reads and decodes the image file at <paramref name="path"/> into <paramref name="destination"/> (reused when the size matches).</summary>
    public static void Read(string path, BgrMat destination)
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

        var status = CvShim.ImRead(path, destination.Handle);
        var message = status == OpenCvStatus.Ok ? string.Empty : CvCheck.LastError();
        destination.Refresh();
        switch (status)
        {
            case OpenCvStatus.Ok:
                return;
            case OpenCvStatus.NotFound:
                throw new InputException($"cannot read image '{path}': {message}");
            case OpenCvStatus.Decode:
                throw new InputException($"cannot decode image '{path}': {message}");
            default:
                throw CvCheck.ToException(status, message);
        }
    }

    /// <summary>Decodes encoded image bytes into a new image; <paramref name="name"/> names them in errors.</summary>
    public static BgrMat Decode(ReadOnlySpan<byte> encoded, string name = "<bytes>")
    {
        var image = new BgrMat();
        try
        {
            Decode(encoded, image, name);
            return image;
        }
        catch
        {
            image.Dispose();
            throw;
        }
    }

    /// <summary>Decodes encoded image bytes into <paramref name="destination"/> (reused when the size matches).</summary>
    public static unsafe void Decode(ReadOnlySpan<byte> encoded, BgrMat destination, string name = "<bytes>")
    {
        OpenCvStatus status;
        fixed (byte* p = encoded)
        {
            status = CvShim.ImDecode(p, (nuint)encoded.Length, destination.Handle);
        }

        var message = status == OpenCvStatus.Ok ? string.Empty : CvCheck.LastError();
        destination.Refresh();
        if (status == OpenCvStatus.Decode)
        {
            throw new InputException($"cannot decode image '{name}': {message}");
        }

        if (status != OpenCvStatus.Ok)
        {
            throw CvCheck.ToException(status, message);
        }
    }

    /// <summary>Encodes <paramref name="image"/> in the format its extension names (.jpg, .png, .bmp, ...) and writes the file.</summary>
    public static void Write(string path, BgrMat image, ImageEncodeOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        CheckNotEmpty(image);
        var parameters = (options ?? ImageEncodeOptions.Default).ToNative();
        var status = CvShim.ImWrite(path, image.Handle, in parameters);
        if (status is OpenCvStatus.Encode or OpenCvStatus.Io)
        {
            throw new InputException($"cannot write image '{path}': {CvCheck.LastError()}");
        }

        CvCheck.ThrowIfFailed(status);
    }

    /// <summary>Encodes <paramref name="image"/> into <paramref name="destination"/>, whose buffer is reused.</summary>
    public static void Encode(BgrMat image, ImageFormat format, EncodedImage destination, ImageEncodeOptions? options = null)
    {
        CheckNotEmpty(image);
        var parameters = (options ?? ImageEncodeOptions.Default).ToNative();
        CvCheck.ThrowIfFailed(CvShim.ImEncode(format.Extension(), image.Handle, in parameters, destination.Handle));
    }

    /// <summary>Encodes <paramref name="image"/> into a new buffer.</summary>
    public static EncodedImage Encode(BgrMat image, ImageFormat format, ImageEncodeOptions? options = null)
    {
        var encoded = new EncodedImage();
        try
        {
            Encode(image, format, encoded, options);
            return encoded;
        }
        catch
        {
            encoded.Dispose();
            throw;
        }
    }

    private static void CheckNotEmpty(BgrMat image)
    {
        if (image.IsEmpty)
        {
            throw new ArgumentException("cannot encode an empty image", nameof(image));
        }
    }
}
