using System.Globalization;
using EdgePose.Cli;
using EdgePose.Cli.Files;
using EdgePose.Core.Benchmarking;
using EdgePose.Core.Errors;
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

        var folder = RunFolder.Choose(outputFolder, existOk: false, [modelPath]);
        Directory.CreateDirectory(folder);
        BenchReportJson.Write(report, Path.Combine(folder, "bench.json"));
        var markdown = BenchMarkdown.Of(report);
        AtomicFile.WriteAllText(Path.Combine(folder, "bench.md"), markdown);
        var plots = BenchPlots.Write(report, folder);
        await console.Out.WriteAsync(markdown).ConfigureAwait(false);
        await console.Out.WriteLineAsync($"wrote {folder}: bench.json, bench.md and {plots.Count} plots").ConfigureAwait(false);
        if (code != ExitCodes.Ok || baseline is null)
        {
            return code;
        }

        if (BaselineComparison.Mismatch(report, baseline) is { } why)
        {
            throw new InputException($"baseline '{baselinePath}' cannot be compared: {why}");
        }

        var regressions = BaselineComparison.Regressions(report, baseline, thresholdPercent);
        foreach (var r in regressions)
        {
            await console.Error.WriteLineAsync("regression: " + BaselineComparison.Describe(r)).ConfigureAwait(false);
        }

        if (regressions.Count > 0)
        {
            await console.Error.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"error: {regressions.Count} measure(s) worse than the baseline {baselinePath} by more than {thresholdPercent:0.#} %")).ConfigureAwait(false);
            return ExitCodes.CheckFailed;
        }

        await console.Out.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"no regression against {baselinePath} (threshold {thresholdPercent:0.#} %)")).ConfigureAwait(false);
        return ExitCodes.Ok;
    }
}
