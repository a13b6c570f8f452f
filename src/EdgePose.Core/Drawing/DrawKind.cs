namespace EdgePose.Core.Drawing;

/// <summary>What a <see cref="DrawCommand"/> draws.</summary>
public enum DrawKind
{
    /// <summary>Rectangle outline from (X1, Y1) to (X2, Y2), corners inclusive.</summary>
    Rectangle,

    /// <summary>Line from (X1, Y1) to (X2, Y2).</summary>
    Line,

    /// <summary>Filled circle at (X1, Y1) with radius X2.</summary>
    FilledCircle,

    /// <summary>Circle outline at (X1, Y1) with radius X2.</summary>
    Circle,

    /// <summary>Text on a filled box in Color, white letters, its box's bottom-left at (X1, Y1) (moved inside the image by the drawer).</summary>
    Label,
}
