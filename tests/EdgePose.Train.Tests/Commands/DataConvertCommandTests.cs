using System.Globalization;
using EdgePose.Core.Coco;
using EdgePose.Core.Datasets.Labelme;
using EdgePose.Core.Datasets.Yolo;
using EdgePose.Tests;

namespace EdgePose.Train.Tests.Commands;

public class DataConvertCommandTests : TempFolder
{
    private static List<double> Numbers(string text) =>
        text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Select(s => Math.Round(double.Parse(s, CultureInfo.InvariantCulture), 6)).ToList();

    [RequiresSharedFact("data/coco8-pose/coco8-pose.yaml")]
    public void Coco8_pose_yolo_to_coco_to_yolo_through_the_cli_keeps_every_label_value_to_6_decimals()
    {
        var toCoco = CliRun.Of("data", "convert", TestPaths.Coco8Pose, "--to", "coco", "-o", At("coco"));
        Assert.Equal(0, toCoco.ExitCode);
        Assert.Contains("0.53", toCoco.Stderr, StringComparison.Ordinal);
        var val = CocoJson.ParseDataset(File.ReadAllText(At("coco", "annotations", "val.json")), "val.json");
        Assert.Equal(4, val.Images.Count);
        Assert.Equal(14, val.Annotations.Count);
        Assert.True(File.Exists(At("coco", "images", "val", "000000000110.jpg")));

        foreach (var split in new[] { "train", "val" })
        {
            var back = CliRun.Of("data", "convert", At("coco", "annotations", $"{split}.json"), "--images", At("coco", "images", split), "--split", split, "--to", "yolo", "-o", At("yolo-" + split));
            Assert.Equal(0, back.ExitCode);
            foreach (var original in Directory.GetFiles(Path.Combine(TestPaths.Coco8Pose, "labels", split)))
            {
                var again = At("yolo-" + split, "labels", split, Path.GetFileName(original));
                Assert.Equal(Numbers(File.ReadAllText(original)), Numbers(File.ReadAllText(again)));
            }
        }

        Assert.Contains("val: images/val", File.ReadAllText(At("yolo-val", "data.yaml")), StringComparison.Ordinal);
    }

    [RequiresSharedFact("data/coco-mini/annotations/person_keypoints_val2017.json")]
    public void Coco_mini_json_to_yolo_to_json_through_the_cli_keeps_every_labelled_keypoint()
    {
        var json = TestPaths.Shared("data", "coco-mini", "annotations", "person_keypoints_val2017.json");
        var toYolo = CliRun.Of("data", "convert", json, "--to", "yolo", "-o", At("yolo"));
        Assert.Equal(0, toYolo.ExitCode);
        Assert.Contains("left out 1 crowd regions", toYolo.Stderr, StringComparison.Ordinal);
        Assert.Equal(79, Directory.GetFiles(At("yolo", "images", "val2017")).Length);

        var toJson = CliRun.Of("data", "convert", At("yolo"), "--to", "coco", "-o", At("json"));
        Assert.Equal(0, toJson.ExitCode);
        var gt = CocoJson.ParseDataset(File.ReadAllText(json), json);
        var back = CocoJson.ParseDataset(File.ReadAllText(At("json", "annotations", "val.json")), "val.json");
        Assert.Equal(gt.Images.Select(i => i.Id).Order(), back.Images.Select(i => i.Id).Order());
        Assert.Equal(gt.Annotations.Where(a => a.Iscrowd == 0).Sum(a => a.NumKeypoints), back.Annotations.Sum(a => a.NumKeypoints));
        Assert.Equal(gt.Annotations.Count(a => a.Iscrowd == 0), back.Annotations.Count);
    }

