using EdgePose.Core.Meta;

namespace EdgePose.Core.Charts;

/// <summary>Colours for charts: ten distinguishable line colours, and the greys of frames, grids and text.</summary>
public static class ChartPalette
{
    public static readonly Rgb White = new(255, 255, 255);

    public static readonly Rgb Text = new(30, 30, 30);

    public static readonly Rgb Frame = new(90, 90, 90);

    public static readonly Rgb Grid = new(225, 225, 225);

    public static readonly Rgb Bar = new(31, 119, 180);

    private static readonly Rgb[] s_series =
    [
        new(31, 119, 180), new(255, 127, 14), new(44, 160, 44), new(214, 39, 40), new(148, 103, 189),
        new(140, 86, 75), new(227, 119, 194), new(127, 127, 127), new(188, 189, 34), new(23, 190, 207),
    ];

    /// <summary>The colour of series <paramref name="index"/> (repeating after ten).</summary>
    public static Rgb Series(int index) => s_series[index % s_series.Length];
}
