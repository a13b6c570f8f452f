using EdgePose.Core.Errors;

namespace EdgePose.Core.Decoding;

/// <summary>
/// Thresholds of detection decoding with Ultralytics' semantics: keep scores strictly above
/// <see cref="Confidence"/>, suppress boxes whose IoU is strictly above <see cref="Iou"/>, keep at most
/// <see cref="MaxDetections"/> per image.
/// </summary>
public sealed record DecodeOptions
{
    /// <summary>Ultralytics' validation decoding: conf 0.001, NMS IoU 0.7, max_det 300, one candidate per (anchor, class).</summary>
    public static readonly DecodeOptions UltralyticsVal = new() { Confidence = 0.001f, Iou = 0.7, MaxDetections = 300, MultiLabel = true };

    public float Confidence { get; init; } = 0.25f;

    public double Iou { get; init; } = 0.7;

    public int MaxDetections { get; init; } = 300;

    /// <summary>Suppress across classes (true) or only within a class (false, the default).</summary>
    public bool ClassAgnostic { get; init; }

    /// <summary>One candidate per (anchor, class) above the threshold, as Ultralytics' validator does; else the best class only.</summary>
    public bool MultiLabel { get; init; }

    /// <summary>Candidates kept for NMS at most, the highest scores first (Ultralytics' max_nms).</summary>
    public int MaxCandidates { get; init; } = 30000;

    /// <summary>The largest max-det accepted: Ultralytics' candidate cap (max_nms), far above any real scene.</summary>
    public const int MaxDetectionsLimit = 30000;

    /// <summary>Returns this, or throws <see cref="InputException"/> naming the first value out of range.</summary>
    public DecodeOptions Validated()
    {
        if (!(Confidence is >= 0f and <= 1f))
        {
            throw new InputException($"conf {Confidence} is outside 0..1");
        }

        if (!(Iou is >= 0.0 and <= 1.0))
        {
            throw new InputException($"iou {Iou} is outside 0..1");
        }

        // max_det may exceed the candidate cap (max_nms), as in Ultralytics: NMS then keeps at most the candidates.
        if (MaxDetections is < 1 or > MaxDetectionsLimit)
        {
            throw new InputException($"max-det {MaxDetections} must be between 1 and {MaxDetectionsLimit}");
        }

        if (MaxCandidates < 1)
        {
            throw new InputException($"max candidates {MaxCandidates} must be at least 1");
        }

        return this;
    }
}
