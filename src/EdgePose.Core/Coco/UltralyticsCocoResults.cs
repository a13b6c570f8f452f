using EdgePose.Core.Errors;
using EdgePose.Core.Poses;

namespace EdgePose.Core.Coco;

/// <summary>
/// Pose detections → COCO results entries exactly as Ultralytics' validator writes them (pred_to_json): the box
/// x1, y1, x2, y2 becomes centre and size in float32 (xyxy2xywh), then top-left = centre − size / 2, rounded to
/// 3 decimals; the score rounded to 5 decimals; keypoints (x, y, score) as float32 values, not rounded. Class c
/// becomes category <c>categoryIds[c]</c>, or c + 1 without a list (COCO's person is 1; data sets converted from
/// YOLO number classes from 1).
/// </summary>
public static class UltralyticsCocoResults
{
    public const int BoxDecimals = 3;

    public const int ScoreDecimals = 5;

    /// <summary>Appends one entry per detection of <paramref name="poses"/> on image <paramref name="imageId"/>, in their order.</summary>
    public static void Append(List<CocoDetection> results, long imageId, PoseDetections poses, IReadOnlyList<int>? categoryIds = null)
    {
        for (int i = 0; i < poses.Count; i++)
        {
            int cls = poses.ClassId(i);
            if (categoryIds is not null && (uint)cls >= (uint)categoryIds.Count)
            {
                throw new InputException($"the model detected class {cls}, but the data has only {categoryIds.Count} categor{(categoryIds.Count == 1 ? "y" : "ies")} to map classes to");
            }

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
                CategoryId = categoryIds is null ? cls + 1 : categoryIds[cls],
                Bbox = [PythonRound.Round(x, BoxDecimals), PythonRound.Round(y, BoxDecimals), PythonRound.Round(w, BoxDecimals), PythonRound.Round(h, BoxDecimals)],
                Keypoints = keypoints,
                Score = PythonRound.Round(poses.Score(i), ScoreDecimals),
            });
        }
    }
}
