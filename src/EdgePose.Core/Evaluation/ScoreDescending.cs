namespace EdgePose.Core.Evaluation;

/// <summary>
/// Orders detection indices by score, highest first, equal scores by index: on indices in their original
/// order this is the stable sort pycocotools does (numpy mergesort of −score), without allocating.
/// </summary>
internal readonly struct ScoreDescending(double[] scores) : IComparer<int>
{
    public int Compare(int x, int y)
    {
        int c = scores[y].CompareTo(scores[x]);
        return c != 0 ? c : x.CompareTo(y);
    }
}
