namespace EdgePose.Core.Evaluation;

/// <summary>
/// How a detection's area (which decides the area ranges it counts in) is derived, as pycocotools' loadRes
/// does it: results with a box get w × h of that box; results with keypoints only get the box spanned by
/// their keypoints (and its w × h as area). loadRes decides by the first result of the file.
/// </summary>
public enum DetectionAreaRule
{
    BoxArea,
    KeypointExtent,
}
