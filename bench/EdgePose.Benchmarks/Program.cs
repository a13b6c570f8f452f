using System.Globalization;
using BenchmarkDotNet.Running;
using EdgePose.Benchmarks;

if (args.Length > 0 && args[0] == "--interleaved")
{
    InterleavedOrtComparison.Run(args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 60);
    return;
}

if (args.Length > 0 && args[0] == "--write-output0")
{
    RawOutputWriter.Run(args[1..]);
    return;
}

if (args.Length > 0 && args[0] == "--track-replay")
{
    Environment.ExitCode = TrackReplay.RunCommand(args[1..]);
    return;
}

BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
