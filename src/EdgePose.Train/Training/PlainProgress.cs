using System.Globalization;

namespace EdgePose.Train.Training;

/// <summary>Progress as plain lines (output redirected, CI logs): a line every tenth of an epoch and one per epoch.</summary>
public sealed class PlainProgress(TextWriter output) : ITrainProgress
{
    private int _epoch;
    private int _epochs;
    private int _batches;

    public void EpochStarted(int epoch, int epochs, int batches) => (_epoch, _epochs, _batches) = (epoch, epochs, batches);

    public void BatchDone(int batch, double box, double pose, double kobj, double cls, double dfl, double iterationsPerSecond)
    {
        int every = Math.Max(1, _batches / 10);
        if ((batch + 1) % every == 0 || batch + 1 == _batches)
        {
            output.WriteLine(TrainLine.Losses(_epoch, _epochs, batch + 1, _batches, box, pose, kobj, cls, dfl, iterationsPerSecond));
        }
    }

    public void Validating()
    {
    }

    public void EpochDone(EpochResult result, bool best) => output.WriteLine(TrainLine.Epoch(result, _epochs, best));

    public void Message(string line) => output.WriteLine(line);
}

/// <summary>The progress texts both displays share.</summary>
internal static class TrainLine
{
    public static string Losses(int epoch, int epochs, int batch, int batches, double box, double pose, double kobj, double cls, double dfl, double itps) =>
        string.Create(CultureInfo.InvariantCulture, $"epoch {epoch + 1}/{epochs} batch {batch}/{batches}: box {box:F3} pose {pose:F3} kobj {kobj:F3} cls {cls:F3} dfl {dfl:F3}, {itps:F2} it/s");

    public static string Epoch(EpochResult r, int epochs, bool best) =>
        string.Create(CultureInfo.InvariantCulture, $"epoch {r.Epoch + 1}/{epochs} done in {r.Seconds:F1} s: loss {r.TotalLoss:F3}") +
        (r.Val is { } v ? $"; val {v}{(best ? " (best)" : "")}" : "");
}
