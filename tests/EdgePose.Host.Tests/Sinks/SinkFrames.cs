using EdgePose.Core.Frames;
using EdgePose.Core.Pipeline;
using EdgePose.Core.Poses;
using EdgePose.Core.Sources;
using EdgePose.Host.Predict;

namespace EdgePose.Host.Tests.Sinks;

/// <summary>Frame results as the pipeline hands them to sinks: grey frames (BGR or NV12) holding one drawn-on person or none.</summary>
internal sealed class SinkFrames
{
    public const int KeypointCount = 17;
    public const byte Grey = 128;

    public static readonly DateTimeOffset T0 = new(2026, 11, 26, 3, 0, 0, TimeSpan.Zero);

    private readonly FramePool _frames = new(8);
    private readonly FrameResultPool _results = new(8, 10, KeypointCount);

    public static PipelineSource Source(int index, string id) =>
        new(index, id, SourceUri.Parse("test://", FileSystemPaths.Instance), new SourcePipelineOptions());

    /// <summary>A standing person in a <paramref name="width"/> x <paramref name="height"/> frame: box over the middle third, all 17 keypoints visible.</summary>
    public static PoseDetections Person(int width, int height)
    {
        var d = new PoseDetections(10, KeypointCount);
        float x1 = width / 3f, x2 = 2 * width / 3f, y1 = height / 6f, y2 = 5 * height / 6f;
        int i = d.Add(x1, y1, x2, y2, 0.9f, 0, 0);
        var kp = d.Keypoints(i);
        for (int k = 0; k < KeypointCount; k++)
        {
            kp[3 * k] = x1 + ((x2 - x1) * (0.3f + (0.4f * (k % 2))));
            kp[(3 * k) + 1] = y1 + ((y2 - y1) * (0.1f + (0.05f * k)));
            kp[(3 * k) + 2] = 0.95f;
        }

        return d;
    }

    /// <summary>
    /// Writes <paramref name="count"/> results of source "door" (64x48 frames, one person each) to <paramref name="sink"/>,
    /// releasing each after its write.
    /// </summary>
    public async Task WriteAsync(IPoseSink sink, int count)
    {
        var source = Source(0, "door");
        for (int i = 0; i < count; i++)
        {
            var r = Make(source, i, 64, 48, Person(64, 48));
            try
            {
                await sink.WriteAsync(r, CancellationToken.None);
            }
            finally
            {
                r.Release();
            }
        }
    }

    /// <summary>
    /// A result of frame <paramref name="sequence"/> of <paramref name="source"/> with <paramref name="persons"/> (none when
    /// null), holding its grey frame (<paramref name="format"/>, in host memory) for sinks that draw. Released by the caller.
    /// </summary>
    public FrameResult Make(PipelineSource source, long sequence, int width, int height, PoseDetections? persons, PixelFormat format = PixelFormat.Bgr24, DateTimeOffset? time = null)
    {
        Assert.True(_frames.TryRent(out var frame));
        frame.SetHost(source.Index, sequence, time ?? T0.AddMilliseconds(40 * sequence), format, width, height, format == PixelFormat.Nv12 ? width : width * 3);
        var pixels = frame.Pixels;
        pixels.Fill(Grey);
        if (format == PixelFormat.Nv12)
        {
            // Y = 128 over the luma plane, U = V = 128 (no colour) over the chroma plane.
            pixels[(width * height)..].Fill(128);
        }

        long t = System.Diagnostics.Stopwatch.GetTimestamp();
        foreach (var stage in Enum.GetValues<PipelineStage>())
        {
            frame.Stamps.Mark(stage, t++);
        }

        Assert.True(_results.TryRent(out var result));
        result.Set(frame, source, persons ?? new PoseDetections(10, KeypointCount), keepFrame: true);
        return result;
    }
}
