namespace EdgePose.Core.Engines;

/// <summary>
/// The end of one <see cref="IInferenceEngine.Enqueue"/>. Belongs to the buffer set and is reused by its next
/// run, so waiting on it allocates nothing.
/// </summary>
public interface IInferenceCompletion
{
    /// <summary>True once the outputs of the run can be read.</summary>
    bool IsComplete { get; }

    /// <summary>Waits up to <paramref name="timeout"/> for the run; false when it has not finished by then.</summary>
    bool Wait(TimeSpan timeout);

    /// <summary>The CUDA event recorded after the run (a CUevent, for a GPU consumer to wait on); 0 where there is none.</summary>
    nint CudaEvent { get; }
}
