using System.Runtime.InteropServices;

namespace EdgePose.Host.Tests.Support;

/// <summary>A fact for machines that are not a Jetson (aarch64 with /etc/nv_tegra_release); skipped on one.</summary>
[AttributeUsage(AttributeTargets.Method)]
internal sealed class OffJetsonFactAttribute : FactAttribute
{
    public OffJetsonFactAttribute()
    {
        Skip = IsJetson ? "this is a Jetson" : null;
    }

    public static bool IsJetson => RuntimeInformation.OSArchitecture == Architecture.Arm64 && File.Exists("/etc/nv_tegra_release");
}
