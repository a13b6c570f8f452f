using EdgePose.Core.Decoding;
using EdgePose.Core.Poses;

namespace EdgePose.Core.Tests.Decoding;

public class EndToEndPoseDecoderTests
{
    [Fact]
    public void Rows_above_the_threshold_are_kept_in_model_order_up_to_max_det()
    {
        var layout = new OutputLayout(OutputLayoutKind.EndToEnd, 1, 4, 1, 2, 3);
        var data = new float[4 * layout.ValuesPerRow];
        float[][] rows =
        [
            [10, 20, 30, 40, 0.9f, 0, 1, 2, 0.7f, 3, 4, 0.6f],
            [11, 21, 31, 41, 0.1f, 0, 0, 0, 0, 0, 0, 0],
            [12, 22, 32, 42, 0.8f, 2, 5, 6, 0.5f, 7, 8, 0.4f],
            [13, 23, 33, 43, 0.7f, 0, 0, 0, 0, 0, 0, 0],
        ];
        for (int r = 0; r < 4; r++)
        {
            rows[r].CopyTo(data, r * layout.ValuesPerRow);
        }

        var det = new PoseDetections(10, 2);
        new EndToEndPoseDecoder(layout).Decode(data, 0, new DecodeOptions { Confidence = 0.25f, MaxDetections = 2 }, det);
        Assert.Equal(2, det.Count);
        Assert.Equal([10f, 20f, 30f, 40f], det.Box(0).ToArray());
        Assert.Equal((2, 0.8f, 2), (det.ClassId(1), det.Score(1), det.Anchor(1)));
        Assert.Equal([5f, 6f, 0.5f, 7f, 8f, 0.4f], det.Keypoints(1).ToArray());
    }
}
