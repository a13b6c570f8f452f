namespace EdgePose.Core.Charts;

/// <summary>Which point of a text's baseline sits at the given x.</summary>
public enum TextAnchor
{
    Left,
    Center,
    Right,
}
