using System.Text.Json;
using EdgePose.Core.Poses;
using EdgePose.Core.Preprocessing;
using EdgePose.Tests;

namespace EdgePose.Core.Tests.Preprocessing;

public class LetterboxTests
{
    [Theory]
    [InlineData(640, 480, 1.0, 640, 480, 0, 80, 0, 80)]
    [InlineData(640, 426, 1.0, 640, 426, 0, 107, 0, 107)]
    [InlineData(768, 576, 640.0 / 768, 640, 480, 0, 80, 0, 80)]
    [InlineData(500, 374, 1.28, 640, 479, 0, 80, 0, 81)]
    [InlineData(427, 640, 1.0, 427, 640, 106, 0, 107, 0)]
    public void Geometry_matches_ultralytics_letterbox(int w, int h, double gain, int nw, int nh, int left, int top, int right, int bottom)
    {
        var lb = Letterbox.Compute(w, h, 640, 640);
        Assert.Equal(gain, lb.Gain, 12);
        Assert.Equal((nw, nh), (lb.ResizedWidth, lb.ResizedHeight));
        Assert.Equal((left, top, right, bottom), (lb.PadLeft, lb.PadTop, lb.PadRight, lb.PadBottom));
        Assert.Equal(640, lb.PadLeft + lb.ResizedWidth + lb.PadRight);
        Assert.Equal(640, lb.PadTop + lb.ResizedHeight + lb.PadBottom);
    }

    [Fact]
    public void Small_image_is_not_enlarged_when_scale_up_is_off()
    {
        var lb = Letterbox.Compute(320, 240, 640, 640, scaleUp: false);
        Assert.Equal(1.0, lb.Gain);
        Assert.False(lb.NeedsResize);
        Assert.Equal((160, 200), (lb.PadLeft, lb.PadTop));
    }

    [RequiresSharedTheory("reference/coco-mini-val2017_predict_raw.json", "reference/coco8-pose_predict_raw.json")]
    [InlineData("coco-mini-val2017_predict_raw.json")]
    [InlineData("coco8-pose_predict_raw.json")]
    public void Geometry_matches_every_reference_image(string file)
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(TestPaths.Reference(file)));
        int n = 0;
        foreach (var img in doc.RootElement.EnumerateObject())
        {
            var hw = img.Value.GetProperty("orig_shape_hw");
            var r = img.Value.GetProperty("letterbox");
            var lb = Letterbox.Compute(hw[1].GetInt32(), hw[0].GetInt32(), 640, 640);
            Assert.Equal(r.GetProperty("ratio").GetDouble(), lb.Gain, 3);
            Assert.Equal(r.GetProperty("pad_w").GetInt32(), lb.PadLeft);
            Assert.Equal(r.GetProperty("pad_h").GetInt32(), lb.PadTop);
            Assert.Equal(r.GetProperty("pad_right").GetInt32(), lb.PadRight);
            Assert.Equal(r.GetProperty("pad_bottom").GetInt32(), lb.PadBottom);
            var unpad = r.GetProperty("new_unpad_wh");
            Assert.Equal((unpad[0].GetInt32(), unpad[1].GetInt32()), (lb.ResizedWidth, lb.ResizedHeight));
            n++;
        }

        Assert.True(n >= 8);
    }

    [Fact]
    public void Unmap_subtracts_the_applied_pads_divides_by_gain_and_clips_to_the_image()
    {
        var lb = Letterbox.Compute(500, 374, 640, 640); // gain 1.28, pads left 0 top 80
        var d = new PoseDetections(4, 1);
        int i = d.Add(-5f, 80f + 128f, 640f, 700f, 0.9f, 0, 7);
        d.Keypoints(i)[0] = 64f;
        d.Keypoints(i)[1] = 80f + 256f;
        d.Keypoints(i)[2] = 0.5f;
        lb.Unmap(d);
        Assert.Equal([0f, 100f, 500f, 374f], d.Box(0).ToArray());
        Assert.Equal([50f, 200f, 0.5f], d.Keypoints(0).ToArray());
    }

    [Theory]
    [InlineData(1, 5000)]
    [InlineData(5000, 1)]
    [InlineData(3, 100000)]
    public void Extreme_aspect_ratio_keeps_at_least_one_pixel_and_fills_the_target(int w, int h)
    {
        var lb = Letterbox.Compute(w, h, 640, 640);
        Assert.True(lb.ResizedWidth >= 1 && lb.ResizedHeight >= 1, $"{lb.ResizedWidth}x{lb.ResizedHeight}");
        Assert.Equal(640, lb.PadLeft + lb.ResizedWidth + lb.PadRight);
        Assert.Equal(640, lb.PadTop + lb.ResizedHeight + lb.PadBottom);
    }
}
