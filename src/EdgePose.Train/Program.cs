using EdgePose.Train.Cli;

using var cts = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    cts.Cancel();
};
return await TrainCli.RunAsync(args, ct: cts.Token);
