using EdgePose.Core.Datasets.Yolo;
using EdgePose.Core.Drawing;
using EdgePose.Core.Imaging;
using EdgePose.Core.Meta;
using EdgePose.Native.OpenCv;
using EdgePose.Tests;

namespace EdgePose.Train.Tests.Commands;

public class DataPreviewCommandTests : TempFolder
{
    [RequiresSharedFact("data/coco8-pose/coco8-pose.yaml")]
    public void Each_image_is_drawn_at_its_size_with_visible_keypoints_in_the_meta_colours()
    {
        var r = CliRun.Of("data", "preview", TestPaths.Coco8Pose, "-o", At("out"));
        Assert.Equal(0, r.ExitCode);
        Assert.Equal(8, Directory.GetFiles(At("out"), "*.jpg", SearchOption.AllDirectories).Length);

        var source = Path.Combine(TestPaths.Coco8Pose, "images", "val", "000000000136.jpg");
        Assert.True(ImageHeaderReader.TryRead(File.ReadAllBytes(source), out var h));
        using var drawn = ImageCodec.Read(At("out", "images", "val", "000000000136.jpg"));
        Assert.Equal((h.Width, h.Height), (drawn.Cols, drawn.Rows));

        // A visible keypoint below the shoulders (away from the box label) shows its colour at its centre.
        var line = File.ReadAllLines(YoloLabelPaths.LabelPathFor(source)!)[0].Split(' ').Select(s => double.Parse(s, System.Globalization.CultureInfo.InvariantCulture)).ToArray();
        int k = Enumerable.Range(5, 12).First(j => line[7 + (3 * j)] == 2);
        int x = (int)Math.Round(line[5 + (3 * k)] * h.Width), y = (int)Math.Round(line[6 + (3 * k)] * h.Height);
        var want = KeypointMeta.Coco17.KeypointColors[k];
        var row = drawn.BgrRow(y);
        Assert.InRange(Math.Abs(row[(3 * x) + 2] - want.R), 0, 40);
        Assert.InRange(Math.Abs(row[(3 * x) + 1] - want.G), 0, 40);
        Assert.InRange(Math.Abs(row[3 * x] - want.B), 0, 40);
    }

    [RequiresSharedFact("data/coco8-pose/coco8-pose.yaml")]
    public void A_contact_sheet_holds_every_image_in_its_tile()
    {
        var r = CliRun.Of("data", "preview", TestPaths.Coco8Pose, "-o", At("sheet"), "--sheet", "--columns", "3", "--tile", "100", "--split", "val");
        Assert.Equal(0, r.ExitCode);
        using var sheet = ImageCodec.Read(At("sheet", "sheet_000.png"));
        var sizes = Directory.GetFiles(Path.Combine(TestPaths.Coco8Pose, "images", "val")).Order(StringComparer.Ordinal)
            .Select(p => ImageHeaderReader.TryRead(File.ReadAllBytes(p), out var h) ? (h.Width, h.Height) : default).ToList();
        var layout = ContactSheetLayout.Compute(sizes, 3, 100);
        Assert.Equal((layout.Width, layout.Height), (sheet.Cols, sheet.Rows));
        Assert.Equal([40, 40, 40], sheet.BgrRow(1)[..3].ToArray());
        Assert.Single(Directory.GetFiles(At("sheet")));
    }

    [RequiresSharedFact("data/coco8-pose/images")]
    public void Labelme_files_with_embedded_images_are_drawn()
    {
        var config = LabelmeFolderMaker.Write(At("labelme"));
        var r = CliRun.Of("data", "preview", At("labelme"), "--config", config, "-o", At("out"), "--max", "2");
        Assert.Equal(0, r.ExitCode);
        Assert.True(File.Exists(At("out", "cat_000.jpg")));
        Assert.True(File.Exists(At("out", "cat_001.jpg")));
        Assert.False(File.Exists(At("out", "cat_002.jpg")));
    }

    [Fact]
    public void Labelme_preview_without_a_config_fails_with_one_line()
    {
        Directory.CreateDirectory(At("labelme"));
        File.WriteAllText(At("labelme", "a.json"), "{}");
        var r = CliRun.Of("data", "preview", At("labelme"), "-o", At("out"));
        Assert.Equal("error: labelme preview needs --config (names, keypoint meta and label mapping)", r.SingleError());
        Assert.Equal(2, r.ExitCode);
    }
}
