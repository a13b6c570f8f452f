namespace EdgePose.Train.Training;

/// <summary>Where the trainer reports as it goes: a live Spectre.Console display, or plain lines when output is redirected.</summary>
public interface ITrainProgress
{
    void EpochStarted(int epoch, int epochs, int batches);

    /// <summary>After each batch: the epoch's mean losses so far and the iterations per second.</summary>
    void BatchDone(int batch, double box, double pose, double kobj, double cls, double dfl, double iterationsPerSecond);

    void Validating();

    void EpochDone(EpochResult result, bool best);

    void Message(string line);
}
