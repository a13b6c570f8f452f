using EdgePose.Core.Datasets.Labelme;
using EdgePose.Core.Imaging;
using EdgePose.Tests;

namespace EdgePose.Train.Tests;

/// <summary>
/// Writes the generated cat labelme set to a folder with real images (coco8-pose JPEGs stand in for cat
/// photos): the first file embeds its image as imageData, the others point to an image file beside them.
/// </summary>
internal static class LabelmeFolderMaker
{
    public static string[] Images => Directory.GetFiles(Path.Combine(TestPaths.Coco8Pose, "images"), "*.jpg", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToArray();

    /// <summary>Writes the sample set (sizes set to each stand-in image's) and the config; gives the config path.</summary>
    public static string Write(string folder, Action<int, LabelmeDocument>? edit = null)
    {
        Directory.CreateDirectory(Path.Combine(folder, "sub"));
        var set = LabelmeSamples.Set();
        for (int i = 0; i < set.Count; i++)
        {
            var doc = set[i].Document;
            var bytes = File.ReadAllBytes(Images[i]);
            Assert.True(ImageHeaderReader.TryRead(bytes, out var h));
            Fit(doc, h.DisplayWidth, h.DisplayHeight);
            var dir = i >= 3 ? Path.Combine(folder, "sub") : folder;
            if (i == 0)
            {
                doc.ImageData = Convert.ToBase64String(bytes);
                doc.ImagePath = "cat_000.jpg";
            }
            else
            {
                File.WriteAllBytes(Path.Combine(dir, doc.ImagePath!), bytes);
            }

            edit?.Invoke(i, doc);
            File.WriteAllText(Path.Combine(dir, Path.ChangeExtension(doc.ImagePath!, ".json")), LabelmeJson.Serialize(doc));
        }

        var config = Path.Combine(Path.GetDirectoryName(folder)!, "cat8.yaml");
        File.WriteAllText(config, LabelmeSamples.ConfigYaml);
        return config;
    }

    /// <summary>Scales the shapes into a width × height image and sets the size.</summary>
    private static void Fit(LabelmeDocument doc, int width, int height)
    {
        double sx = (width - 1.0) / doc.ImageWidth, sy = (height - 1.0) / doc.ImageHeight;
        foreach (var s in doc.Shapes)
        {
            s.Points = s.Points.Select(p => new[] { p[0] * sx, p[1] * sy }).ToArray();
        }

        doc.ImageWidth = width;
        doc.ImageHeight = height;
    }
}
