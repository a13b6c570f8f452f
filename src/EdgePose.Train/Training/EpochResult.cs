namespace EdgePose.Train.Training;

/// <summary>One epoch's row of results.csv: mean training losses, the validation numbers, the learning rates at its end.</summary>
public sealed record EpochResult(int Epoch, double Seconds, double Box, double Pose, double Kobj, double Cls, double Dfl, ValMetrics? Val, double[] LearningRates)
{
    public double TotalLoss => Box + Pose + Kobj + Cls + Dfl;
}
