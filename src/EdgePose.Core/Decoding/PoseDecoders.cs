namespace EdgePose.Core.Decoding;

/// <summary>Makes the decoder for a resolved output layout.</summary>
public static class PoseDecoders
{
    public static IPoseDecoder Create(OutputLayout layout) => layout.Kind switch
    {
        OutputLayoutKind.EndToEnd => new EndToEndPoseDecoder(layout),
        _ => new RawPoseDecoder(layout),
    };
}
