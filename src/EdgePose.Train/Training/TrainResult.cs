namespace EdgePose.Train.Training;

/// <summary>What a training run left: its folder, the checkpoints and the per-epoch results.</summary>
public sealed record TrainResult(string RunFolder, string Last, string Best, double BestFitness, IReadOnlyList<EpochResult> Epochs);
