using EdgePose.Tests;

namespace EdgePose.Train.Tests.Hostile;

/// <summary>
/// `data split` never loses an input file: outputs are compared with inputs after following symbolic links, and a
/// move that fails half-way is rolled back with the failing file named (issue 9, classes 1 and 3).
/// </summary>
public class SplitOutputSafetyTests : TempFolder
{
    /// <summary>A flat folder of 6 coco8-pose images with their labels.</summary>
    private string MakeFlat()
    {
        var flat = At("ds");
        Directory.CreateDirectory(flat);
        var images = Directory.GetFiles(Path.Combine(TestPaths.Coco8Pose, "images"), "*.jpg", SearchOption.AllDirectories).Order(StringComparer.Ordinal).Take(6);
        foreach (var image in images)
        {
            File.Copy(image, Path.Combine(flat, Path.GetFileName(image)));
            File.Copy(Core.Datasets.Yolo.YoloLabelPaths.LabelPathFor(image)!, Path.Combine(flat, Path.GetFileNameWithoutExtension(image) + ".txt"));
        }

        return flat;
    }

    private static Dictionary<string, byte[]> Snapshot(string root) =>
        Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories).ToDictionary(f => Path.GetRelativePath(root, f), File.ReadAllBytes, StringComparer.Ordinal);

    [RequiresSharedFact("data/coco8-pose/images")]
    public void Output_that_is_a_link_to_the_input_is_refused_even_with_force_and_no_file_is_lost()
    {
        var ds = MakeFlat();
        var before = Snapshot(ds);
        File.CreateSymbolicLink(At("link"), ds);

        var r = CliRun.Of("data", "split", ds, "-o", At("link"), "--force");

        Assert.Contains("overlaps the input", r.SingleError(), StringComparison.Ordinal);
        Assert.Equal(before, Snapshot(ds));
    }

    [RequiresSharedFact("data/coco8-pose/images")]
    public void Output_inside_the_input_through_a_linked_parent_is_refused()
    {
        var ds = MakeFlat();
        File.CreateSymbolicLink(At("parent"), ds);

        var r = CliRun.Of("data", "split", ds, "-o", At("parent", "out"), "--mode", "move");

        Assert.Contains("overlaps the input", r.SingleError(), StringComparison.Ordinal);
        Assert.Equal(12, Directory.GetFiles(ds).Length);
    }

    [RequiresSharedFact("data/coco8-pose/images")]
    public void Input_given_through_a_link_to_the_output_is_refused()
    {
        var ds = MakeFlat();
        File.CreateSymbolicLink(At("dslink"), ds);

        var r = CliRun.Of("data", "split", At("dslink"), "-o", ds, "--force");

        Assert.Contains("overlaps the input", r.SingleError(), StringComparison.Ordinal);
        Assert.Equal(12, Directory.GetFiles(ds).Length);
    }

    [RequiresSharedFact("data/coco8-pose/images")]
    public void Output_subfolder_that_links_into_the_input_is_never_written_through()
    {
        var ds = MakeFlat();
        var before = Snapshot(ds);
        Directory.CreateDirectory(At("out"));
        File.CreateSymbolicLink(At("out", "images"), ds);

        var r = CliRun.Of("data", "split", ds, "-o", At("out"), "--force", "--mode", "move");

        Assert.Contains("outside the output folder", r.SingleError(), StringComparison.Ordinal);
        Assert.Equal(before, Snapshot(ds));
    }

    [RequiresSharedFact("data/coco8-pose/images")]
    public void Move_that_fails_half_way_puts_every_moved_file_back_and_names_the_failing_file()
    {
        var ds = MakeFlat();
        var before = Snapshot(ds);

        // A folder where the 4th-placed file must go makes that move fail after earlier ones succeeded.
        var plan = CliRun.Of("data", "split", ds, "-o", At("probe"), "--seed", "3");
        Assert.Equal(0, plan.ExitCode);
        var placed = Directory.GetFiles(At("probe", "labels"), "*.txt", SearchOption.AllDirectories).Order(StringComparer.Ordinal).Last();
        var blocker = Path.Combine(At("out"), Path.GetRelativePath(At("probe"), placed));
        Directory.CreateDirectory(blocker);

        var r = CliRun.Of("data", "split", ds, "-o", At("out"), "--seed", "3", "--mode", "move", "--force");

        var error = r.SingleError();
        Assert.Contains(blocker, error, StringComparison.Ordinal);
        Assert.Contains("put back", error, StringComparison.Ordinal);
        Assert.DoesNotMatch(@"\b\w+Exception\b", error);
        Assert.Equal(before, Snapshot(ds));
        Assert.Empty(Directory.GetFiles(At("out"), "*", SearchOption.AllDirectories));
    }

    [RequiresSharedFact("data/coco8-pose/images")]
    public void Copy_that_fails_half_way_removes_the_files_it_wrote()
    {
        var ds = MakeFlat();
        Directory.CreateDirectory(At("out"));
        Directory.CreateDirectory(At("out", "data.yaml"));
        File.WriteAllText(At("meta.yaml"), "kpt_shape: [17, 3]\nflip_idx: [0, 2, 1, 4, 3, 6, 5, 8, 7, 10, 9, 12, 11, 14, 13, 16, 15]\nnames:\n  0: person\n");

        var r = CliRun.Of("data", "split", ds, "-o", At("out"), "--force", "--meta", At("meta.yaml"));

        Assert.Contains("data.yaml", r.SingleError(), StringComparison.Ordinal);
        Assert.Empty(Directory.GetFiles(At("out"), "*", SearchOption.AllDirectories));
    }
}
