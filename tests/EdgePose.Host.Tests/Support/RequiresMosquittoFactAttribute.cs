using EdgePose.Host.Tests.Sinks.Mqtt;
using EdgePose.Native.GStreamer;
using EdgePose.Tests;

namespace EdgePose.Host.Tests.Support;

/// <summary>
/// A fact that needs Debian's mosquitto (and mosquitto_passwd), with <paramref name="clients"/> also
/// mosquitto-clients (mosquitto_sub), and with <paramref name="pipelineSharedPaths"/> GStreamer and those files of
/// ../shared (an `edgepose run`); skipped with the reason when any is missing.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
internal sealed class RequiresMosquittoFactAttribute : FactAttribute
{
    public RequiresMosquittoFactAttribute(bool clients = false, params string[] pipelineSharedPaths)
    {
        Skip = !File.Exists(MosquittoBroker.Executable) || !File.Exists(MosquittoBroker.PasswdExecutable) ? "Debian mosquitto is not installed (scripts/setup.sh installs it)"
            : clients && !File.Exists(MosquittoSub.Executable) ? "Debian mosquitto-clients is not installed (scripts/setup.sh installs it)"
            : pipelineSharedPaths.Length == 0 ? null
            : !GStreamerRuntime.IsAvailable(out var reason) ? reason
            : SkipReasons.MissingShared(pipelineSharedPaths);
    }
}
