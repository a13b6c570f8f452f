namespace EdgePose.Train.Training;

/// <summary>
/// One validation's numbers (pycocotools semantics, as `edgepose val` reports them): pose (OKS) mAP50-95 and
/// mAP50, box (IoU) mAP50-95 and mAP50. <see cref="Fitness"/>, the pose mAP50-95, picks the best checkpoint.
/// </summary>
public sealed record ValMetrics(double PoseMap, double PoseMap50, double BoxMap, double BoxMap50, int Images, int Detections)
{
    public double Fitness => PoseMap;

    public override string ToString() =>
        FormattableString.Invariant($"pose mAP50-95 {PoseMap:F4} mAP50 {PoseMap50:F4}, box mAP50-95 {BoxMap:F4} mAP50 {BoxMap50:F4} ({Images} images, {Detections} detections)");
}
