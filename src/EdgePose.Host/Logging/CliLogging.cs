using Serilog;
using Serilog.Core;
using Serilog.Events;

namespace EdgePose.Host.Logging;

/// <summary>Serilog for the command line: human-readable lines on stderr, so stdout carries only results.</summary>
public static class CliLogging
{
    public static Logger Create(bool verbose = false) =>
        new LoggerConfiguration()
            .MinimumLevel.Is(verbose ? LogEventLevel.Debug : LogEventLevel.Information)
            .WriteTo.Console(
                outputTemplate: "[{Timestamp:HH:mm:ss} {Level:u3}] {Message:lj}{NewLine}{Exception}",
                standardErrorFromLevel: LogEventLevel.Verbose,
                formatProvider: System.Globalization.CultureInfo.InvariantCulture)
            .CreateLogger();
}
