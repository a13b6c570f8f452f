using System.Globalization;
using EdgePose.Tests;

namespace EdgePose.Train.Tests.Commands;

public class DataCheckCommandTests : TempFolder
{
    private string Broken => At("coco8-pose");

    private string Rel(params string[] parts) => string.Join('/', parts);

    private void Plant(string relative, Func<string[], string[]> edit)
    {
        var path = Path.Combine(Broken, relative);
        File.WriteAllLines(path, edit(File.ReadAllLines(path)));
    }

    private static string Fmt(double v) => v.ToString("F6", CultureInfo.InvariantCulture);

    [RequiresSharedFact("data/coco8-pose/coco8-pose.yaml")]
    public void Clean_coco8_pose_passes_with_its_summary()
    {
        var r = CliRun.Of("data", "check", TestPaths.Coco8Pose);
        Assert.Equal(0, r.ExitCode);
        Assert.DoesNotContain("error:", r.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("warning:", r.Stdout, StringComparison.Ordinal);
        Assert.Contains("images: 8 (train 4, val 4); label files: 8; background images: 0", r.Stdout, StringComparison.Ordinal);
        Assert.Contains("class 0 'person': 21 instances, 208 labelled keypoints", r.Stdout, StringComparison.Ordinal);
        Assert.Contains("visibility: v=0 149, v=1 39, v=2 169", r.Stdout, StringComparison.Ordinal);
        Assert.Contains("labelled per keypoint: nose 14, left_eye 12", r.Stdout, StringComparison.Ordinal);
    }

    [RequiresSharedFact("data/coco8-pose/coco8-pose.yaml")]
    public void Every_fault_planted_in_a_copy_of_coco8_pose_is_reported_with_its_file_and_line()
    {
        CopyTree(TestPaths.Coco8Pose, Broken);

        // 1. Wrong column count for kpt_shape [17, 3]: the last keypoint's three values dropped.
        Plant("labels/train/000000000036.txt", l => [string.Join(' ', l[0].Split(' ')[..^3])]);

        // 2. A coordinate outside [0, 1]: the nose x of the second person.
        Plant("labels/train/000000000049.txt", l =>
        {
            var v = l[1].Split(' ');
            v[5] = "1.200000";
            return [l[0], string.Join(' ', v)];
        });

        // 3. A missing pair both ways: an image without its label, a label without its image.
        File.Delete(Path.Combine(Broken, "labels/train/000000000077.txt"));
        File.WriteAllText(Path.Combine(Broken, "labels/val/000000000999.txt"), "");

        // 4. A duplicate image across splits (same bytes as a train image) with a good label.
        File.Copy(Path.Combine(Broken, "images/train/000000000086.jpg"), Path.Combine(Broken, "images/val/copy_of_86.jpg"));
        File.Copy(Path.Combine(Broken, "labels/train/000000000086.txt"), Path.Combine(Broken, "labels/val/copy_of_86.txt"));

        // 5. flip_idx that is not a permutation (16 twice, 15 never).
        var yaml = Path.Combine(Broken, "coco8-pose.yaml");
        File.WriteAllText(yaml, File.ReadAllText(yaml).Replace("14, 13, 16, 15]", "14, 13, 16, 16]", StringComparison.Ordinal));

        // 6. A visible keypoint far outside its box (still inside the image).
        Plant("labels/val/000000000136.txt", l =>
        {
            var v = l[0].Split(' ');
            double cx = double.Parse(v[1], CultureInfo.InvariantCulture), w = double.Parse(v[3], CultureInfo.InvariantCulture);
            int k = Enumerable.Range(0, 17).First(j => v[7 + (3 * j)].StartsWith('2'));
            double x = cx - (w / 2) > 0.5 ? (cx - (w / 2)) / 4 : (cx + (w / 2) + 1) / 2;
            v[5 + (3 * k)] = Fmt(x);
            return [string.Join(' ', v), .. l[1..]];
        });

        // 7. An empty label file.
        File.WriteAllText(Path.Combine(Broken, "labels/val/000000000151.txt"), "");

        var r = CliRun.Of("data", "check", Broken);
        Assert.Equal(3, r.ExitCode);
        var lines = r.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        void Has(string start) => Assert.True(lines.Any(l => l.StartsWith(start, StringComparison.Ordinal)), $"no line starting '{start}' in:\n{r.Stdout}");

        Has("labels/train/000000000036.txt:1: error: 53 values, expected 56 (5 + 17 × 3 for kpt_shape [17, 3])");
        Has("labels/train/000000000049.txt:2: error: keypoint 0 'nose' at (1.2, ");
        Has("images/train/000000000077.jpg: warning: no label file labels/train/000000000077.txt");
        Has("labels/val/000000000999.txt: error: label file has no image");
        Has("images/val/copy_of_86.jpg: error: duplicate image: same bytes as images/train/000000000086.jpg in train, so val sees train data");
        Has("coco8-pose.yaml:18: error: flip_idx is not a permutation: 16 appears twice and 15 never");
        Has("labels/val/000000000136.txt:1: warning: visible keypoint ");
        Has("labels/val/000000000151.txt: warning: empty label file");
        Has("images: 9 (train 4, val 5); label files: 8; background images: 2");
        Has("result: 5 error(s), 3 warning(s)");
    }

    [RequiresSharedFact("data/coco8-pose/coco8-pose.yaml")]
    public void A_flip_index_that_disagrees_with_the_keypoint_names_is_reported_at_its_line()
    {
        CopyTree(TestPaths.Coco8Pose, Broken);
        var yaml = Path.Combine(Broken, "coco8-pose.yaml");
        var text = File.ReadAllText(yaml).Replace("flip_idx: [0, 2, 1,", "flip_idx: [0, 1, 2,", StringComparison.Ordinal)
            + "keypoint_names: [nose, left_eye, right_eye, left_ear, right_ear, left_shoulder, right_shoulder, left_elbow, right_elbow,\n"
            + "  left_wrist, right_wrist, left_hip, right_hip, left_knee, right_knee, left_ankle, right_ankle]\n";
        File.WriteAllText(yaml, text);
        var r = CliRun.Of("data", "check", yaml, "--strict");
        Assert.Equal(3, r.ExitCode);
        Assert.Contains("coco8-pose.yaml:18: error: flip_idx maps keypoint 1 'left_eye' to 1 'left_eye', but its mirror is 'right_eye'", r.Stdout, StringComparison.Ordinal);
        Assert.Contains("coco8-pose.yaml:18: error: flip_idx maps keypoint 2 'right_eye' to 2 'right_eye', but its mirror is 'left_eye'", r.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void A_folder_without_a_data_yaml_fails_with_one_line()
    {
        var r = CliRun.Of("data", "check", Root);
        Assert.Equal($"error: {Root}: no data.yaml in this folder; give the yaml file", r.SingleError());
        Assert.Equal(2, r.ExitCode);
    }

    [Fact]
    public void A_data_yaml_naming_a_missing_folder_fails_with_its_line()
    {
        File.WriteAllText(At("data.yaml"), "kpt_shape: [17, 3]\ntrain: images/train\nnames: [person]\n");
        var r = CliRun.Of("data", "check", At("data.yaml"));
        Assert.Equal($"error: {At("data.yaml")}:2: train 'images/train' is neither a folder nor a .txt image list under {Root}", r.SingleError());
    }
}
