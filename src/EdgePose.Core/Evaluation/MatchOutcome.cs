namespace EdgePose.Core.Evaluation;

/// <summary>What one detection is at one threshold after matching: counted as a false or true positive, or not counted.</summary>
public enum MatchOutcome : byte
{
    FalsePositive = 0,
    TruePositive = 1,

    /// <summary>Matched an ignored ground truth (crowd, no keypoints, other area range), or unmatched and outside the area range.</summary>
    Ignored = 2,
}
