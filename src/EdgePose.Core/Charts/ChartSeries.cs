using EdgePose.Core.Meta;

namespace EdgePose.Core.Charts;

/// <summary>One line of a <see cref="LineChart"/>: its legend name, colour and points; points with a NaN or negative y are left out (pycocotools' −1 = undefined).</summary>
public sealed record ChartSeries(string Name, Rgb Color, IReadOnlyList<double> X, IReadOnlyList<double> Y);
