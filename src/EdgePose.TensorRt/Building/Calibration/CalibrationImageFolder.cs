using EdgePose.Core.Errors;
using EdgePose.Core.Imaging;

namespace EdgePose.TensorRt.Building.Calibration;

/// <summary>The images of a calibration folder (top level, sorted by name, so builds are repeatable).</summary>
public static class CalibrationImageFolder
{
    /// <summary>File extensions taken as images.</summary>
    /// <summary>The image files of <paramref name="folder"/>; <see cref="InputException"/> when it is missing or has none.</summary>
    public static IReadOnlyList<string> List(string folder)
    {
        if (!Directory.Exists(folder))
        {
            throw new InputException(File.Exists(folder)
                ? $"--calib-images must be a folder of images, but {folder} is a file"
                : $"calibration image folder not found: {folder}");
        }

        var images = Directory.EnumerateFiles(folder)
            .Where(ImageFileTypes.IsImage)
            .Order(StringComparer.Ordinal)
            .ToList();
        if (images.Count == 0)
        {
            throw new InputException($"calibration image folder {folder} has no images ({string.Join(", ", ImageFileTypes.Extensions)})");
        }

        return images;
    }
}
