using EdgePose.Train.Training;
using Spectre.Console;

namespace EdgePose.Train.Commands;

/// <summary>Runs work with a live Spectre.Console display on an interactive console, with plain lines otherwise (redirected output, tests).</summary>
internal static class TrainProgressFor
{
    public static T Run<T>(TextWriter output, Func<ITrainProgress, T> work)
    {
        if (ReferenceEquals(output, Console.Out) && !Console.IsOutputRedirected)
        {
            return SpectreProgress.Run(AnsiConsole.Console, work);
        }

        return work(new PlainProgress(output));
    }
}
