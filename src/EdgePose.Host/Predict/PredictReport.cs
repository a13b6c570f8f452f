using EdgePose.Core.Inference;

namespace EdgePose.Host.Predict;

/// <summary>Counts and stage times over a predict run, with the failures it skipped.</summary>
public sealed class PredictReport
{
    private readonly List<string> _failures = [];
    private StageTimes _total;

    public int Frames { get; private set; }

    public int Detections { get; private set; }

    public IReadOnlyList<string> Failures => _failures;

    public void Add(StageTimes times, int detections)
    {
        Frames++;
        Detections += detections;
        _total += times;
    }

    public void Fail(string message) => _failures.Add(message);

    public string Summary()
    {
        double n = Math.Max(Frames, 1);
        return FormattableString.Invariant(
            $"{Frames} frames, {Detections} detections, {_failures.Count} failed; mean ms: preprocess {_total.Preprocess.TotalMilliseconds / n:F2}, inference {_total.Inference.TotalMilliseconds / n:F2}, postprocess {_total.Postprocess.TotalMilliseconds / n:F2}");
    }
}
