namespace EdgePose.TensorRt.Building;

/// <summary>
/// One progress report of an engine build: a phase (parsing, building, TensorRT's own sub-phases from
/// TensorRT 10, calibration) started, advanced or finished. <see cref="Steps"/> is 0 when unknown.
/// </summary>
public sealed record EngineBuildProgress(string Phase, string? ParentPhase, int Step, int Steps, bool Finished)
{
    public override string ToString() =>
        Finished ? $"{Phase}: done" : Steps > 0 ? $"{Phase}: {Step}/{Steps}" : Step == 0 ? $"{Phase}..." : $"{Phase}: {Step}";
}
