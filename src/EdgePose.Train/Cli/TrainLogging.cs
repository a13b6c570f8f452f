using Serilog;
using Serilog.Core;
using Serilog.Events;
using Serilog.Formatting.Display;

namespace EdgePose.Train.Cli;

/// <summary>
/// The log of edgepose-train: progress and notes on stderr (results go to stdout), through Serilog.
/// The console gets the coloured console sink; any other writer (tests) gets plain lines.
/// </summary>
public static class TrainLogging
{
    private const string Template = "[{Timestamp:HH:mm:ss} {Level:u3}] {Message:lj}{NewLine}{Exception}";

    public static Logger Create(TextWriter? stderr, LogEventLevel minimum = LogEventLevel.Information)
    {
        var config = new LoggerConfiguration().MinimumLevel.Is(minimum);
        return stderr is null
            ? config.WriteTo.Console(outputTemplate: Template, standardErrorFromLevel: LogEventLevel.Verbose, formatProvider: System.Globalization.CultureInfo.InvariantCulture).CreateLogger()
            : config.WriteTo.Sink(new TextWriterSink(stderr, new MessageTemplateTextFormatter(Template, System.Globalization.CultureInfo.InvariantCulture))).CreateLogger();
    }
}
