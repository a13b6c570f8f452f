using EdgePose.Core.Pipeline;

namespace EdgePose.Host.Run;

/// <summary>
/// Something that watches a run of the pipeline service from outside the pipeline: told when the pipeline starts
/// (with its live statistics) and when it has finished (after the summary). `bench pipeline` registers one.
/// </summary>
public interface IPipelineRunObserver
{
    void Started(PipelineStats stats);

    void Finished(PipelineStats stats, string model, string engine);
}
