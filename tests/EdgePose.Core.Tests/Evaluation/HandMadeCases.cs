namespace EdgePose.Core.Tests.Evaluation;

/// <summary>The hand-made edge cases, each built the same way for the tests and for the pycocotools run.</summary>
internal static class HandMadeCases
{
    public static IReadOnlyDictionary<string, Func<CocoCase>> All { get; } = new Dictionary<string, Func<CocoCase>>
    {
        [nameof(NoDetections)] = NoDetections,
        [nameof(NoGroundTruth)] = NoGroundTruth,
        [nameof(CrowdRegion)] = CrowdRegion,
        [nameof(CrowdRegionLeftOut)] = CrowdRegionLeftOut,
        [nameof(DetectionBetweenTwoPeople)] = DetectionBetweenTwoPeople,
        [nameof(TiedScoresFalsePositiveFirst)] = TiedScoresFalsePositiveFirst,
        [nameof(TiedScoresTruePositiveFirst)] = TiedScoresTruePositiveFirst,
        [nameof(TiedScoresAcrossImages)] = TiedScoresAcrossImages,
        [nameof(UnlabelledKeypoints)] = UnlabelledKeypoints,
        [nameof(PersonWithoutKeypoints)] = PersonWithoutKeypoints,
        [nameof(MoreThanTwentyDetections)] = MoreThanTwentyDetections,
        [nameof(ResultsWithoutBoxes)] = ResultsWithoutBoxes,
    };

    /// <summary>Two people (one medium, one large), nothing detected.</summary>
    public static CocoCase NoDetections()
    {
        var c = new CocoCase(1);
        c.Person(1, 10, 10, 40, 60);
        c.Person(1, 200, 50, 150, 300);
        return c;
    }

    /// <summary>Detections on an image without annotations.</summary>
    public static CocoCase NoGroundTruth()
    {
        var c = new CocoCase(1, 2);
        c.DetectAt(1, 0.9, 10, 10, 100, 200);
        c.DetectAt(2, 0.5, 300, 10, 50, 60);
        return c;
    }

    /// <summary>A person found, and three higher-scored detections inside a crowd region.</summary>
    public static CocoCase CrowdRegion()
    {
        var c = new CocoCase(1);
        var p = c.Person(1, 50, 50, 100, 200);
        c.Crowd(1, 300, 50, 300, 400);
        c.Detect(p, 0.9, shift: 3);
        c.DetectAt(1, 0.95, 320, 80, 80, 150);
        c.DetectAt(1, 0.8, 420, 100, 90, 200);
        c.DetectAt(1, 0.7, 350, 200, 100, 220);
        return c;
    }

    /// <summary><see cref="CrowdRegion"/> without the crowd annotation: its detections become false positives.</summary>
    public static CocoCase CrowdRegionLeftOut()
    {
        var c = CrowdRegion();
        c.Dataset.Annotations.RemoveAll(a => a.Iscrowd == 1);
        return c;
    }

    /// <summary>Two overlapping people; the best detection lies between them, nearer the first; a second one sits on the other.</summary>
    public static CocoCase DetectionBetweenTwoPeople()
    {
        var c = new CocoCase(1);
        var a = c.Person(1, 100, 100, 100, 200);
        var b = c.Person(1, 130, 100, 100, 200);
        c.Detect(a, 0.9, shift: 12);
        c.Detect(b, 0.6, shift: 2);
        c.Detect(a, 0.5, shift: 1);
        return c;
    }

    /// <summary>A false and a true positive with the same score, the false one first.</summary>
    public static CocoCase TiedScoresFalsePositiveFirst()
    {
        var c = new CocoCase(1);
        var p = c.Person(1, 50, 50, 100, 200);
        var q = c.Person(1, 300, 50, 100, 200);
        c.Detect(q, 0.7);
        c.DetectAt(1, 0.5, 500, 300, 60, 100);
        c.Detect(p, 0.5, shift: 2);
        return c;
    }

    /// <summary><see cref="TiedScoresFalsePositiveFirst"/> with the tied pair the other way round.</summary>
    public static CocoCase TiedScoresTruePositiveFirst()
    {
        var c = new CocoCase(1);
        var p = c.Person(1, 50, 50, 100, 200);
        var q = c.Person(1, 300, 50, 100, 200);
        c.Detect(q, 0.7);
        c.Detect(p, 0.5, shift: 2);
        c.DetectAt(1, 0.5, 500, 300, 60, 100);
        return c;
    }

    /// <summary>Equal scores on two images, added in reverse image order: pycocotools takes the lower image id first.</summary>
    public static CocoCase TiedScoresAcrossImages()
    {
        var c = new CocoCase(7, 3);
        var p = c.Person(7, 50, 50, 100, 200);
        c.Person(3, 50, 50, 100, 200);
        c.Detect(p, 0.6, shift: 1);
        c.DetectAt(3, 0.6, 400, 300, 100, 100);
        return c;
    }

    /// <summary>A person with 8 keypoints not labelled (v = 0): detections wrong only there are still perfect.</summary>
    public static CocoCase UnlabelledKeypoints()
    {
        var c = new CocoCase(1);
        var p = c.Person(1, 50, 50, 100, 200);
        for (int k = 0; k < 8; k++)
        {
            p.Keypoints![(k * 3) + 2] = 0;
        }

        p.NumKeypoints = CocoCase.K - 8;
        var d = c.Detect(p, 0.9);
        for (int k = 0; k < 8; k++)
        {
            d.Keypoints![k * 3] += 300;
        }

        return c;
    }

    /// <summary>A person with num_keypoints 0 (not crowd) is ignored: a detection on it is neither right nor wrong.</summary>
    public static CocoCase PersonWithoutKeypoints()
    {
        var c = new CocoCase(1);
        var p = c.Person(1, 50, 50, 100, 200);
        var u = c.Person(1, 300, 50, 100, 200);
        c.Detect(u, 0.95, shift: 10);
        c.Detect(p, 0.9, shift: 2);
        u.Keypoints = new double[CocoCase.K * 3];
        u.NumKeypoints = 0;
        return c;
    }

    /// <summary>25 detections on one image: 20 high-scored misses, then the hit, which only box evaluation (100 per image) sees.</summary>
    public static CocoCase MoreThanTwentyDetections()
    {
        var c = new CocoCase(1);
        var p = c.Person(1, 50, 50, 100, 200);
        for (int i = 0; i < 20; i++)
        {
            c.DetectAt(1, 0.9 - (i * 0.01), 300 + (i * 10), 250, 60, 100);
        }

        c.Detect(p, 0.6, shift: 1);
        for (int i = 0; i < 4; i++)
        {
            c.DetectAt(1, 0.5, 300, 10, 40, 40);
        }

        return c;
    }

    /// <summary>Results without boxes: box and area come from the keypoints' extent (a large person's keypoints span a medium area).</summary>
    public static CocoCase ResultsWithoutBoxes()
    {
        var c = new CocoCase(1);
        var p = c.Person(1, 50, 50, 120, 150);
        var q = c.Person(1, 300, 50, 40, 50);
        c.Detect(p, 0.9, shift: 2);
        c.Detect(q, 0.8, shift: 1);
        c.DetectAt(1, 0.85, 400, 300, 30, 40);
        foreach (var r in c.Results)
        {
            r.Bbox = [];
        }

        return c;
    }
}
