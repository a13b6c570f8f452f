using EdgePose.Core.Datasets.Yolo;
using EdgePose.Tests;

namespace EdgePose.Train.Tests.Commands;

public class DataSplitCommandTests : TempFolder
{
    /// <summary>A flat folder: cam1 with the 8 coco8-pose images twice (as a_ and b_), cam2 with 4 of them; labels beside.</summary>
    private string MakeFlat()
    {
        var flat = At("flat");
        var images = Directory.GetFiles(Path.Combine(TestPaths.Coco8Pose, "images"), "*.jpg", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToArray();
        void Put(string folder, string prefix, string image)
        {
            var dir = Path.Combine(flat, folder);
            Directory.CreateDirectory(dir);
            var name = prefix + Path.GetFileNameWithoutExtension(image);
            File.Copy(image, Path.Combine(dir, name + ".jpg"));
            File.Copy(YoloLabelPaths.LabelPathFor(image)!, Path.Combine(dir, name + ".txt"));
        }

        foreach (var img in images)
        {
            Put("cam1", "a_", img);
            Put("cam1", "b_", img);
        }

        foreach (var img in images.Take(4))
        {
            Put("cam2", "c_", img);
        }

        return flat;
    }

    private static SortedSet<string> Files(string root) =>
        new(Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(root, f)), StringComparer.Ordinal);

    [RequiresSharedFact("data/coco8-pose/images")]
    public void The_same_seed_gives_the_same_split_and_every_image_keeps_its_label()
    {
        var flat = MakeFlat();
        Assert.Equal(0, CliRun.Of("data", "split", flat, "-o", At("one"), "--seed", "7", "--ratios", "0.6,0.2,0.2").ExitCode);
        Assert.Equal(0, CliRun.Of("data", "split", flat, "-o", At("two"), "--seed", "7", "--ratios", "0.6,0.2,0.2").ExitCode);
        var other = CliRun.Of("data", "split", flat, "-o", At("three"), "--seed", "8", "--ratios", "0.6,0.2,0.2");
        Assert.Equal(Files(At("one")), Files(At("two")));
        Assert.NotEqual(Files(At("one")), Files(At("three")));
        Assert.Contains("train: 12 images", other.Stdout, StringComparison.Ordinal);
        Assert.Contains("val: 4 images", other.Stdout, StringComparison.Ordinal);
        Assert.Contains("test: 4 images", other.Stdout, StringComparison.Ordinal);

        var images = Directory.GetFiles(At("one", "images"), "*.jpg", SearchOption.AllDirectories);
        Assert.Equal(20, images.Length);
        foreach (var img in images)
        {
            var label = YoloLabelPaths.LabelPathFor(img)!;
            var rel = Path.GetRelativePath(At("one", "images"), img);
            var source = Path.Combine(flat, rel[(rel.IndexOf(Path.DirectorySeparatorChar) + 1)..]);
            Assert.Equal(File.ReadAllText(Path.ChangeExtension(source, ".txt")), File.ReadAllText(label));
            Assert.Equal(File.ReadAllBytes(source), File.ReadAllBytes(img));
        }
    }

    [RequiresSharedFact("data/coco8-pose/images")]
    public void Stratified_each_source_folder_is_split_by_the_ratios()
    {
        var flat = MakeFlat();
        Assert.Equal(0, CliRun.Of("data", "split", flat, "-o", At("out"), "--ratios", "0.75,0.25", "--stratify").ExitCode);
        Assert.Equal(4, Directory.GetFiles(At("out", "images", "val", "cam1")).Length);
        Assert.Single(Directory.GetFiles(At("out", "images", "val", "cam2")));
        Assert.Equal(3, Directory.GetFiles(At("out", "images", "train", "cam2")).Length);
    }

    [RequiresSharedFact("data/coco8-pose/images")]
    public void Symlink_mode_links_to_the_sources_and_move_mode_moves_them()
    {
        var flat = MakeFlat();
        Assert.Equal(0, CliRun.Of("data", "split", flat, "-o", At("linked"), "--mode", "symlink").ExitCode);
        var link = Directory.GetFiles(At("linked", "labels"), "*.txt", SearchOption.AllDirectories).First();
        Assert.StartsWith(flat, new FileInfo(link).LinkTarget, StringComparison.Ordinal);

        var before = Files(flat);
        Assert.Equal(0, CliRun.Of("data", "split", flat, "-o", At("moved"), "--mode", "move").ExitCode);
        Assert.Empty(Directory.GetFiles(flat, "*", SearchOption.AllDirectories));
        Assert.Equal(before.Count, Files(At("moved")).Count);
    }

    [RequiresSharedFact("data/coco8-pose/coco8-pose.yaml")]
    public void A_data_yaml_input_pools_its_splits_and_writes_a_new_data_yaml()
    {
        var r = CliRun.Of("data", "split", Path.Combine(TestPaths.Coco8Pose, "coco8-pose.yaml"), "-o", At("out"), "--ratios", "50,50", "--seed", "1");
        Assert.Equal(0, r.ExitCode);
        var yaml = DataYamlReader.Parse(File.ReadAllText(At("out", "data.yaml")), "data.yaml");
        Assert.Equal([17, 3], yaml.KptShape);
        Assert.Equal(["person"], yaml.Names);
        Assert.Equal(["images/val"], yaml.Val);
        Assert.Equal(4, Directory.GetFiles(At("out", "images", "val"), "*.jpg", SearchOption.AllDirectories).Length);
        Assert.Equal(0, CliRun.Of("data", "check", At("out")).ExitCode);
    }

    [RequiresSharedFact("data/coco8-pose/images")]
    public void A_label_without_an_image_stops_the_split_before_anything_is_written()
    {
        var flat = MakeFlat();
        File.WriteAllText(Path.Combine(flat, "cam2", "lost.txt"), "0 0.5 0.5 0.1 0.1");
        var r = CliRun.Of("data", "split", flat, "-o", At("out"));
        Assert.Equal($"error: {Path.Combine(flat, "cam2", "lost.txt")}: label file has no image; remove it or add its image before splitting", r.SingleError());
        Assert.False(Directory.Exists(At("out")));
    }

    [Theory]
    [InlineData("0.8,0.3", "add up to 1.1")]
    [InlineData("x,y", "is not a non-negative number")]
    public void Bad_ratios_fail_with_one_line(string ratios, string expected)
    {
        var r = CliRun.Of("data", "split", Root, "-o", At("out"), "--ratios", ratios);
        Assert.Contains(expected, r.SingleError(), StringComparison.Ordinal);
        Assert.Equal(2, r.ExitCode);
    }
}