    [RequiresSharedFact("data/coco8-pose/images")]
    public void Labelme_to_yolo_to_coco_matches_labelme_to_coco_and_writes_the_embedded_image()
    {
        var config = LabelmeFolderMaker.Write(At("labelme"));
        var coco = CliRun.Of("data", "convert", At("labelme"), "--config", config, "--to", "coco", "-o", At("coco"));
        Assert.Equal(0, coco.ExitCode);
        Assert.Equal(File.ReadAllBytes(LabelmeFolderMaker.Images[0]), File.ReadAllBytes(At("coco", "images", "cat_000.jpg")));
        Assert.True(File.Exists(At("coco", "images", "sub", "cat_003.jpg")));
        var direct = CocoJson.ParseDataset(File.ReadAllText(At("coco", "annotations.json")), "direct");

        var yolo = CliRun.Of("data", "convert", At("labelme"), "--config", config, "--to", "yolo", "-o", At("yolo"));
        Assert.Equal(0, yolo.ExitCode);
        Assert.Equal([8, 3], DataYamlReader.Parse(File.ReadAllText(At("yolo", "data.yaml")), "data.yaml").KptShape);
        var again = CliRun.Of("data", "convert", At("yolo", "data.yaml"), "--to", "coco", "-o", At("again"));
        Assert.Equal(0, again.ExitCode);
        var back = CocoJson.ParseDataset(File.ReadAllText(At("again", "annotations", "train.json")), "back");

        Assert.Equal(direct.Images.Select(i => (i.FileName, i.Width, i.Height)), back.Images.Select(i => (i.FileName, i.Width, i.Height)));
        Assert.Equal(direct.Annotations.Count, back.Annotations.Count);
        var size = direct.Images.ToDictionary(i => i.Id);
        foreach (var (a, b) in direct.Annotations.Zip(back.Annotations))
        {
            var img = size[a.ImageId];
            Assert.Equal(a.NumKeypoints, b.NumKeypoints);
            for (int j = 0; j < a.Keypoints!.Length; j++)
            {
                Assert.InRange(Math.Abs(a.Keypoints[j] - b.Keypoints![j]), 0, 1e-6 * Math.Max(img.Width, img.Height));
            }
        }
    }

    [RequiresSharedFact("data/coco8-pose/images")]
    public void A_wrong_label_in_one_labelme_file_fails_naming_that_file_and_writes_nothing()
    {
        var config = LabelmeFolderMaker.Write(At("labelme"), (i, doc) =>
        {
            if (i == 4)
            {
                doc.Shapes.First(s => s.ShapeType == "point").Label = "whisker";
            }
        });
        var r = CliRun.Of("data", "convert", At("labelme"), "--config", config, "--to", "yolo", "-o", At("out"));
        Assert.Equal(2, r.ExitCode);
        var bad = At("labelme", "sub", "cat_004.json");
        Assert.Equal($"error: {bad}: point 2 label 'whisker' is not a keypoint (nose, left_eye, right_eye, neck, left_front_paw, right_front_paw, tail_base, tail_tip); map other labels in keypoint_labels", r.SingleError());
        Assert.False(Directory.Exists(At("out")));
    }

    [RequiresSharedFact("data/coco8-pose/images")]
    public void A_labelme_size_that_disagrees_with_the_image_is_rejected()
    {
        var config = LabelmeFolderMaker.Write(At("labelme"), (i, doc) =>
        {
            if (i == 1)
            {
                doc.ImageWidth += 1;
            }
        });
        var r = CliRun.Of("data", "convert", At("labelme"), "--config", config, "--to", "coco", "-o", At("out"));
        Assert.Contains($"{At("labelme", "cat_001.json")}: imageWidth × imageHeight", r.SingleError(), StringComparison.Ordinal);
    }

    [RequiresSharedFact("data/coco8-pose/images")]
    public void A_labelme_file_without_its_image_is_rejected()
    {
        var config = LabelmeFolderMaker.Write(At("labelme"));
        File.Delete(At("labelme", "cat_002.jpg"));
        var r = CliRun.Of("data", "convert", At("labelme"), "--config", config, "--to", "coco", "-o", At("out"));
        Assert.Equal($"error: {At("labelme", "cat_002.json")}: image 'cat_002.jpg' not found beside the json and the file has no imageData", r.SingleError());
    }

