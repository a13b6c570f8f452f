namespace EdgePose.Core.Charts;

/// <summary>What a <see cref="ChartElement"/> draws.</summary>
public enum ChartElementKind
{
    /// <summary>Line from (X1, Y1) to (X2, Y2).</summary>
    Line,

    /// <summary>Rectangle outline from (X1, Y1) to (X2, Y2), corners inclusive.</summary>
    Rectangle,

    /// <summary>Filled rectangle from (X1, Y1) to (X2, Y2), corners inclusive.</summary>
    FilledRectangle,

    /// <summary>Text with its baseline at Y1, placed at X1 as <see cref="ChartElement.Anchor"/> says.</summary>
    Text,
}
