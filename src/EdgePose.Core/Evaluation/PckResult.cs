namespace EdgePose.Core.Evaluation;

/// <summary>
/// The outcome of a PCK@α evaluation. <see cref="Pck"/> is MMPose's number: the mean over keypoints of each
/// keypoint's share of correct predictions among the matched objects in which it is labelled.
/// <see cref="PckWithMisses"/> also counts the labelled keypoints of objects no detection was paired with, as wrong.
/// </summary>
public sealed class PckResult
{
    internal PckResult(double alpha, int[] correct, int[] labelled, int instances, int matchedInstances, int missedKeypoints)
    {
        Alpha = alpha;
        Correct = correct;
        Labelled = labelled;
        Instances = instances;
        MatchedInstances = matchedInstances;
        PerKeypoint = new double[correct.Length];
        double sum = 0;
        int defined = 0;
        for (int k = 0; k < correct.Length; k++)
        {
            PerKeypoint[k] = labelled[k] > 0 ? (double)correct[k] / labelled[k] : -1;
            if (labelled[k] > 0)
            {
                sum += PerKeypoint[k];
                defined++;
            }
        }

        int allCorrect = correct.Sum(), allLabelled = labelled.Sum();
        Pck = defined > 0 ? sum / defined : 0;
        PooledPck = allLabelled > 0 ? (double)allCorrect / allLabelled : 0;
        PckWithMisses = allLabelled + missedKeypoints > 0 ? (double)allCorrect / (allLabelled + missedKeypoints) : 0;
    }

    public double Alpha { get; }

    /// <summary>Mean over keypoints (those labelled at least once in a matched object) of the per-keypoint PCK.</summary>
    public double Pck { get; }

    /// <summary>Correct keypoints over labelled keypoints of the matched objects, all keypoints pooled.</summary>
    public double PooledPck { get; }

    /// <summary>Like <see cref="PooledPck"/>, with the labelled keypoints of unmatched objects counted as wrong.</summary>
    public double PckWithMisses { get; }

    /// <summary>PCK per keypoint; −1 where the keypoint is labelled in no matched object.</summary>
    public double[] PerKeypoint { get; }

    public int[] Correct { get; }

    public int[] Labelled { get; }

    /// <summary>Ground-truth objects that count: not crowd, at least one labelled keypoint, positive size.</summary>
    public int Instances { get; }

    public int MatchedInstances { get; }
}
