using EdgePose.Core.Poses;

namespace EdgePose.Core.Decoding;

/// <summary>Turns one image's slice of a pose model's output into detections in model-input pixels.</summary>
public interface IPoseDecoder
{
    OutputLayout Layout { get; }

    /// <summary>
    /// Decodes image <paramref name="batchIndex"/> of <paramref name="output"/> into <paramref name="detections"/>
    /// (cleared first), best score first. Allocates nothing.
    /// </summary>
    void Decode(ReadOnlySpan<float> output, int batchIndex, DecodeOptions options, PoseDetections detections);
}
