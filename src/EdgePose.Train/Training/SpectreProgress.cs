using Spectre.Console;

namespace EdgePose.Train.Training;

/// <summary>A live Spectre.Console progress bar per epoch, its description showing the mean losses and it/s.</summary>
public sealed class SpectreProgress(ProgressContext context, IAnsiConsole console) : ITrainProgress
{
    private ProgressTask? _task;
    private int _epoch;
    private int _epochs;
    private int _batches;

    /// <summary>Runs <paramref name="work"/> inside a live progress display on <paramref name="console"/>.</summary>
    public static T Run<T>(IAnsiConsole console, Func<ITrainProgress, T> work) =>
        console.Progress()
            .AutoClear(false)
            .Columns(new TaskDescriptionColumn { Alignment = Justify.Left }, new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn(), new RemainingTimeColumn())
            .Start(ctx => work(new SpectreProgress(ctx, console)));

    public void EpochStarted(int epoch, int epochs, int batches)
    {
        (_epoch, _epochs, _batches) = (epoch, epochs, batches);
        _task = context.AddTask(Markup.Escape($"epoch {epoch + 1}/{epochs}"), maxValue: batches);
    }

    public void BatchDone(int batch, double box, double pose, double kobj, double cls, double dfl, double iterationsPerSecond)
    {
        if (_task is null)
        {
            return;
        }

        _task.Description = Markup.Escape(TrainLine.Losses(_epoch, _epochs, batch + 1, _batches, box, pose, kobj, cls, dfl, iterationsPerSecond));
        _task.Value = batch + 1;
    }

    public void Validating()
    {
        if (_task is not null)
        {
            _task.Description += " · validating";
        }
    }

    public void EpochDone(EpochResult result, bool best)
    {
        if (_task is not null)
        {
            _task.Description = Markup.Escape(TrainLine.Epoch(result, _epochs, best));
            _task.StopTask();
        }
    }

    public void Message(string line) => console.MarkupLine(Markup.Escape(line));
}
