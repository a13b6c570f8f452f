using EdgePose.Cli.Files;
using EdgePose.Core.Events;
using EdgePose.Core.Pipeline;

namespace EdgePose.Host.Sinks;

/// <summary>
/// Writes each result as one v1 pose event line (JSON Lines, docs/events.md) to a file or, for "-", to standard
/// output. The file is created under a temporary name and renamed onto its real name at once (through
/// <see cref="PendingFile"/>: an old file or a link there is replaced, never written through), then grows line
/// by line while the run goes, so it can be followed live. Each line goes out in one unbuffered write, so a crash
/// leaves only whole lines. <see cref="CompleteAsync"/> flushes to disk and closes.
/// </summary>
public sealed class JsonLinesSink : IPoseSink
{
    /// <summary>The path that means standard output.</summary>
    public const string StandardOutputPath = "-";

    private const string What = "events file";
    private readonly PoseEventWriter _events;
    private readonly FileStream? _file;
    private readonly Stream _output;
    private bool _closed;

    /// <summary>
    /// Opens <paramref name="path"/> ("-" for standard output) for the events of a run; the folder must exist. A path
    /// that cannot be written is an <see cref="Core.Errors.InputException"/> naming it, thrown here, before the run.
    /// </summary>
    /// <param name="path">The .jsonl file to create (an existing one is replaced), or "-".</param>
    /// <param name="events">Device and model ids and the policy for frames with no person.</param>
    /// <param name="standardOutput">Where "-" writes (default: the process's standard output); not closed by the sink.</param>
    public JsonLinesSink(string path, PoseEventOptions events, Stream? standardOutput = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        _events = new PoseEventWriter(events);
        Path = path;
        if (path == StandardOutputPath)
        {
            _output = standardOutput ?? Console.OpenStandardOutput();
            return;
        }

        var full = SinkPaths.RequireWritableFile(path, What);
        using var pending = PendingFile.For(full);
        try
        {
            // bufferSize 0: every line is one write() of its own, never split by a buffer boundary.
            _file = new FileStream(pending.TempPath, FileMode.CreateNew, FileAccess.Write, FileShare.Read, bufferSize: 0);
            pending.Commit();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            _file?.Dispose();
            throw SinkPaths.OpenFailed(path, What, e);
        }

        _output = _file;
    }

    public string Name => "jsonl";

    public bool NeedsPixels => false;

    /// <summary>Where the events go, as given ("-" for standard output).</summary>
    public string Path { get; }

    /// <summary>Lines written.</summary>
    public long Written => _events.Written;

    /// <summary>Frames with no person left out by the empty-frame policy.</summary>
    public long Skipped => _events.Skipped;

    public async ValueTask WriteAsync(FrameResult result, CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(_closed, this);
        var line = _events.Write(result, newLine: true);
        if (!line.IsEmpty)
        {
            await _output.WriteAsync(line, cancellationToken).ConfigureAwait(false);
        }
    }

    public async ValueTask CompleteAsync(CancellationToken cancellationToken)
    {
        if (_closed)
        {
            return;
        }

        await _output.FlushAsync(cancellationToken).ConfigureAwait(false);
        _file?.Flush(flushToDisk: true);
        await DisposeAsync().ConfigureAwait(false);
    }

    public async ValueTask DisposeAsync()
    {
        if (_closed)
        {
            return;
        }

        _closed = true;
        if (_file is not null)
        {
            await _file.DisposeAsync().ConfigureAwait(false);
        }
        else
        {
            await _output.FlushAsync(CancellationToken.None).ConfigureAwait(false);
        }

        _events.Dispose();
    }
}
