using System.Diagnostics;
using EdgePose.Core.Frames;
using EdgePose.Core.Pipeline;
using EdgePose.Core.Poses;
using EdgePose.Core.Sources;
using EdgePose.Core.Tests.Sources;
using EdgePose.Core.Tracking;

namespace EdgePose.Core.Tests.Events;

/// <summary>Frame results as the pipeline hands them to sinks, with chosen poses, capture times and stage stamps.</summary>
internal sealed class EventFrames
{
    public const int KeypointCount = 17;

    public static readonly DateTimeOffset T0 = new(2026, 11, 26, 3, 0, 0, TimeSpan.Zero);

    private readonly FramePool _frames = new(4);
    private readonly FrameResultPool _results = new(4, 20, KeypointCount);

    public static PipelineSource Source(int index, string id) =>
        new(index, id, SourceUri.Parse("test://", FakePaths.Standard), new SourcePipelineOptions());

    /// <summary>Detections of <paramref name="persons"/> people with distinct, known values.</summary>
    public static PoseDetections Persons(int persons)
    {
        var d = new PoseDetections(20, KeypointCount);
        for (int p = 0; p < persons; p++)
        {
            int i = d.Add(10.04f + (100 * p), 20.06f, 110.96f + (100 * p), 300.44f, 0.91234f - (0.1f * p), 0, p);
            var kp = d.Keypoints(i);
            for (int k = 0; k < KeypointCount; k++)
            {
                kp[3 * k] = 50.26f + k + (100 * p);
                kp[(3 * k) + 1] = 60.5f + (10 * k);
                kp[(3 * k) + 2] = 0.98765f - (0.05f * k);
            }
        }

        return d;
    }

    /// <summary>
    /// A result of <paramref name="source"/>'s frame <paramref name="sequence"/> captured at <paramref name="time"/>; stage
    /// stamps 1, 2, 40 and 0.5 ms apart (queue, preprocess, inference, decode). Released by the caller.
    /// </summary>
    public FrameResult Make(PipelineSource source, long sequence, DateTimeOffset time, PoseDetections poses, int width = 640, int height = 480, ByteTracker? tracker = null)
    {
        Assert.True(_frames.TryRent(out var frame));
        frame.SetHost(source.Index, sequence, time, PixelFormat.Bgr24, width, height, width * 3);
        long t = 1_000_000_000;
        frame.Stamps.Mark(PipelineStage.Capture, t);
        frame.Stamps.Mark(PipelineStage.Queue, t += Ms(1));
        frame.Stamps.Mark(PipelineStage.Preprocess, t += Ms(2));
        frame.Stamps.Mark(PipelineStage.Inference, t += Ms(40));
        frame.Stamps.Mark(PipelineStage.Decode, t + Ms(0.5));
        Assert.True(_results.TryRent(out var result));
        result.Set(frame, source, poses, keepFrame: false, tracker);
        frame.Return();
        return result;
    }

    private static long Ms(double ms) => (long)(ms * Stopwatch.Frequency / 1000);
}
