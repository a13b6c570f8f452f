using EdgePose.Cli;
using EdgePose.Host.Cli;

using var signals = new CancelSignals();
return signals.ExitCodeFor(await EdgePoseCli.RunAsync(args, ct: signals.Token));
