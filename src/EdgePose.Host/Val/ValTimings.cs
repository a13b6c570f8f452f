using EdgePose.Core.Inference;

namespace EdgePose.Host.Val;

/// <summary>Where the time of a val run went: per image (read, preprocess, inference, postprocess) and once (model load, evaluation).</summary>
public sealed class ValTimings
{
    private TimeSpan _read;
    private StageTimes _stages;

    public int Images { get; private set; }

    public TimeSpan ModelLoad { get; set; }

    public TimeSpan Evaluation { get; set; }

    /// <summary>From opening the model to the last metric.</summary>
    public TimeSpan Wall { get; set; }

    public double ReadMs => Mean(_read);

    public double PreprocessMs => Mean(_stages.Preprocess);

    public double InferenceMs => Mean(_stages.Inference);

    public double PostprocessMs => Mean(_stages.Postprocess);

    /// <summary>Mean milliseconds per image of preprocessing, inference and postprocessing (reading excluded).</summary>
    public double PerImageMs => Mean(_stages.Total);

    public void Add(TimeSpan read, StageTimes times)
    {
        Images++;
        _read += read;
        _stages += times;
    }

    private double Mean(TimeSpan total) => Images == 0 ? 0 : total.TotalMilliseconds / Images;
}
