using EdgePose.Core.Poses;
using EdgePose.Core.Tracking;

namespace EdgePose.Core.Tests.Tracking;

/// <summary>Builds frames of people as boxes and runs them through a tracker.</summary>
internal sealed class Scene
{
    private readonly PoseDetections _frame = new(256, 17);

    public Scene(TrackerOptions? options = null, double frameRate = 30) =>
        Tracker = new ByteTracker(options ?? new TrackerOptions(), frameRate);

    public ByteTracker Tracker { get; }

    /// <summary>One frame with a person per box (centre x, centre y, width, height, score); returns each one's id.</summary>
    public int[] Step(params (float Cx, float Cy, float W, float H, float Score)[] people)
    {
        _frame.Clear();
        foreach (var p in people)
        {
            int i = _frame.Add(p.Cx - (p.W / 2), p.Cy - (p.H / 2), p.Cx + (p.W / 2), p.Cy + (p.H / 2), p.Score, 0, -1);
            _frame.Keypoints(i).Fill(i);
        }

        Tracker.Update(_frame);
        return Tracker.TrackIds.ToArray();
    }

    /// <summary>A person standing (nearly) still at x.</summary>
    public static (float, float, float, float, float) Person(float x, float score = 0.9f) => (x, 300, 60, 160, score);
}
