using EdgePose.Core.Poses;

namespace EdgePose.Core.Coco;

/// <summary>
/// Pose detections → COCO results entries exactly as Ultralytics' validator writes them (pred_to_json): the box
/// x1, y1, x2, y2 becomes centre and size in float32 (xyxy2xywh), then top-left = centre − size / 2, rounded to
/// 3 decimals; the score rounded to 5 decimals; keypoints (x, y, score) as float32 values, not rounded. The
/// category is class id + 1 (COCO's person is 1; data sets converted from YOLO number classes from 1).
/// </summary>
public static class UltralyticsCocoResults
{
    public const int BoxDecimals = 3;

    public const int ScoreDecimals = 5;

    /// <summary>Appends one entry per detection of <paramref name="poses"/> on image <paramref name="imageId"/>, in their order.</summary>
    public static void Append(List<CocoDetection> results, long imageId, PoseDetections poses)
    {
        for (int i = 0; i < poses.Count; i++)
        {
            var b = poses.Box(i);
            float cx = (b[0] + b[2]) / 2f, cy = (b[1] + b[3]) / 2f;
            float w = b[2] - b[0], h = b[3] - b[1];
            float x = cx - (w / 2f), y = cy - (h / 2f);
            var kp = poses.Keypoints(i);
            var keypoints = new double[kp.Length];
            for (int j = 0; j < kp.Length; j++)
            {
                keypoints[j] = kp[j];
            }

            results.Add(new CocoDetection
            {
                ImageId = imageId,
                CategoryId = poses.ClassId(i) + 1,
                Bbox = [PythonRound.Round(x, BoxDecimals), PythonRound.Round(y, BoxDecimals), PythonRound.Round(w, BoxDecimals), PythonRound.Round(h, BoxDecimals)],
                Keypoints = keypoints,
                Score = PythonRound.Round(poses.Score(i), ScoreDecimals),
            });
        }
    }
}
