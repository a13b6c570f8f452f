using EdgePose.Core.Errors;

namespace EdgePose.Core.Evaluation;

/// <summary>
/// PCK@α (percentage of correct keypoints) for data sets without OKS sigmas. Per image and category the
/// detections, best score first (stable), are each paired with the unpaired ground-truth object of highest box
/// IoU ≥ <see cref="PckOptions.MatchIou"/>; crowd regions, objects with no labelled keypoint and objects without
/// a positive size do not count. A labelled keypoint of a paired object is correct when
/// ‖predicted − true‖ / size &lt; α, size being max(w, h) of the ground-truth box or the size given for it.
/// </summary>
public static class PckEvaluator
{
    public static PckResult Evaluate(CocoDetectionSet detections, PckOptions options)
    {
        var gt = detections.GroundTruth;
        int kpCount = gt.KeypointCount;
        if (kpCount == 0)
        {
            throw new InputException($"{gt.Source}: no category names keypoints, so PCK cannot be computed");
        }

        if (!(options.Alpha > 0))
        {
            throw new InputException($"PCK alpha {options.Alpha} must be positive");
        }

        if (options.Normalization == PckNormalization.GivenSize && options.InstanceSizes is null)
        {
            throw new InputException("PCK with given sizes needs a size per ground-truth annotation id");
        }

        int stride = kpCount * 3;
        var correct = new int[kpCount];
        var labelled = new int[kpCount];
        int instances = 0, matchedInstances = 0, missed = 0;

        // Detections grouped by (image, category), in the order they were added.
        int categories = gt.CategoryIds.Length, images = gt.ImageIds.Length;
        var cellStart = new int[(images * categories) + 1];
        for (int i = 0; i < detections.Count; i++)
        {
            cellStart[(detections.ImageIndices[i] * categories) + detections.CategoryIndices[i] + 1]++;
        }

        for (int c = 1; c < cellStart.Length; c++)
        {
            cellStart[c] += cellStart[c - 1];
        }

        var grouped = new int[detections.Count];
        var next = cellStart[..^1];
        for (int i = 0; i < detections.Count; i++)
        {
            grouped[next[(detections.ImageIndices[i] * categories) + detections.CategoryIndices[i]]++] = i;
        }

        var scores = detections.Scores.ToArray();
        var size = new double[16];
        var taken = new bool[16];
        for (int image = 0; image < images; image++)
        {
            for (int c = 0; c < categories; c++)
            {
                if (!gt.CategoryHasKeypoints[c])
                {
                    continue;
                }

                var (g0, g) = gt.AnnotationsOf(image, c);
                if (size.Length < g)
                {
                    size = new double[g * 2];
                    taken = new bool[g * 2];
                }

                int counted = 0;
                for (int j = 0; j < g; j++)
                {
                    size[j] = Size(gt, g0 + j, options, stride);
                    taken[j] = false;
                    if (size[j] > 0)
                    {
                        counted++;
                    }
                }

                instances += counted;
                int matchedHere = 0;
                var order = grouped.AsSpan(cellStart[(image * categories) + c], cellStart[(image * categories) + c + 1] - cellStart[(image * categories) + c]);
                order.Sort(new ScoreDescending(scores));
                foreach (int det in order)
                {
                    if (!detections.HasKeypoints[det])
                    {
                        throw new InputException($"detection {det} on image {gt.ImageIds[image]} has no keypoints; PCK needs {kpCount} per detection");
                    }

                    var box = detections.Boxes.Slice(det * 4, 4);
                    int best = -1;
                    double bestIou = options.MatchIou;
                    for (int j = 0; j < g; j++)
                    {
                        if (taken[j] || !(size[j] > 0))
                        {
                            continue;
                        }

                        double iou = BoxIntersectionOverUnion.Compute(box, gt.Boxes.AsSpan((g0 + j) * 4, 4), groundTruthIsCrowd: false);
                        if (iou >= bestIou && (best < 0 || iou > bestIou))
                        {
                            best = j;
                            bestIou = iou;
                        }
                    }

                    if (best < 0)
                    {
                        continue;
                    }

                    taken[best] = true;
                    matchedHere++;
                    var dk = detections.Keypoints.Slice(det * stride, stride);
                    var gk = gt.Keypoints.AsSpan((g0 + best) * stride, stride);
                    for (int k = 0; k < kpCount; k++)
                    {
                        if (!(gk[(k * 3) + 2] > 0))
                        {
                            continue;
                        }

                        labelled[k]++;
                        double dx = dk[k * 3] - gk[k * 3], dy = dk[(k * 3) + 1] - gk[(k * 3) + 1];
                        if (Math.Sqrt((dx * dx) + (dy * dy)) / size[best] < options.Alpha)
                        {
                            correct[k]++;
                        }
                    }
                }

                matchedInstances += matchedHere;
                for (int j = 0; j < g; j++)
                {
                    if (!taken[j] && size[j] > 0)
                    {
                        missed += LabelledCount(gt.Keypoints.AsSpan((g0 + j) * stride, stride));
                    }
                }
            }
        }

        return new PckResult(options.Alpha, correct, labelled, instances, matchedInstances, missed);
    }

    /// <summary>The normalising size of a ground-truth object, or 0 when it does not count.</summary>
    private static double Size(CocoGroundTruth gt, int a, PckOptions options, int stride)
    {
        if (gt.IsCrowd[a] || LabelledCount(gt.Keypoints.AsSpan(a * stride, stride)) == 0)
        {
            return 0;
        }

        if (options.Normalization == PckNormalization.BoxMaxSide)
        {
            return Math.Max(gt.Boxes[(a * 4) + 2], gt.Boxes[(a * 4) + 3]);
        }

        return options.InstanceSizes!.TryGetValue(gt.AnnotationIds[a], out double s)
            ? s
            : throw new InputException($"PCK: no normalising size given for ground-truth annotation {gt.AnnotationIds[a]}");
    }

    private static int LabelledCount(ReadOnlySpan<double> keypoints)
    {
        int n = 0;
        for (int k = 2; k < keypoints.Length; k += 3)
        {
            if (keypoints[k] > 0)
            {
                n++;
            }
        }

        return n;
    }
}
