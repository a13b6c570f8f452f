using EdgePose.Core.Inference;

namespace EdgePose.Host.Val;

/// <summary>Where the time of a val run went: per image (read, preprocess, inference, postprocess) and once (model load, evaluation).</summary>
public sealed class ValTimings
{
    private TimeSpan _read;
    private TimeSpan _pre;
    private TimeSpan _inference;
    private TimeSpan _post;

    public int Images { get; private set; }

    public TimeSpan ModelLoad { get; set; }

    public TimeSpan Evaluation { get; set; }

    /// <summary>From opening the model to the last metric.</summary>
    public TimeSpan Wall { get; set; }

    public double ReadMs => Mean(_read);

    public double PreprocessMs => Mean(_pre);

    public double InferenceMs => Mean(_inference);

    public double PostprocessMs => Mean(_post);

    /// <summary>Mean milliseconds per image of preprocessing, inference and postprocessing (reading excluded).</summary>
    public double PerImageMs => Mean(_pre + _inference + _post);

    public void Add(TimeSpan read, StageTimes times)
    {
        Images++;
        _read += read;
        _pre += times.Preprocess;
        _inference += times.Inference;
        _post += times.Postprocess;
    }

    private double Mean(TimeSpan total) => Images == 0 ? 0 : total.TotalMilliseconds / Images;
}
