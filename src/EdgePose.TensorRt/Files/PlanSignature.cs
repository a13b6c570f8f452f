namespace EdgePose.TensorRt.Files;

/// <summary>
/// How a serialised TensorRT plan starts: the four bytes "ptrt" or "ftrt" (both seen in the plans of
/// TensorRT 8 and 10). Enough to tell a plan from other files; TensorRT itself checks the rest.
/// </summary>
public static class PlanSignature
{
    public const int Length = 4;

    /// <summary>Shortest plan accepted before TensorRT is asked: the signature and its fixed header fields.</summary>
    public const int MinimumPlanLength = 32;

    public static bool Matches(ReadOnlySpan<byte> bytes) =>
        bytes.Length >= Length && (bytes[0] == (byte)'p' || bytes[0] == (byte)'f') && bytes[1] == (byte)'t' && bytes[2] == (byte)'r' && bytes[3] == (byte)'t';
}
