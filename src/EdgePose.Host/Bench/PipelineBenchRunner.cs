using EdgePose.Cli;
using EdgePose.Host.Commands;
using EdgePose.Host.Run;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace EdgePose.Host.Bench;

/// <summary>
/// `edgepose bench pipeline`: runs the live pipeline exactly as `edgepose run` does (same host, settings and
/// status line) with a <see cref="PipelineBenchCollector"/> watching, then writes bench.json, bench.md and the
/// plots and compares with a baseline. The baseline is read before the run starts.
/// </summary>
public static class PipelineBenchRunner
{
    public static async Task<int> RunAsync(IConfiguration configuration, string modelPath, string outputFolder, string? baselinePath, double thresholdPercent, RunConsole console, bool verbose, CancellationToken ct)
    {
        var baseline = baselinePath is null ? null : BenchReportJson.Read(baselinePath);
        var config = configuration.AsEnumerable()
            .Where(kv => kv.Value is not null && !kv.Key.Contains("Password", StringComparison.OrdinalIgnoreCase))
            .OrderBy(kv => kv.Key, StringComparer.Ordinal)
            .ToDictionary(kv => kv.Key, kv => kv.Value!, StringComparer.Ordinal);
        using var collector = new PipelineBenchCollector(modelPath, config);
        int code = await RunCommand.RunHostAsync(configuration, console, verbose, ct, s => s.AddSingleton<IPipelineRunObserver>(collector)).ConfigureAwait(false);
        if (collector.Report is not { } report)
        {
            return code == ExitCodes.Ok ? ExitCodes.Failure : code;
        }

        BenchReportOutput.Write(report, outputFolder, modelPath, console.Out);
        return code != ExitCodes.Ok || baseline is null
            ? code
            : BenchReportOutput.Compare(report, baseline, baselinePath!, thresholdPercent, console.Out, console.Error);
    }
}
