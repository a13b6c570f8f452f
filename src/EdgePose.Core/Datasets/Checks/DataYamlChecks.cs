using EdgePose.Core.Datasets.Yolo;
using EdgePose.Core.Meta;

namespace EdgePose.Core.Datasets.Checks;

/// <summary>
/// Rules for a pose data.yaml: kpt_shape is [K, D] with D of 2 or 3; names lists the classes; flip_idx is a
/// symmetric permutation of 0..K-1 that agrees with left/right in the keypoint names; keypoint_names has K
/// entries. Findings point at the key's line.
/// </summary>
public static class DataYamlChecks
{
    /// <summary>Adds findings; gives kpt_shape when it is usable for reading the labels, else null.</summary>
    public static (int K, int D)? Check(DataYaml y, List<CheckFinding> findings)
    {
        void Error(string key, string message) => findings.Add(new CheckFinding(CheckSeverity.Error, y.Source, y.LineOf(key), message));
        void Warn(string key, string message) => findings.Add(new CheckFinding(CheckSeverity.Warning, y.Source, y.LineOf(key), message));

        if (y.Names.Count == 0)
        {
            Error("names", "'names' is missing or empty: list the class names");
        }

        if (y.Train.Count == 0 && y.Val.Count == 0)
        {
            Error("train", "neither 'train' nor 'val' names an image folder");
        }

        (int K, int D)? shape = null;
        if (y.KptShape is null)
        {
            Error("kpt_shape", "'kpt_shape' is missing: a pose data set needs [K, D]");
        }
        else if (y.KptShape.Count != 2 || y.KptShape[0] <= 0 || y.KptShape[1] is not (2 or 3))
        {
            Error("kpt_shape", $"kpt_shape [{string.Join(", ", y.KptShape)}] must be [K, D] with K > 0 and D = 2 (x, y) or 3 (x, y, visibility)");
        }
        else
        {
            shape = (y.KptShape[0], y.KptShape[1]);
        }

        if (shape is not { } s)
        {
            return null;
        }

        if (y.KeypointNames is { } names && names.Count != s.K)
        {
            Error(y.KeyLines.ContainsKey("keypoint_names") ? "keypoint_names" : "kpt_names", $"{names.Count} keypoint names for kpt_shape K = {s.K}");
        }

        if (y.FlipIdx is null)
        {
            Warn("kpt_shape", "'flip_idx' is missing: horizontal flips cannot swap left and right keypoints (Ultralytics turns fliplr off)");
        }
        else if (FlipIndex.Problem(y.FlipIdx, s.K) is { } problem)
        {
            Error("flip_idx", problem);
        }
        else if (y.KeypointNames is { } n && n.Count == s.K)
        {
            for (int i = 0; i < s.K; i++)
            {
                string expected = KeypointNameSides.Mirror(n[i]);
                int j = y.FlipIdx[i];
                bool counterpartExists = n.Contains(expected, StringComparer.Ordinal);
                if (counterpartExists && !string.Equals(n[j], expected, StringComparison.Ordinal))
                {
                    Error("flip_idx", $"flip_idx maps keypoint {i} '{n[i]}' to {j} '{n[j]}', but its mirror is '{expected}'");
                }
            }
        }

        return shape;
    }
}
