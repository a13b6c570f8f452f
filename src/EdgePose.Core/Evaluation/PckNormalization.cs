namespace EdgePose.Core.Evaluation;

/// <summary>What a keypoint distance is divided by before it is compared with PCK's α.</summary>
public enum PckNormalization
{
    /// <summary>The ground-truth box's longer side, max(w, h) (MMPose's "bbox" normalisation).</summary>
    BoxMaxSide,

    /// <summary>A size given per ground-truth annotation (head size, torso size, ...): <see cref="PckOptions.InstanceSizes"/>.</summary>
    GivenSize,
}
