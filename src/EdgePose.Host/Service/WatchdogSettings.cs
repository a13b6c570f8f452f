using System.Globalization;

namespace EdgePose.Host.Service;

/// <summary>
/// The watchdog systemd asks for: WATCHDOG_USEC (the unit's WatchdogSec) and WATCHDOG_PID (when set, only that
/// process is meant). EdgePose checks progress and pings every half of it, as sd_watchdog_enabled(3) advises.
/// </summary>
public static class WatchdogSettings
{
    /// <summary>The watchdog timeout this process must ping within, or null when systemd asked for none.</summary>
    public static TimeSpan? Timeout(Func<string, string?>? environment = null)
    {
        environment ??= Environment.GetEnvironmentVariable;
        if (!long.TryParse(environment("WATCHDOG_USEC"), NumberStyles.None, CultureInfo.InvariantCulture, out var usec) || usec <= 0)
        {
            return null;
        }

        if (environment("WATCHDOG_PID") is { Length: > 0 } pid && pid != Environment.ProcessId.ToString(CultureInfo.InvariantCulture))
        {
            return null;
        }

        return TimeSpan.FromMicroseconds(usec);
    }
}
