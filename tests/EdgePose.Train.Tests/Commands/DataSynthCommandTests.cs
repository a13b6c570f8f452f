using EdgePose.Train.Data;

namespace EdgePose.Train.Tests.Commands;

/// <summary>`data synth` writes the trainer tests' rectangles data set for other trainers; bad counts and sizes are one line.</summary>
public sealed class DataSynthCommandTests : TempFolder
{
    [Fact]
    public void Synth_writes_a_yolo_pose_data_set_with_the_asked_counts()
    {
        var run = CliRun.Of("data", "synth", "-o", At("synth"), "--train", "5", "--val", "3", "--size", "64");
        Assert.Equal(0, run.ExitCode);
        var yaml = At("synth", "data.yaml");
        Assert.Contains(yaml, run.Stdout);
        var train = PoseDataset.FromDataYaml(yaml, "train");
        Assert.Equal(5, train.Items.Count);
        Assert.Equal(1, train.Items.Count(i => i.Normalized.Count == 0));
        Assert.Equal(3, PoseDataset.FromDataYaml(yaml, "val").Items.Count);
        Assert.Equal([4, 3], train.KptShape);
    }

    [Theory]
    [InlineData("--train", "0", "--train (0) and --val (16) must be at least 1")]
    [InlineData("--val", "-1", "--train (64) and --val (-1) must be at least 1")]
    [InlineData("--size", "16", "--size 16 must be at least 32 pixels")]
    public void Synth_with_a_bad_count_or_size_is_one_line(string option, string value, string message)
    {
        var run = CliRun.Of("data", "synth", "-o", At("synth"), option, value);
        Assert.Equal(2, run.ExitCode);
        Assert.Equal("error: " + message, run.SingleError());
        Assert.False(Directory.Exists(At("synth")));
    }

    [Fact]
    public void Synth_into_a_folder_that_holds_files_is_one_line()
    {
        Directory.CreateDirectory(At("synth"));
        File.WriteAllText(At("synth", "keep.txt"), "mine");
        var run = CliRun.Of("data", "synth", "-o", At("synth"));
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("synth", run.SingleError());
        Assert.Equal("mine", File.ReadAllText(At("synth", "keep.txt")));
    }
}
