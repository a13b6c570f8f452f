using System.Text.Json;
using System.Text.Json.Serialization;
using EdgePose.Core.Benchmarking;
using EdgePose.Core.Errors;

namespace EdgePose.Host.Bench;

/// <summary>Reads and writes <see cref="BenchReport"/> JSON (indented, camelCase); a file that is not a report is refused naming it.</summary>
public static class BenchReportJson
{
    public static void Write(BenchReport report, string path) =>
        File.WriteAllText(path, JsonSerializer.Serialize(report, BenchJsonContext.Default.BenchReport));

    public static BenchReport Read(string path)
    {
        string text = File.ReadAllText(EdgePose.Cli.Files.InputFile.Require(path, "baseline"));
        try
        {
            var report = JsonSerializer.Deserialize(text, BenchJsonContext.Default.BenchReport);
            if (report is null || report.Results is null || report.Machine is null)
            {
                throw new InputException($"baseline '{path}' is not an edgepose bench report (no results)");
            }

            return report;
        }
        catch (JsonException e)
        {
            throw new InputException($"baseline '{path}' is not an edgepose bench report: {e.Message}");
        }
    }
}

[JsonSourceGenerationOptions(WriteIndented = true, PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals)]
[JsonSerializable(typeof(BenchReport))]
internal sealed partial class BenchJsonContext : JsonSerializerContext;
