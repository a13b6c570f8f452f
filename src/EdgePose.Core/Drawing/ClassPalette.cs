using EdgePose.Core.Meta;

namespace EdgePose.Core.Drawing;

/// <summary>Distinct box colours by class index or by track id (Ultralytics' 20-colour palette), repeating after the last.</summary>
public static class ClassPalette
{
    private static readonly Rgb[] s_colors =
    [
        new(255, 56, 56), new(255, 157, 151), new(255, 112, 31), new(255, 178, 29), new(207, 210, 49),
        new(72, 249, 10), new(146, 204, 23), new(61, 219, 134), new(26, 147, 52), new(0, 212, 187),
        new(44, 153, 168), new(0, 194, 255), new(52, 69, 147), new(100, 115, 255), new(0, 24, 236),
        new(132, 56, 255), new(82, 0, 133), new(203, 56, 255), new(255, 149, 200), new(255, 55, 199),
    ];

    public static Rgb ForClass(int classIndex) => s_colors[((classIndex % s_colors.Length) + s_colors.Length) % s_colors.Length];

    /// <summary>The colour of track <paramref name="trackId"/>: a person keeps their colour while they keep their id.</summary>
    public static Rgb ForTrack(int trackId) => ForClass(trackId);
}
