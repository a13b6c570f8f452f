namespace EdgePose.Core.Inference;

/// <summary>Wall time of one prediction by stage.</summary>
public readonly record struct StageTimes(TimeSpan Preprocess, TimeSpan Inference, TimeSpan Postprocess)
{
    public TimeSpan Total => Preprocess + Inference + Postprocess;
}
