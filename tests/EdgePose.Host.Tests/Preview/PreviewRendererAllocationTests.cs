using EdgePose.Core.Frames;
using EdgePose.Core.Meta;
using EdgePose.Core.Pipeline;
using EdgePose.Host.Preview;
using EdgePose.Native.OpenCv;
using EdgePose.Tests;
using Xunit.Abstractions;

namespace EdgePose.Host.Tests.Preview;

public sealed class PreviewRendererAllocationTests(ITestOutputHelper output)
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Drawing_encoding_and_publishing_a_frame_allocates_nothing_once_warm(bool tracked)
    {
        int[] trackIds = tracked ? [7] : [];
        using var image = PreviewFeeder.TestImage(1280, 720);
        var poses = PreviewFeeder.OnePerson(1280, 720);
        var source = PreviewFeeder.LiveSources("door")[0];
        var frame = Frame(image, source);
        using var encoder = new JpegEncoder(75);
        using var renderer = new PreviewRenderer(new PreviewOverlay(KeypointMeta.Coco17, new Dictionary<int, string> { [0] = "person" }, 0.5f), encoder, 960);
        var preview = new SourcePreview(source, TimeSpan.FromSeconds(0.1));
        for (int i = 0; i < 3; i++)
        {
            preview.Publish(renderer.Render(frame, poses, trackIds, out int w, out int h), w, h);
        }

        long start = System.Diagnostics.Stopwatch.GetTimestamp();
        long allocated = SteadyAllocation.Least(() =>
        {
            for (int i = 0; i < 4; i++)
            {
                preview.Publish(renderer.Render(frame, poses, trackIds, out int w, out int h), w, h);
            }
        });
        var elapsed = System.Diagnostics.Stopwatch.GetElapsedTime(start);
        output.WriteLine($"1280x720 -> 960x540, draw, JPEG q75: {elapsed.TotalMilliseconds / 20:0.0} ms a frame, {preview.LatestCopy().Length / 1024} KiB");

        Assert.Equal(0, allocated);
        Assert.Equal(23, preview.Version);
        Assert.Equal((960, 540), preview.Size);
    }

    private static Frame Frame(OpenCvSharp.Mat image, PipelineSource source)
    {
        var pool = new FramePool(1);
        Assert.True(pool.TryRent(out var frame));
        frame.SetHost(source.Index, 0, DateTimeOffset.UtcNow, PixelFormat.Bgr24, image.Cols, image.Rows, image.Cols * 3);
        int rows = image.Rows;
        for (int y = 0; y < rows; y++)
        {
            image.BgrRow(y).CopyTo(frame.Pixels.Slice(y * image.Cols * 3));
        }

        return frame;
    }
}
