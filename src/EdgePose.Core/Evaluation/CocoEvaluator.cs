using EdgePose.Core.Errors;

namespace EdgePose.Core.Evaluation;

/// <summary>
/// COCO keypoint (OKS) and box (IoU) evaluation with pycocotools' semantics (cocoapi PythonAPI COCOeval:
/// evaluate, accumulate, summarize): every image of the ground truth, every evaluated category, the
/// detections of each image sorted by score (stable) and cut to the largest max-detections, greedy
/// matching per threshold, 101-point interpolated precision. Reproduces pycocotools' numbers.
/// </summary>
/// <example>
/// <code>
/// var gt = CocoGroundTruth.From(dataset, path);
/// var dt = new CocoDetectionSet(gt);
/// foreach (var (imageId, poses) in predictions) dt.Add(imageId, poses);
/// var kp = CocoEvaluator.EvaluateKeypoints(dt, KeypointMeta.Coco17.Sigmas);
/// double ap = kp["AP"];
/// </code>
/// </example>
public static class CocoEvaluator
{
    public static CocoEvaluation EvaluateKeypoints(CocoDetectionSet detections, IReadOnlyList<double> sigmas) =>
        Evaluate(detections, CocoEvaluationParameters.ForKeypoints(sigmas));

    public static CocoEvaluation EvaluateBoxes(CocoDetectionSet detections) =>
        Evaluate(detections, CocoEvaluationParameters.ForBoxes());

    public static CocoEvaluation Evaluate(CocoDetectionSet detections, CocoEvaluationParameters parameters)
    {
        parameters.Validate();
        var gt = detections.GroundTruth;
        bool keypoints = parameters.Kind == CocoEvaluationKind.Keypoints;
        int[] categories = EvaluatedCategories(gt, keypoints);
        double[] variances = keypoints ? Variances(gt, parameters.Sigmas!) : [];

        // Group the detections by (evaluated category, image), keeping the order they were added in.
        var evaluatedIndex = new int[gt.CategoryIds.Length];
        Array.Fill(evaluatedIndex, -1);
        for (int k = 0; k < categories.Length; k++)
        {
            evaluatedIndex[categories[k]] = k;
        }

        int images = gt.ImageIds.Length;
        var cellStart = new int[(categories.Length * images) + 1];
        var imageOf = detections.ImageIndices;
        var categoryOf = detections.CategoryIndices;
        int counted = 0;
        for (int i = 0; i < detections.Count; i++)
        {
            int k = evaluatedIndex[categoryOf[i]];
            if (k < 0)
            {
                continue;
            }

            if (keypoints && !detections.HasKeypoints[i])
            {
                throw new InputException($"detection {i} on image {gt.ImageIds[imageOf[i]]} has no keypoints; keypoint evaluation against {gt.Source} needs {gt.KeypointCount} per detection");
            }

            cellStart[(k * images) + imageOf[i] + 1]++;
            counted++;
        }

        for (int c = 1; c < cellStart.Length; c++)
        {
            cellStart[c] += cellStart[c - 1];
        }

        var grouped = new int[counted];
        var next = cellStart[..^1];
        for (int i = 0; i < detections.Count; i++)
        {
            int k = evaluatedIndex[categoryOf[i]];
            if (k >= 0)
            {
                grouped[next[(k * images) + imageOf[i]]++] = i;
            }
        }

        var results = new CocoImageResults(categories.Length, parameters.AreaRanges.Count, parameters.IouThresholds.Count, counted);
        var errors = keypoints ? new KeypointErrors(gt.KeypointCount) : null;
        var imageEvaluator = new CocoImageEvaluator(detections, parameters, variances, results, errors);
        for (int k = 0; k < categories.Length; k++)
        {
            for (int image = 0; image < images; image++)
            {
                int cell = (k * images) + image;
                imageEvaluator.Evaluate(k, categories[k], image, grouped.AsSpan(cellStart[cell], cellStart[cell + 1] - cellStart[cell]));
            }
        }

        var (precision, scores, recall) = PrecisionRecallAccumulator.Accumulate(results, parameters, categories.Length);
        return new CocoEvaluation(parameters, categories.Select(c => gt.CategoryIds[c]).ToArray(), precision, scores, recall, counted, errors);
    }

    private static int[] EvaluatedCategories(CocoGroundTruth gt, bool keypoints)
    {
        if (!keypoints)
        {
            return Enumerable.Range(0, gt.CategoryIds.Length).ToArray();
        }

        var withKeypoints = Enumerable.Range(0, gt.CategoryIds.Length).Where(c => gt.CategoryHasKeypoints[c]).ToArray();
        if (withKeypoints.Length == 0)
        {
            throw new InputException($"{gt.Source}: no category names keypoints, so it cannot be used for keypoint evaluation (categories: {string.Join(", ", gt.CategoryIds.Select((id, c) => $"{id} '{gt.CategoryNames[c]}'"))})");
        }

        return withKeypoints;
    }

    private static double[] Variances(CocoGroundTruth gt, IReadOnlyList<double> sigmas)
    {
        if (sigmas.Count != gt.KeypointCount)
        {
            throw new InputException($"{sigmas.Count} OKS sigmas given for the {gt.KeypointCount} keypoints per object of {gt.Source}");
        }

        return ObjectKeypointSimilarity.Variances(sigmas);
    }
}
