using EdgePose.Core.Datasets.Labelme;
using EdgePose.Core.Errors;
using Serilog;

namespace EdgePose.Train.Datasets;

/// <summary>
/// Reads a folder of labelme json files (recursively, in path order) with their images. An image is taken
/// from the file imagePath names (relative to the json) when it exists, else from the embedded imageData,
/// which is then written out as a file. Its size is read from the header and must agree with the json's
/// imageWidth × imageHeight (EXIF orientation applied, as labelme shows it).
/// </summary>
public static class LabelmeFolder
{
    /// <summary>A labelme file ready to convert and the source of its image.</summary>
    public sealed record Entry(LabelmeImage Image, ImageSource Source);

    public static List<Entry> Read(string folder, ILogger log)
    {
        if (!Directory.Exists(folder))
        {
            throw new InputException($"{folder}: no such folder of labelme json files");
        }

        var jsons = Directory.EnumerateFiles(folder, "*.json", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToList();
        if (jsons.Count == 0)
        {
            throw new InputException($"{folder}: no labelme .json files in this folder");
        }

        var entries = new List<Entry>(jsons.Count);
        int embedded = 0;
        foreach (var json in jsons)
        {
            var doc = LabelmeJson.Parse(File.ReadAllText(json), json);
            var relDir = Path.GetDirectoryName(DisplayPaths.Relative(folder, json))!.Replace('\\', '/');
            var imagePath = string.IsNullOrWhiteSpace(doc.ImagePath) ? null : Path.Combine(Path.GetDirectoryName(json)!, doc.ImagePath.Replace('\\', '/'));
            ImageSource source;
            Core.Imaging.ImageHeader header;
            string fileName;
            if (imagePath is not null && File.Exists(imagePath))
            {
                source = ImageSource.File(imagePath);
                header = ImageFiles.ReadHeader(imagePath);
                fileName = Path.GetFileName(imagePath);
            }
            else if (LabelmeJson.DecodeImageData(doc, json) is { } bytes)
            {
                source = ImageSource.Embedded(bytes);
                header = ImageFiles.ReadHeader(bytes, json);
                fileName = imagePath is not null ? Path.GetFileName(imagePath) : Path.GetFileNameWithoutExtension(json) + ImageFiles.ExtensionOf(header);
                embedded++;
            }
            else if (imagePath is null)
            {
                throw new InputException($"{json}: neither imagePath nor imageData: not a labelme file?");
            }
            else
            {
                throw new InputException($"{json}: image '{doc.ImagePath}' not found beside the json and the file has no imageData");
            }

            if (doc.ImageWidth == 0 && doc.ImageHeight == 0)
            {
                doc.ImageWidth = header.DisplayWidth;
                doc.ImageHeight = header.DisplayHeight;
            }
            else if (doc.ImageWidth != header.DisplayWidth || doc.ImageHeight != header.DisplayHeight)
            {
                throw new InputException($"{json}: imageWidth × imageHeight {doc.ImageWidth} × {doc.ImageHeight} differ from the image's {header.DisplayWidth} × {header.DisplayHeight}");
            }

            var name = relDir.Length == 0 ? fileName : relDir + "/" + fileName;
            entries.Add(new Entry(new LabelmeImage(json, doc, name), source));
        }

        log.Information("Read {Files} labelme files from {Folder} ({Embedded} with embedded images)", entries.Count, folder, embedded);
        return entries;
    }
}
