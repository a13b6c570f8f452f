using EdgePose.Core.Models;

namespace EdgePose.Core.Tests.Models;

/// <summary>What Ultralytics' metadata of a YOLO11n-pose export (COCO-17 keypoints, 640 input, batch 1) must read as.</summary>
internal static class CocoPoseMetadataAssert
{
    public static void FillsEveryField(ModelMetadata m)
    {
        Assert.Equal("pose", m.Task);
        Assert.Equal(17, m.KeypointCount);
        Assert.Equal(3, m.KeypointDims);
        Assert.Equal(new Dictionary<int, string> { [0] = "person" }, m.Names);
        Assert.Equal(32, m.Stride);
        Assert.Equal((640, 640), m.ImageSize);
        Assert.False(m.EndToEnd);
        Assert.Equal(1, m.Batch);
    }
}
