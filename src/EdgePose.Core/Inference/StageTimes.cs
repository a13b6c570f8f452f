namespace EdgePose.Core.Inference;

/// <summary>Wall time of one prediction by stage.</summary>
public readonly record struct StageTimes(TimeSpan Preprocess, TimeSpan Inference, TimeSpan Postprocess)
{
    public TimeSpan Total => Preprocess + Inference + Postprocess;

    /// <summary>One image's share of a batch's times.</summary>
    public StageTimes PerImage(int images) => new(Preprocess / images, Inference / images, Postprocess / images);

    /// <summary>Stage by stage sum, for totals over many predictions.</summary>
    public static StageTimes operator +(StageTimes a, StageTimes b) =>
        new(a.Preprocess + b.Preprocess, a.Inference + b.Inference, a.Postprocess + b.Postprocess);
}
