using EdgePose.Cli.Files;
using EdgePose.Native.Drawing;
using EdgePose.Core.Coco;
using EdgePose.Core.Datasets;
using EdgePose.Core.Drawing;
using EdgePose.Core.Meta;
using EdgePose.Native.OpenCv;
using EdgePose.Train.Datasets;
using OpenCvSharp;
using Serilog;

namespace EdgePose.Train.Preview;

/// <summary>
/// Draws labels on images with OpenCV: each image with its objects' boxes, skeletons and keypoints
/// (<see cref="PoseOverlay"/>), written one file per image or gathered on contact sheets.
/// </summary>
public static class PreviewRenderer
{
    private static readonly Rgb s_crowd = new(128, 128, 128);
    private static readonly Rgb s_background = new(40, 40, 40);

    public sealed record SheetOptions(int Columns, int Tile, int PerSheet);

    /// <summary>Draws one image's labels onto a fresh decoded copy of it.</summary>
    public static Mat Draw(PreviewSet set, CocoImage img, IReadOnlyList<CocoAnnotation> annotations, List<DrawCommand> scratch)
    {
        var source = set.ImageOf(img);
        var image = source.Bytes is { } bytes ? ImageCodec.Decode(bytes, img.FileName) : ImageCodec.Read(source.FilePath!);
        var style = PoseDrawStyle.ForImage(image.Cols, image.Rows);
        var names = set.Coco.Categories.ToDictionary(c => c.Id, c => c.Name);
        var classIndex = set.Coco.Categories.OrderBy(c => c.Id).Select((c, i) => (c.Id, i)).ToDictionary(t => t.Id, t => t.i);
        scratch.Clear();
        var kps = new LabelledKeypoint[set.Meta.KeypointCount];
        foreach (var a in annotations)
        {
            int n = a.Iscrowd != 0 ? 0 : Math.Min(kps.Length, (a.Keypoints?.Length ?? 0) / 3);
            for (int k = 0; k < n; k++)
            {
                kps[k] = new LabelledKeypoint(a.Keypoints![3 * k], a.Keypoints[(3 * k) + 1], (int)a.Keypoints[(3 * k) + 2]);
            }

            var color = a.Iscrowd != 0 ? s_crowd : ClassPalette.ForClass(classIndex.GetValueOrDefault(a.CategoryId));
            var label = a.Iscrowd != 0 ? "crowd" : names.GetValueOrDefault(a.CategoryId, "?");
            PoseOverlay.Add(scratch, a.Bbox[0], a.Bbox[1], a.Bbox[2], a.Bbox[3], kps.AsSpan(0, n), set.Meta, label, color, style);
        }

        OverlayPainter.Paint(image, scratch, style.FontScale);
        return image;
    }

    /// <summary>Writes each image with its labels drawn to the output, under its own relative name.</summary>
    public static int WriteImages(PreviewSet set, IReadOnlyList<CocoImage> images, OutputFolder output, ILogger log)
    {
        var byImage = set.Coco.Annotations.ToLookup(a => a.ImageId);
        var scratch = new List<DrawCommand>();
        foreach (var img in images)
        {
            using var drawn = Draw(set, img, byImage[img.Id].ToList(), scratch);
            var ext = Path.GetExtension(img.FileName).ToLowerInvariant() is ".jpg" or ".jpeg" or ".png" or ".bmp" ? "" : ".png";
            AtomicFile.Write(output.NewFilePath(img.FileName + ext), temp => ImageCodec.Write(temp, drawn));
        }

        log.Information("Drew {Images} images into {Output}", images.Count, output.Root);
        return images.Count;
    }

    /// <summary>Writes contact sheets sheet_000.png, ... of <see cref="SheetOptions.PerSheet"/> images each, captioned with their names.</summary>
    public static int WriteSheets(PreviewSet set, IReadOnlyList<CocoImage> images, OutputFolder output, SheetOptions options, ILogger log)
    {
        var byImage = set.Coco.Annotations.ToLookup(a => a.ImageId);
        var scratch = new List<DrawCommand>();
        int sheets = 0;
        foreach (var page in images.Chunk(options.PerSheet))
        {
            var layout = ContactSheetLayout.Compute(page.Select(i => (i.Width, i.Height)).ToList(), options.Columns, options.Tile);
            using var sheet = new Mat(layout.Height, layout.Width, MatType.CV_8UC3, OverlayPainter.ToScalar(s_background));
            for (int i = 0; i < page.Length; i++)
            {
                var p = layout.Placements[i];
                using var drawn = Draw(set, page[i], byImage[page[i].Id].ToList(), scratch);
                using var tile = new Mat(sheet, new Rect(p.X, p.Y, p.W, p.H));
                Cv2.Resize(drawn, tile, new Size(p.W, p.H), 0, 0, InterpolationFlags.Area);
                OverlayPainter.Label(sheet, Caption(page[i].FileName), p.TileX, p.TileY, s_background, 0.4, 1, below: true);
            }

            var name = $"sheet_{sheets++:000}.png";
            AtomicFile.Write(output.NewFilePath(name), temp => ImageCodec.Write(temp, sheet));
        }

        log.Information("Drew {Images} images on {Sheets} contact sheet(s) in {Output}", images.Count, sheets, output.Root);
        return sheets;
    }

    /// <summary>The file name, ASCII only (Hershey fonts draw nothing else).</summary>
    private static string Caption(string fileName) =>
        new(Path.GetFileName(fileName).Select(c => c is >= ' ' and <= '~' ? c : '?').ToArray());
}
