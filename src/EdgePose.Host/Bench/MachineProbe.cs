using System.Runtime.InteropServices;
using EdgePose.Core.Benchmarking;
using EdgePose.Native.Cuda;

namespace EdgePose.Host.Bench;

/// <summary>
/// Describes this machine for a benchmark report: CPU model (from /proc/cpuinfo, or the device tree's model on
/// boards such as Jetson), cores, OS, .NET, the GPU where CUDA finds one, and the Jetson power mode where
/// nvpmodel records it.
/// </summary>
internal static class MachineProbe
{
    public static BenchMachine Describe()
    {
        return new BenchMachine(
            Environment.MachineName,
            RuntimeInformation.OSDescription,
            RuntimeInformation.OSArchitecture.ToString().ToLowerInvariant(),
            Cpu(),
            Environment.ProcessorCount,
            Environment.Version.ToString())
        {
            Gpu = Gpu(),
            PowerMode = PowerMode(),
        };
    }

    private static string Cpu()
    {
        var model = ReadFirst("/proc/cpuinfo", "model name") ?? ReadFirst("/proc/cpuinfo", "Hardware");
        var board = TryRead("/proc/device-tree/model")?.TrimEnd('\0', '\n');
        return (model, board) switch
        {
            (not null, not null) => $"{model} on {board}",
            (not null, null) => model,
            (null, not null) => board,
            _ => RuntimeInformation.ProcessArchitecture.ToString(),
        };
    }

    private static string? Gpu()
    {
        if (!CudaDriver.TryInitialize(out _))
        {
            return null;
        }

        try
        {
            var device = CudaDevice.Get(0);
            return $"{device.Name} (sm_{device.ComputeCapability.Major}{device.ComputeCapability.Minor}), CUDA driver {CudaDriver.DriverVersion / 1000}.{CudaDriver.DriverVersion % 1000 / 10}";
        }
        catch (CudaException)
        {
            return null;
        }
    }

    /// <summary>The nvpmodel mode number Jetson records (e.g. "0"), where it does.</summary>
    private static string? PowerMode()
    {
        var status = TryRead("/var/lib/nvpmodel/status");
        if (status is null)
        {
            return null;
        }

        var pmode = status.Split([' ', '\n'], StringSplitOptions.RemoveEmptyEntries).FirstOrDefault(s => s.StartsWith("pmode:", StringComparison.Ordinal));
        return pmode is null ? status.Trim() : pmode["pmode:".Length..].TrimStart('0') is { Length: > 0 } n ? n : "0";
    }

    private static string? ReadFirst(string path, string key)
    {
        var text = TryRead(path);
        if (text is null)
        {
            return null;
        }

        foreach (var line in text.Split('\n'))
        {
            int colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon > 0 && line[..colon].Trim() == key)
            {
                return line[(colon + 1)..].Trim();
            }
        }

        return null;
    }

    private static string? TryRead(string path)
    {
        try
        {
            return File.Exists(path) ? File.ReadAllText(path) : null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }
}
