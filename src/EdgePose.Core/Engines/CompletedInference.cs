namespace EdgePose.Core.Engines;

/// <summary>The completion of a run that finished before <see cref="IInferenceEngine.Enqueue"/> returned (CPU engines).</summary>
public sealed class CompletedInference : IInferenceCompletion
{
    public static CompletedInference Instance { get; } = new();

    private CompletedInference()
    {
    }

    public bool IsComplete => true;

    public nint CudaEvent => 0;

    public bool Wait(TimeSpan timeout) => true;
}
