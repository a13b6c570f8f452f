using EdgePose.Core.Coco;
using EdgePose.Core.Datasets.Conversion;
using EdgePose.Core.Datasets.Labelme;
using EdgePose.Core.Datasets.Yolo;
using EdgePose.Core.Imaging;
using EdgePose.Core.Meta;
using EdgePose.Tests;

namespace EdgePose.Core.Tests.Datasets;

public class RoundTripTests
{
    private static List<YoloImageLabels> YoloImagesOf(CocoToYoloResult r) =>
        r.Files.Select(f => new YoloImageLabels(f.Image.FileName, f.Image.Width, f.Image.Height, f.Text, f.LabelFileName)).ToList();

    [Fact]
    public void Labelme_to_coco_to_yolo_to_coco_keeps_every_box_and_keypoint_within_1e6_of_the_image_size()
    {
        var first = LabelmeToCoco.Convert(LabelmeSamples.Set(), LabelmeSamples.Meta, LabelmeSamples.Config);
        var yolo = CocoToYolo.Convert(first, "labelme.json");
        Assert.Equal(["cat", "kitten"], yolo.ClassNames);
        var second = YoloToCoco.Convert(YoloImagesOf(yolo), yolo.ClassNames, yolo.Meta);

        Assert.Equal(first.Annotations.Count, second.Annotations.Count);
        Assert.Equal(first.Images.Select(i => (i.Id, i.FileName, i.Width, i.Height)), second.Images.Select(i => (i.Id, i.FileName, i.Width, i.Height)));
        var size = first.Images.ToDictionary(i => i.Id);
        for (int i = 0; i < first.Annotations.Count; i++)
        {
            var (a, b) = (first.Annotations[i], second.Annotations[i]);
            var img = size[a.ImageId];
            Assert.Equal((a.ImageId, a.CategoryId, a.NumKeypoints, a.Iscrowd), (b.ImageId, b.CategoryId, b.NumKeypoints, b.Iscrowd));
            for (int j = 0; j < 4; j++)
            {
                Assert.InRange(Math.Abs(a.Bbox[j] - b.Bbox[j]), 0, 1e-6 * (j % 2 == 0 ? img.Width : img.Height));
            }

            for (int j = 0; j < a.Keypoints!.Length; j++)
            {
                double tol = (j % 3) switch { 0 => 1e-6 * img.Width, 1 => 1e-6 * img.Height, _ => 0 };
                Assert.InRange(Math.Abs(a.Keypoints[j] - b.Keypoints![j]), 0, tol);
            }

            Assert.Equal(a.Area, b.Area, 1e-6 * img.Width * img.Height);
        }

        Assert.Equal(LabelmeSamples.Meta.FlipIndex, yolo.Meta.FlipIndex);
    }

    [RequiresSharedFact("data/coco8-pose/coco8-pose.yaml")]
    public void Coco8_pose_yolo_to_coco_to_yolo_is_lossless_to_6_decimals()
    {
        var root = TestPaths.Coco8Pose;
        var meta = KeypointMetaYaml.Parse(File.ReadAllText(Path.Combine(root, "coco8-pose.yaml")), "coco8-pose.yaml");
        var images = Directory.GetFiles(Path.Combine(root, "images"), "*.jpg", SearchOption.AllDirectories).Order(StringComparer.Ordinal)
            .Select(p =>
            {
                Assert.True(ImageHeaderReader.TryRead(File.ReadAllBytes(p), out var h));
                var label = YoloLabelPaths.LabelPathFor(p)!;
                return new YoloImageLabels(Path.GetFileName(p), h.DisplayWidth, h.DisplayHeight, File.ReadAllText(label), label);
            }).ToList();
        var coco = YoloToCoco.Convert(images, ["person"], meta);
        Assert.Equal(8, coco.Images.Count);
        Assert.Equal(21, coco.Annotations.Count);
        var coco2 = CocoJson.ParseDataset(CocoJson.Serialize(coco), "written");
        var back = CocoToYolo.Convert(coco2, "written");
        foreach (var (img, file) in images.Zip(back.Files))
        {
            var original = YoloPoseLabelFormat.Parse(img.LabelText!, 17, 3, img.LabelSource);
            var again = YoloPoseLabelFormat.Parse(file.Text, 17, 3, file.LabelFileName);
            Assert.Equal(original.Count, again.Count);
            Assert.Equal(
                original.Select(l => YoloPoseLabelFormat.FormatLine(l, 3, 6)),
                again.Select(l => YoloPoseLabelFormat.FormatLine(l, 3, 6)));
            Assert.Equal(Normalised(img.LabelText!), Normalised(file.Text));
        }
    }

    /// <summary>Every value of a label file as a number rounded to 6 decimals.</summary>
    private static List<double> Normalised(string text) =>
        text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Select(s => Math.Round(double.Parse(s, System.Globalization.CultureInfo.InvariantCulture), 6)).ToList();

    [RequiresSharedTheory("data/coco-mini/annotations/person_keypoints_val2017.json")]
    [InlineData("val2017")]
    [InlineData("train2017")]
    public void Coco_mini_json_to_yolo_to_json_keeps_every_keypoint_and_drops_only_crowd_regions(string split)
    {
        var path = TestPaths.Shared("data", "coco-mini", "annotations", $"person_keypoints_{split}.json");
        var gt = CocoJson.ParseDataset(File.ReadAllText(path), path);
        var yolo = CocoToYolo.Convert(gt, path);
        Assert.Equal(gt.Annotations.Count(a => a.Iscrowd == 1), yolo.CrowdSkipped);
        Assert.Equal(gt.Images.Count, yolo.Files.Count);
        var back = YoloToCoco.Convert(YoloImagesOf(yolo), yolo.ClassNames, yolo.Meta);

        Assert.Equal(gt.Images.Select(i => i.Id).Order(), back.Images.Select(i => i.Id).Order());
        var kept = gt.Annotations.Where(a => a.Iscrowd == 0).ToList();
        Assert.Equal(kept.Count, back.Annotations.Count);
        var size = gt.Images.ToDictionary(i => i.Id);
        var backByImage = back.Annotations.ToLookup(a => a.ImageId);
        foreach (var group in kept.GroupBy(a => a.ImageId))
        {
            var img = size[group.Key];
            foreach (var (a, b) in group.Zip(backByImage[group.Key]))
            {
                Assert.Equal(a.NumKeypoints, b.NumKeypoints);
                Assert.Equal(a.CategoryId, b.CategoryId);
                for (int j = 0; j < 51; j++)
                {
                    double tol = (j % 3) switch { 0 => 5e-7 * img.Width, 1 => 5e-7 * img.Height, _ => 0 };
                    Assert.InRange(Math.Abs(a.Keypoints![j] - b.Keypoints![j]), 0, tol + 1e-9);
                }

                for (int j = 0; j < 4; j++)
                {
                    Assert.InRange(Math.Abs(a.Bbox[j] - b.Bbox[j]), 0, 1e-6 * (j % 2 == 0 ? img.Width : img.Height));
                }
            }
        }

        Assert.Equal(
            gt.Annotations.Where(a => a.Iscrowd == 0).Sum(a => a.Keypoints!.Where((_, j) => j % 3 == 2).Count(v => v > 0)),
            back.Annotations.Sum(a => a.NumKeypoints));
    }
}
