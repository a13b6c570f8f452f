using Serilog.Core;
using Serilog.Events;
using Serilog.Formatting;

namespace EdgePose.Cli;

/// <summary>A Serilog sink writing rendered events to a <see cref="TextWriter"/> (the stderr a test hands in).</summary>
internal sealed class TextWriterSink(TextWriter writer, ITextFormatter formatter) : ILogEventSink
{
    private readonly Lock _gate = new();

    public void Emit(LogEvent logEvent)
    {
        lock (_gate)
        {
            formatter.Format(logEvent, writer);
            writer.Flush();
        }
    }
}
