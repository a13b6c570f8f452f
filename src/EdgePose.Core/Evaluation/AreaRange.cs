namespace EdgePose.Core.Evaluation;

/// <summary>
/// An object-area bucket of the COCO evaluation ("all", "small", "medium", "large"), inclusive on both ends:
/// an area is outside when it is below <see cref="Min"/> or above <see cref="Max"/>, as pycocotools tests it.
/// </summary>
public readonly record struct AreaRange(string Label, double Min, double Max)
{
    public const double Unbounded = 1e5 * 1e5;

    public static AreaRange All => new("all", 0, Unbounded);

    public static AreaRange Small => new("small", 0, 32 * 32);

    public static AreaRange Medium => new("medium", 32 * 32, 96 * 96);

    public static AreaRange Large => new("large", 96 * 96, Unbounded);

    public bool Excludes(double area) => area < Min || area > Max;
}
