using EdgePose.Core.Inference;

namespace EdgePose.Host.Predict;

/// <summary>Counts and stage times over a predict run, with the failures it skipped.</summary>
public sealed class PredictReport
{
    private readonly List<string> _failures = [];
    private TimeSpan _pre;
    private TimeSpan _inference;
    private TimeSpan _post;

    public int Frames { get; private set; }

    public int Detections { get; private set; }

    public IReadOnlyList<string> Failures => _failures;

    public void Add(StageTimes times, int detections)
    {
        Frames++;
        Detections += detections;
        _pre += times.Preprocess;
        _inference += times.Inference;
        _post += times.Postprocess;
    }

    public void Fail(string message) => _failures.Add(message);

    public string Summary()
    {
        double n = Math.Max(Frames, 1);
        return FormattableString.Invariant(
            $"{Frames} frames, {Detections} detections, {_failures.Count} failed; mean ms: preprocess {_pre.TotalMilliseconds / n:F2}, inference {_inference.TotalMilliseconds / n:F2}, postprocess {_post.TotalMilliseconds / n:F2}");
    }
}
