using System.Runtime.InteropServices;

namespace EdgePose.Train.Torch;

/// <summary>
/// LibTorch's own log level, set before LibTorch loads: warnings such as "Could not initialize NNPACK!
/// Reason: Unsupported hardware." (printed once per convolution on CPUs without the instructions NNPACK
/// wants) would otherwise flood stderr. An explicit TORCH_CPP_LOG_LEVEL in the environment wins.
/// </summary>
internal static class TorchLogLevel
{
    public static void QuietUnlessSet()
    {
        if (!OperatingSystem.IsLinux() || Environment.GetEnvironmentVariable("TORCH_CPP_LOG_LEVEL") is { Length: > 0 })
        {
            return;
        }

        // The native environment, which LibTorch reads (Environment.SetEnvironmentVariable does not reach it on Linux).
        _ = SetEnv("TORCH_CPP_LOG_LEVEL", "ERROR", 1);
    }

    [DllImport("libc", EntryPoint = "setenv", CharSet = CharSet.Ansi, BestFitMapping = false)]
    private static extern int SetEnv(string name, string value, int overwrite);
}
