using System.Globalization;

namespace EdgePose.Host.Bench;

/// <summary>
/// The Jetson's own load and power readings from sysfs, where they exist: GPU load (gpu.0/load, in tenths of a
/// percent) and the board's input power (the INA3221 channel labelled VDD_IN: millivolts × milliamps). Elsewhere
/// every reading is null. Written from NVIDIA's documented sysfs layout; not yet run on a Jetson.
/// </summary>
internal sealed class JetsonSensors
{
    private static readonly string[] s_gpuLoadFiles = ["/sys/devices/gpu.0/load", "/sys/devices/platform/gpu.0/load", "/sys/devices/platform/bus@0/17000000.gpu/load"];

    private readonly string? _gpuLoad = s_gpuLoadFiles.FirstOrDefault(File.Exists);
    private readonly (string Volts, string Amps)? _input = FindInputRail();

    public bool HasAny => _gpuLoad is not null || _input is not null;

    /// <summary>GPU load in percent now, or null.</summary>
    public double? GpuLoadPercent() => _gpuLoad is null ? null : ReadNumber(_gpuLoad) / 10;

    /// <summary>Board input power in watts now, or null.</summary>
    public double? PowerWatts() =>
        _input is { } rail && ReadNumber(rail.Volts) is { } mv && ReadNumber(rail.Amps) is { } ma ? mv * ma / 1e6 : null;

    private static (string, string)? FindInputRail()
    {
        const string drivers = "/sys/bus/i2c/drivers/ina3221";
        if (!Directory.Exists(drivers))
        {
            return null;
        }

        foreach (var label in Directory.EnumerateFiles(drivers, "in*_label", new EnumerationOptions { RecurseSubdirectories = true, MaxRecursionDepth = 4 }))
        {
            if (File.ReadAllText(label).Trim() == "VDD_IN")
            {
                string channel = Path.GetFileName(label)["in".Length..^"_label".Length];
                string dir = Path.GetDirectoryName(label)!;
                return (Path.Combine(dir, $"in{channel}_input"), Path.Combine(dir, $"curr{channel}_input"));
            }
        }

        return null;
    }

    private static double? ReadNumber(string path)
    {
        try
        {
            return double.TryParse(File.ReadAllText(path).Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var v) ? v : null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }
}
