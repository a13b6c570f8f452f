namespace EdgePose.Core.Datasets.Yolo;

/// <summary>
/// One line of a YOLO-pose label file: class, box centre and size, and K keypoints, all normalised to
/// 0..1 by image width and height. Keypoints always carry a visibility here: read from the file when
/// the data set has kpt_shape [K, 3], and 2 (labelled) for every point when it has [K, 2].
/// </summary>
public sealed record YoloPoseLabel(int ClassId, double CenterX, double CenterY, double Width, double Height, LabelledKeypoint[] Keypoints)
{
    public double Left => CenterX - (Width / 2);

    public double Top => CenterY - (Height / 2);

    public double Right => CenterX + (Width / 2);

    public double Bottom => CenterY + (Height / 2);
}
