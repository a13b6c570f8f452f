using TorchSharp;

namespace EdgePose.Train.Torch;

/// <summary>
/// The device the trainer runs on, from an Ultralytics-style <c>device</c> argument: <c>cpu</c>, <c>cuda</c>,
/// <c>cuda:N</c> or a bare GPU index <c>N</c>. Empty picks the GPU when the TorchSharp build has CUDA
/// (TorchSharp-cuda-linux, see docs/training.md), else the CPU. The same code runs on either package.
/// </summary>
internal static class TrainingDevice
{
    /// <summary>The device, or an error naming the argument when it is malformed or names a GPU that is absent.</summary>
    public static (torch.Device? Device, string? Error) Resolve(string? argument, Func<bool>? cudaAvailable = null, Func<int>? cudaCount = null)
    {
        cudaAvailable ??= torch.cuda.is_available;
        cudaCount ??= torch.cuda.device_count;
        var arg = (argument ?? string.Empty).Trim().ToLowerInvariant();
        if (arg.Length == 0)
        {
            return (cudaAvailable() ? new torch.Device(DeviceType.CUDA, 0) : new torch.Device(DeviceType.CPU), null);
        }

        if (arg == "cpu")
        {
            return (new torch.Device(DeviceType.CPU), null);
        }

        var index = 0;
        var rest = arg.StartsWith("cuda", StringComparison.Ordinal) ? arg[4..] : ":" + arg;
        if (rest.Length > 0 && (rest[0] != ':' || !int.TryParse(rest[1..], out index) || index < 0))
        {
            return (null, $"device '{argument}' is not cpu, cuda, cuda:N or a GPU index");
        }

        if (!cudaAvailable())
        {
            return (null, $"device '{argument}' asks for a GPU, but this TorchSharp build has no CUDA (build with -p:EdgePoseTorchPackage=TorchSharp-cuda-linux; see docs/training.md)");
        }

        if (index >= cudaCount())
        {
            return (null, $"device '{argument}': GPU {index} does not exist ({cudaCount()} found)");
        }

        return (new torch.Device(DeviceType.CUDA, index), null);
    }
}
