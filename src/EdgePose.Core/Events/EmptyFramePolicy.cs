using System.Globalization;
using EdgePose.Core.Errors;

namespace EdgePose.Core.Events;

/// <summary>
/// The policy for frames with no person: send every one, skip them, or send one as a heartbeat when the source
/// has been silent for <see cref="Interval"/>. Frames with persons are always sent.
/// Written in configuration as "always", "skip" or "heartbeat:SECONDS" (e.g. "heartbeat:5").
/// </summary>
public readonly record struct EmptyFramePolicy(EmptyFrameMode Mode, TimeSpan Interval)
{
    /// <summary>Every frame gets an event.</summary>
    public static EmptyFramePolicy Always => new(EmptyFrameMode.Always, TimeSpan.Zero);

    /// <summary>Frames with no person get none.</summary>
    public static EmptyFramePolicy Skip => new(EmptyFrameMode.Skip, TimeSpan.Zero);

    /// <summary>An empty frame is sent when its source sent nothing for <paramref name="interval"/> (more than zero).</summary>
    public static EmptyFramePolicy Heartbeat(TimeSpan interval)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(interval, TimeSpan.Zero);
        return new(EmptyFrameMode.Heartbeat, interval);
    }

    /// <summary>Reads "always", "skip" or "heartbeat:SECONDS"; anything else is an error naming <paramref name="what"/>.</summary>
    public static EmptyFramePolicy Parse(string text, string what = "empty-frames")
    {
        var t = text.Trim();
        if (t.Equals("always", StringComparison.OrdinalIgnoreCase))
        {
            return Always;
        }

        if (t.Equals("skip", StringComparison.OrdinalIgnoreCase))
        {
            return Skip;
        }

        const string prefix = "heartbeat:";
        if (t.StartsWith(prefix, StringComparison.OrdinalIgnoreCase)
            && double.TryParse(t.AsSpan(prefix.Length), NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds)
            && seconds > 0 && seconds <= TimeSpan.MaxValue.TotalSeconds / 2)
        {
            return Heartbeat(TimeSpan.FromSeconds(seconds));
        }

        throw new InputException($"{what} '{text}' is not 'always', 'skip' or 'heartbeat:SECONDS' (seconds more than 0)");
    }

    public override string ToString() => Mode switch
    {
        EmptyFrameMode.Heartbeat => string.Create(CultureInfo.InvariantCulture, $"heartbeat:{Interval.TotalSeconds:0.###}"),
        EmptyFrameMode.Skip => "skip",
        _ => "always",
    };
}
