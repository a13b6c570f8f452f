using EdgePose.Core.Drawing;
using EdgePose.Core.Meta;
using EdgePose.Core.Poses;

namespace EdgePose.Core.Tests.Drawing;

public sealed class PredictionOverlayTests
{
    private static PoseDetections TwoPeople()
    {
        var d = new PoseDetections(4, 17);
        d.Add(10, 20, 110, 320, 0.87f, 0, 0);
        d.Add(200, 20, 300, 320, 0.61f, 0, 1);
        return d;
    }

    private static List<DrawCommand> Labels(ReadOnlySpan<int> trackIds)
    {
        var commands = new List<DrawCommand>();
        PredictionOverlay.Build(commands, TwoPeople(), KeypointMeta.Coco17, new Dictionary<int, string> { [0] = "person" }, PoseDrawStyle.ForImage(640, 480), trackIds: trackIds);
        return commands.Where(c => c.Kind == DrawKind.Label).ToList();
    }

    [Fact]
    public void Untracked_people_are_coloured_by_class_and_labelled_with_the_score()
    {
        var labels = Labels(default);
        Assert.Equal(["person 0.87", "person 0.61"], labels.Select(l => l.Text));
        Assert.All(labels, l => Assert.Equal(ClassPalette.ForClass(0), l.Color));
    }

    [Fact]
    public void Tracked_people_are_coloured_by_their_id_and_labelled_with_it()
    {
        var labels = Labels([7, 12]);
        Assert.Equal(["id:7 person 0.87", "id:12 person 0.61"], labels.Select(l => l.Text));
        Assert.Equal(ClassPalette.ForTrack(7), labels[0].Color);
        Assert.Equal(ClassPalette.ForTrack(12), labels[1].Color);
        Assert.NotEqual(labels[0].Color, labels[1].Color);
    }

    [Fact]
    public void A_detection_no_track_holds_yet_keeps_its_class_colour()
    {
        var labels = Labels([-1, 3]);
        Assert.Equal("person 0.87", labels[0].Text);
        Assert.Equal(ClassPalette.ForClass(0), labels[0].Color);
        Assert.Equal("id:3 person 0.61", labels[1].Text);
    }
}
