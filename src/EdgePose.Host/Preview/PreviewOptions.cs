using System.Globalization;
using System.Net;
using EdgePose.Core.Errors;

namespace EdgePose.Host.Preview;

/// <summary>
/// Settings of the MJPEG preview (<see cref="PreviewServer"/>). The defaults serve on 127.0.0.1 only: reach it
/// from another machine through SSH port forwarding, or bind elsewhere on purpose.
/// </summary>
public sealed record PreviewOptions
{
    /// <summary>Address to listen on: an IP address ("127.0.0.1", "0.0.0.0", "::") or "localhost".</summary>
    public string Address { get; init; } = "127.0.0.1";

    /// <summary>TCP port; 0 picks a free one (read <see cref="PreviewServer.Url"/>).</summary>
    public int Port { get; init; } = 8090;

    /// <summary>Most JPEGs made per second per source (only while someone watches it).</summary>
    public double MaxFps { get; init; } = 10;

    /// <summary>JPEG quality, 1..100.</summary>
    public int JpegQuality { get; init; } = 75;

    /// <summary>Frames wider than this are scaled down (keeping the aspect ratio) before drawing and encoding.</summary>
    public int MaxWidth { get; init; } = 960;

    /// <summary>Keypoints scoring below this are not drawn.</summary>
    public float KeypointThreshold { get; init; } = 0.5f;

    /// <summary>How long /snapshot waits for a fresh frame before it answers with the last one it has.</summary>
    public TimeSpan SnapshotTimeout { get; init; } = TimeSpan.FromSeconds(3);

    /// <summary>Throws an <see cref="InputException"/> naming the first bad setting.</summary>
    public PreviewOptions Validated()
    {
        if (ParseAddress(Address) is null)
        {
            throw new InputException($"preview address '{Address}' is not an IP address or 'localhost'");
        }

        Check(Port is >= 0 and <= 65535, "port", Port, "0..65535 (0 picks a free port)");
        Check(MaxFps is > 0 and <= 60 && double.IsFinite(MaxFps), "max fps", MaxFps, "above 0 and at most 60");
        Check(JpegQuality is >= 1 and <= 100, "JPEG quality", JpegQuality, "1..100");
        Check(MaxWidth is >= 64 and <= 7680, "max width", MaxWidth, "64..7680");
        Check(KeypointThreshold is >= 0 and <= 1, "keypoint threshold", KeypointThreshold, "0..1");
        Check(SnapshotTimeout > TimeSpan.Zero && SnapshotTimeout <= TimeSpan.FromMinutes(1), "snapshot timeout", SnapshotTimeout.TotalSeconds, "above 0 s and at most 60 s");
        return this;
    }

    /// <summary>The address to bind, or null when <paramref name="text"/> is not one.</summary>
    internal static IPAddress? ParseAddress(string text) =>
        string.Equals(text, "localhost", StringComparison.OrdinalIgnoreCase) ? IPAddress.Loopback
        : IPAddress.TryParse(text, out var ip) ? ip
        : null;

    private static void Check(bool ok, string what, object value, string range)
    {
        if (!ok)
        {
            throw new InputException(string.Create(CultureInfo.InvariantCulture, $"preview {what} {value} is out of range: expected {range}"));
        }
    }
}
