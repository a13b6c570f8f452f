using System.Runtime.InteropServices;
using EdgePose.Core.Errors;

namespace EdgePose.Cli;

/// <summary>
/// SIGINT (Ctrl+C) and SIGTERM as a cancellation: the first signal cancels <see cref="Token"/> so the command
/// finishes what is open (closes a video, flushes JSON Lines) and ends with "cancelled"; the process then exits
/// 130 for SIGINT, 143 for SIGTERM. A second signal ends the process at once.
/// </summary>
public sealed class CancelSignals : IDisposable
{
    private readonly CancellationTokenSource _cts = new();
    private readonly PosixSignalRegistration[] _registrations;
    private int _signalExitCode;

    public CancelSignals()
    {
        _registrations =
        [
            PosixSignalRegistration.Create(PosixSignal.SIGINT, OnSignal),
            PosixSignalRegistration.Create(PosixSignal.SIGTERM, OnSignal),
        ];
    }

    public CancellationToken Token => _cts.Token;

    /// <summary>The exit code for a command's <paramref name="code"/>: a cancelled run exits with its signal's conventional code.</summary>
    public int ExitCodeFor(int code) =>
        code == ExitCodes.Cancelled && Volatile.Read(ref _signalExitCode) is int s and not 0 ? s : code;

    private void OnSignal(PosixSignalContext context)
    {
        int code = context.Signal == PosixSignal.SIGTERM ? ExitCodes.Terminated : ExitCodes.Cancelled;
        if (Interlocked.CompareExchange(ref _signalExitCode, code, 0) != 0)
        {
            // A second signal: let the default action end the process now.
            context.Cancel = false;
            return;
        }

        context.Cancel = true;
        _cts.Cancel();
    }

    public void Dispose()
    {
        foreach (var r in _registrations)
        {
            r.Dispose();
        }

        _cts.Dispose();
    }
}
