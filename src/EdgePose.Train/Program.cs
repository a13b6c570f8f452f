using EdgePose.Cli;
using EdgePose.Train.Cli;

using var signals = new CancelSignals();
return signals.ExitCodeFor(await TrainCli.RunAsync(args, ct: signals.Token));
