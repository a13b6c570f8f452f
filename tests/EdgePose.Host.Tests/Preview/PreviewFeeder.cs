using EdgePose.Core.Frames;
using EdgePose.Core.Pipeline;
using EdgePose.Core.Poses;
using EdgePose.Core.Sources;
using EdgePose.Host.Predict;
using EdgePose.Native.OpenCv;
using OpenCvSharp;

namespace EdgePose.Host.Tests.Preview;

/// <summary>
/// Hands a sink results the way the pipeline does: a pooled frame holding an image's BGR pixels and its poses,
/// in a pooled <see cref="FrameResult"/> released after the write.
/// </summary>
internal sealed class PreviewFeeder
{
    private readonly FramePool _frames = new(4);
    private readonly FrameResultPool _results = new(4, 8, 17);
    private long _sequence;

    /// <summary>Live sources (rtsp://) named <paramref name="ids"/>, in order.</summary>
    public static PipelineSource[] LiveSources(params string[] ids) =>
        [.. ids.Select((id, i) => new PipelineSource(i, id, SourceUri.Parse($"rtsp://user:secret@10.0.0.{i + 1}/{id}", new FileSystemPaths()), new SourcePipelineOptions()))];

    /// <summary>A test image: a colour gradient with a few shapes, so a JPEG of it is far from blank.</summary>
    public static Mat TestImage(int width, int height)
    {
        var image = new Mat(height, width, MatType.CV_8UC3);
        for (int y = 0; y < height; y++)
        {
            var row = image.BgrRow(y);
            for (int x = 0; x < width; x++)
            {
                row[3 * x] = (byte)(255 * x / width);
                row[(3 * x) + 1] = (byte)(255 * y / height);
                row[(3 * x) + 2] = (byte)(128 + (64 * ((x / 40) % 2)));
            }
        }

        Cv2.Circle(image, new Point(width / 3, height / 2), height / 5, Scalar.White, -1);
        Cv2.Rectangle(image, new Rect(width / 2, height / 4, width / 4, height / 3), Scalar.Black, -1);
        return image;
    }

    /// <summary>One standing person in the middle of a <paramref name="width"/> x <paramref name="height"/> frame, 17 COCO keypoints.</summary>
    public static PoseDetections OnePerson(int width, int height)
    {
        var poses = new PoseDetections(8, 17);
        float cx = width / 2f, top = height * 0.15f, h = height * 0.7f;
        int i = poses.Add(cx - (h * 0.2f), top, cx + (h * 0.2f), top + h, 0.91f, 0, -1);
        (float X, float Y)[] shape =
        [
            (0, 0.05f), (-0.02f, 0.03f), (0.02f, 0.03f), (-0.05f, 0.04f), (0.05f, 0.04f),
            (-0.12f, 0.2f), (0.12f, 0.2f), (-0.16f, 0.38f), (0.16f, 0.38f), (-0.17f, 0.52f), (0.17f, 0.52f),
            (-0.08f, 0.55f), (0.08f, 0.55f), (-0.09f, 0.77f), (0.09f, 0.77f), (-0.1f, 0.98f), (0.1f, 0.98f),
        ];
        var kp = poses.Keypoints(i);
        for (int k = 0; k < 17; k++)
        {
            kp[3 * k] = cx + (shape[k].X * h);
            kp[(3 * k) + 1] = top + (shape[k].Y * h);
            kp[(3 * k) + 2] = 0.9f;
        }

        return poses;
    }

    /// <summary>Writes <paramref name="image"/> with <paramref name="poses"/> from <paramref name="source"/> to <paramref name="sink"/>.</summary>
    public async Task FeedAsync(IPoseSink sink, PipelineSource source, Mat image, PoseDetections poses)
    {
        Assert.True(_frames.TryRent(out var frame), "test frame pool is empty");
        frame.SetHost(source.Index, _sequence++, DateTimeOffset.UtcNow, PixelFormat.Bgr24, image.Cols, image.Rows, image.Cols * 3);
        int rows = image.Rows;
        for (int y = 0; y < rows; y++)
        {
            image.BgrRow(y).CopyTo(frame.Pixels.Slice(y * image.Cols * 3, image.Cols * 3));
        }

        Assert.True(_results.TryRent(out var result), "test result pool is empty");
        result.Set(frame, source, poses, keepFrame: true);
        try
        {
            await sink.WriteAsync(result, CancellationToken.None);
        }
        finally
        {
            result.Release();
        }
    }
}