    [Fact]
    public void Labelme_without_a_config_is_rejected()
    {
        Directory.CreateDirectory(At("labelme"));
        File.WriteAllText(At("labelme", "a.json"), LabelmeJson.Serialize(LabelmeSamples.Document("a.jpg", 10, 10)));
        var r = CliRun.Of("data", "convert", At("labelme"), "--to", "coco", "-o", At("out"));
        Assert.StartsWith("error: labelme conversion needs --config", r.SingleError(), StringComparison.Ordinal);
        Assert.Equal(2, r.ExitCode);
    }

    [RequiresSharedFact("data/coco8-pose/coco8-pose.yaml")]
    public void A_non_empty_output_folder_is_refused_unless_forced()
    {
        Directory.CreateDirectory(At("out"));
        File.WriteAllText(At("out", "keep.txt"), "mine");
        var r = CliRun.Of("data", "convert", TestPaths.Coco8Pose, "--to", "coco", "-o", At("out"));
        Assert.Equal($"error: output folder {At("out")} is not empty; choose a new folder or pass --force to add to it", r.SingleError());
        Assert.Equal(2, r.ExitCode);
        var forced = CliRun.Of("data", "convert", TestPaths.Coco8Pose, "--to", "coco", "-o", At("out"), "--force");
        Assert.Equal(0, forced.ExitCode);
        Assert.Equal("mine", File.ReadAllText(At("out", "keep.txt")));
        Assert.True(File.Exists(At("out", "annotations", "val.json")));
    }

    [Fact]
    public void An_output_inside_the_input_is_refused_even_when_forced()
    {
        Directory.CreateDirectory(At("labelme"));
        File.WriteAllText(At("labelme", "a.json"), "{}");
        var r = CliRun.Of("data", "convert", At("labelme"), "--from", "labelme", "--config", "x.yaml", "--to", "coco", "-o", At("labelme", "out"), "--force");
        Assert.Equal(2, r.ExitCode);
        File.WriteAllText(At("cfg.yaml"), LabelmeSamples.ConfigYaml);
        r = CliRun.Of("data", "convert", At("labelme"), "--config", At("cfg.yaml"), "--to", "coco", "-o", At("labelme", "out"), "--force");
        Assert.Equal($"error: output folder {At("labelme", "out")} overlaps the input {At("labelme")}; write to a folder outside it", r.SingleError());
    }

    [Theory]
    [InlineData("--to", "xml", "Argument 'xml' not recognized")]
    [InlineData("--kpt-dims", "4", "Argument '4' not recognized")]
    [InlineData("--images-mode", "hardlink", "Argument 'hardlink' not recognized. Must be one of: 'copy' 'symlink' 'none'")]
    [InlineData("--area-factor", "2", "--area-factor 2 is outside")]
    public void Bad_option_values_fail_with_an_error_line(string option, string value, string expected)
    {
        var args = new List<string> { "data", "convert", Root, "-o", At("out") };
        if (option != "--to")
        {
            args.AddRange(["--to", "coco"]);
        }

        args.AddRange([option, value]);
        var r = CliRun.Of([.. args]);
        Assert.Equal(2, r.ExitCode);
        Assert.Contains(r.ErrorLines, l => l.Contains(expected, StringComparison.Ordinal));
        Assert.DoesNotContain('\t', r.Stderr);
        Assert.Equal(r.ErrorLines.Length, r.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
    }

    [Fact]
    public void A_missing_input_fails_naming_it()
    {
        var r = CliRun.Of("data", "convert", At("nothing.json"), "--to", "yolo", "-o", At("out"));
        Assert.Equal($"error: {At("nothing.json")}: no such file or folder", r.SingleError());
    }

    [Fact]
    public void A_malformed_coco_json_fails_naming_the_file()
    {
        File.WriteAllText(At("gt.json"), """{"images":[{"id":1},{"id":1}],"annotations":[],"categories":[]}""");
        var r = CliRun.Of("data", "convert", At("gt.json"), "--to", "yolo", "-o", At("out"));
        Assert.Equal($"error: {At("gt.json")}: image id 1 appears twice", r.SingleError());
    }
}
