namespace EdgePose.Train.Data;

/// <summary>
/// A 2×3 affine map of image points: x' = A·x + B·y + C, y' = D·x + E·y + F. Composed right to left
/// (<c>t * r</c> applies r first), as the matrices of Ultralytics' RandomPerspective.
/// </summary>
public readonly record struct Affine2D(double A, double B, double C, double D, double E, double F)
{
    public static Affine2D Identity => new(1, 0, 0, 0, 1, 0);

    public static Affine2D Translation(double dx, double dy) => new(1, 0, dx, 0, 1, dy);

    /// <summary>Rotation by <paramref name="degrees"/> (counter-clockwise on screen, as cv2.getRotationMatrix2D) and scale about the origin.</summary>
    public static Affine2D RotationScale(double degrees, double scale)
    {
        double a = degrees * Math.PI / 180, c = Math.Cos(a) * scale, s = Math.Sin(a) * scale;
        return new(c, s, 0, -s, c, 0);
    }

    /// <summary>Shear by the tangents of two angles in degrees (x by y, y by x).</summary>
    public static Affine2D Shear(double xDegrees, double yDegrees) =>
        new(1, Math.Tan(xDegrees * Math.PI / 180), 0, Math.Tan(yDegrees * Math.PI / 180), 1, 0);

    public static Affine2D operator *(Affine2D l, Affine2D r) => new(
        (l.A * r.A) + (l.B * r.D), (l.A * r.B) + (l.B * r.E), (l.A * r.C) + (l.B * r.F) + l.C,
        (l.D * r.A) + (l.E * r.D), (l.D * r.B) + (l.E * r.E), (l.D * r.C) + (l.E * r.F) + l.F);

    public (double X, double Y) Apply(double x, double y) => ((A * x) + (B * y) + C, (D * x) + (E * y) + F);

    /// <summary>True when the map is exactly the identity (the warp can be skipped).</summary>
    public bool IsIdentity => this == Identity;

    /// <summary>The area scale of the map (|det|).</summary>
    public double AreaScale => Math.Abs((A * E) - (B * D));
}
