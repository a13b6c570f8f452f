using EdgePose.Core.Evaluation;

namespace EdgePose.Core.Tests.Evaluation;

public class GreedyMatcherTests
{
    private static readonly double[] s_half = [0.5];

    [Fact]
    public void A_detection_takes_the_counted_ground_truth_even_when_an_ignored_one_is_more_similar()
    {
        // Columns: 0 ignored (0.9), 1 counted (0.6). Visiting order: counted first.
        var (matched, outcomes) = Match([0.9, 0.6], columns: [1, 0], ignored: [false, true], crowd: [false, false], d: 1);
        Assert.Equal(0, matched[0]);
        Assert.Equal(MatchOutcome.TruePositive, outcomes[0]);
    }

    [Fact]
    public void A_detection_only_near_an_ignored_ground_truth_is_not_counted()
    {
        var (matched, outcomes) = Match([0.9, 0.1], columns: [1, 0], ignored: [false, true], crowd: [false, false], d: 1);
        Assert.Equal(1, matched[0]);
        Assert.Equal(MatchOutcome.Ignored, outcomes[0]);
    }

    [Fact]
    public void A_taken_ground_truth_is_not_matched_again_but_a_crowd_region_is()
    {
        // Two detections, one ordinary ground truth: the second is a false positive.
        var (_, plain) = Match([0.8, 0.9], columns: [0], ignored: [false], crowd: [false], d: 2);
        Assert.Equal([MatchOutcome.TruePositive, MatchOutcome.FalsePositive], plain);

        // Two detections in one crowd region: both matched to it, both ignored.
        var (m, crowd) = Match([0.8, 0.9], columns: [0], ignored: [true], crowd: [true], d: 2);
        Assert.Equal([0, 0], m);
        Assert.Equal([MatchOutcome.Ignored, MatchOutcome.Ignored], crowd);
    }

    [Fact]
    public void Equal_similarities_go_to_the_later_ground_truth()
    {
        var (matched, _) = Match([0.7, 0.7], columns: [0, 1], ignored: [false, false], crowd: [false, false], d: 1);
        Assert.Equal(1, matched[0]);
    }

    [Fact]
    public void An_unmatched_detection_outside_the_area_range_is_not_counted()
    {
        var similarity = new double[] { 0.1 };
        var matched = new int[1];
        var outcomes = new MatchOutcome[1];
        GreedyMatcher.Match(similarity, [0], [false], [false], [true], s_half, matched, outcomes, new bool[1]);
        Assert.Equal(MatchOutcome.Ignored, outcomes[0]);
    }

    /// <summary>Matches d detections (rows of <paramref name="similarity"/>, one value per ground-truth column) at OKS 0.5.</summary>
    private static (int[] Matched, MatchOutcome[] Outcomes) Match(double[] similarity, int[] columns, bool[] ignored, bool[] crowd, int d)
    {
        Assert.Equal(d * columns.Length, similarity.Length);
        var matched = new int[d];
        var outcomes = new MatchOutcome[d];
        GreedyMatcher.Match(similarity, columns, ignored, crowd, new bool[d], s_half, matched, outcomes, new bool[columns.Length]);
        return (matched, outcomes);
    }
}
