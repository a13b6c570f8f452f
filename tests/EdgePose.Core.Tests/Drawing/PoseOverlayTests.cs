using EdgePose.Core.Datasets;
using EdgePose.Core.Drawing;
using EdgePose.Core.Meta;

namespace EdgePose.Core.Tests.Drawing;

public class PoseOverlayTests
{
    private static readonly Rgb Red = new(255, 0, 0);

    private static readonly KeypointMeta Three = KeypointMeta.ForKeypointCount(3) with
    {
        Skeleton = [new SkeletonLink(0, 1, new Rgb(1, 2, 3)), new SkeletonLink(1, 2, new Rgb(4, 5, 6))],
        KeypointColors = [new Rgb(10, 0, 0), new Rgb(20, 0, 0), new Rgb(30, 0, 0)],
    };

    [Fact]
    public void Style_scales_with_the_image_as_ultralytics_does()
    {
        Assert.Equal(new PoseDrawStyle(2, 5, 1, 2 / 3.0, 1), PoseDrawStyle.ForImage(640, 480));
        Assert.Equal(4, PoseDrawStyle.ForImage(1920, 1080).LineWidth); // 4.5 rounds to even, as Python's round()
        Assert.Equal(2, PoseDrawStyle.ForImage(100, 100).LineWidth);
    }

    [Fact]
    public void Visible_points_are_dots_hidden_ones_rings_and_links_need_both_ends_labelled()
    {
        var commands = new List<DrawCommand>();
        LabelledKeypoint[] kps = [new(10.4, 20.6, 2), new(30, 40, 1), new(0, 0, 0)];
        PoseOverlay.Add(commands, 5, 6, 100.5, 50, kps, Three, "cat", Red, PoseDrawStyle.ForImage(640, 480));
        Assert.Equal(
            [
                DrawCommand.Rectangle(5, 6, 106, 56, Red, 2),
                DrawCommand.Line(10, 21, 30, 40, new Rgb(1, 2, 3), 1),
                DrawCommand.Dot(10, 21, 5, new Rgb(10, 0, 0)),
                DrawCommand.Ring(30, 40, 5, new Rgb(20, 0, 0), 1),
                DrawCommand.Label("cat", 5, 6, Red, 1),
            ],
            commands);
    }

    [Fact]
    public void A_box_without_keypoints_and_label_is_just_its_rectangle()
    {
        var commands = new List<DrawCommand>();
        PoseOverlay.Add(commands, 0, 0, 10, 10, [], Three, null, Red, PoseDrawStyle.ForImage(640, 480));
        Assert.Equal(DrawKind.Rectangle, Assert.Single(commands).Kind);
    }

    [Fact]
    public void Class_colours_repeat_after_the_palette()
    {
        Assert.Equal(ClassPalette.ForClass(0), ClassPalette.ForClass(20));
        Assert.NotEqual(ClassPalette.ForClass(0), ClassPalette.ForClass(1));
    }
}
