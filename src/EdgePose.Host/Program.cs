using EdgePose.Host.Cli;

using var cts = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    cts.Cancel();
};
return await EdgePoseCli.RunAsync(args, ct: cts.Token);
