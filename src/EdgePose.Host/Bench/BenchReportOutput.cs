using System.Globalization;
using EdgePose.Cli;
using EdgePose.Cli.Files;
using EdgePose.Core.Benchmarking;
using EdgePose.Core.Errors;

namespace EdgePose.Host.Bench;

/// <summary>What every `bench` command does with its report: write bench.json, bench.md and the plots, print the table, compare with a baseline.</summary>
internal static class BenchReportOutput
{
    /// <summary>Writes the report into <paramref name="requestedFolder"/> (or a numbered sibling) and prints its table; returns the folder.</summary>
    public static string Write(BenchReport report, string requestedFolder, string model, TextWriter stdout)
    {
        var folder = RunFolder.Choose(requestedFolder, existOk: false, [model]);
        Directory.CreateDirectory(folder);
        BenchReportJson.Write(report, Path.Combine(folder, "bench.json"));
        var markdown = BenchMarkdown.Of(report);
        AtomicFile.WriteAllText(Path.Combine(folder, "bench.md"), markdown);
        var plots = BenchPlots.Write(report, folder);
        stdout.Write(markdown);
        stdout.WriteLine($"wrote {folder}: bench.json, bench.md and {plots.Count} plots");
        return folder;
    }

    /// <summary>
    /// Compares with <paramref name="baseline"/> (read from <paramref name="baselinePath"/>): each regression on stderr,
    /// then <see cref="ExitCodes.CheckFailed"/>; <see cref="ExitCodes.Ok"/> when there is none.
    /// </summary>
    public static int Compare(BenchReport report, BenchReport baseline, string baselinePath, double thresholdPercent, TextWriter stdout, TextWriter stderr)
    {
        if (BaselineComparison.Mismatch(report, baseline) is { } why)
        {
            throw new InputException($"baseline '{baselinePath}' cannot be compared: {why}");
        }

        var regressions = BaselineComparison.Regressions(report, baseline, thresholdPercent);
        foreach (var r in regressions)
        {
            stderr.WriteLine("regression: " + BaselineComparison.Describe(r));
        }

        if (regressions.Count > 0)
        {
            stderr.WriteLine(string.Create(CultureInfo.InvariantCulture, $"error: {regressions.Count} measure(s) worse than the baseline {baselinePath} by more than {thresholdPercent:0.#} %"));
            return ExitCodes.CheckFailed;
        }

        stdout.WriteLine(string.Create(CultureInfo.InvariantCulture, $"no regression against {baselinePath} (threshold {thresholdPercent:0.#} %)"));
        return ExitCodes.Ok;
    }

    /// <summary>EdgePose's informational version (with its commit).</summary>
    public static string Version() =>
        typeof(BenchReportOutput).Assembly.GetCustomAttributes(typeof(System.Reflection.AssemblyInformationalVersionAttribute), false) is [System.Reflection.AssemblyInformationalVersionAttribute v, ..]
            ? v.InformationalVersion
            : "unknown";
}
