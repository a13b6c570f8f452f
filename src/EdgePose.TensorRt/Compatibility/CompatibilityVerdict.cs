namespace EdgePose.TensorRt.Compatibility;

/// <summary>
/// Whether a plan can run here. <see cref="Problem"/> (incompatible) and <see cref="Warning"/> (runs, but
/// not at its best) are one line each, ending with the command that rebuilds the engine.
/// </summary>
public sealed record CompatibilityVerdict(bool IsCompatible, string? Problem, string? Warning)
{
    public static CompatibilityVerdict Compatible { get; } = new(true, null, null);
}
