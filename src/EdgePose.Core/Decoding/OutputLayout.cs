namespace EdgePose.Core.Decoding;

/// <summary>
/// A resolved output layout: its kind, batch size, number of rows per image (anchors N, or slots M for
/// end-to-end), class count and keypoint shape K × D.
/// </summary>
public sealed record OutputLayout(OutputLayoutKind Kind, int Batch, int Rows, int ClassCount, int KeypointCount, int KeypointDims)
{
    /// <summary>Values per detection: 4 + nc + K·D (raw) or 6 + K·D (end-to-end).</summary>
    public int ValuesPerRow => Kind == OutputLayoutKind.EndToEnd
        ? 6 + (KeypointCount * KeypointDims)
        : 4 + ClassCount + (KeypointCount * KeypointDims);

    /// <summary>Floats in one image's slice of the output.</summary>
    public int ValuesPerImage => Rows * ValuesPerRow;

    public override string ToString() =>
        $"{Kind} batch {Batch}, {Rows} {(Kind == OutputLayoutKind.EndToEnd ? "slots" : "anchors")}, {ClassCount} classes, kpt_shape [{KeypointCount}, {KeypointDims}]";
}
