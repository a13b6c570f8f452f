using System.Buffers;
using System.IO.Pipelines;
using System.Text.Unicode;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace EdgePose.Host.Preview;

/// <summary>
/// Streams one source to one client as multipart/x-mixed-replace (MJPEG, what browsers show in an img tag):
/// the latest JPEG at once (or a "waiting for frames" one), then each new one as it is published, and the
/// last one again after a second without one. The client is counted as a watcher while
/// connected. A slow client only skips JPEGs (it always gets the latest); one that stops reading is dropped by
/// Kestrel's minimum data rate, and leaving or a server stop ends the loop.
/// </summary>
internal static class MjpegResponse
{
    public const string Boundary = "edgeposeframe";

    /// <summary>
    /// How long a stream stays quiet before the last JPEG goes out again: a source that stalled or ended still
    /// shows (browsers, headless ones too, wait for the next part), proxies see traffic, a gone client is noticed.
    /// </summary>
    private static readonly TimeSpan s_repeat = TimeSpan.FromSeconds(1);

    private static readonly Action<PipeWriter, int> s_partHeader = WritePartHeader;

    /// <summary>
    /// Ends each part (and opens the next): browsers show a part only once they see the boundary after it, so
    /// it goes out with the JPEG rather than before the next one, which may come much later or never.
    /// </summary>
    private static readonly byte[] s_boundary = System.Text.Encoding.ASCII.GetBytes("\r\n--" + Boundary + "\r\n");

    /// <param name="waiting">The JPEG sent first while the source has none (<see cref="WaitingImage"/>).</param>
    public static async Task StreamAsync(HttpContext context, SourcePreview preview, byte[] waiting, CancellationToken stop)
    {
        var response = context.Response;
        response.ContentType = "multipart/x-mixed-replace; boundary=" + Boundary;
        response.Headers.CacheControl = "no-cache, no-store, must-revalidate";
        response.Headers.Pragma = "no-cache";
        context.Features.Get<IHttpResponseBodyFeature>()?.DisableBuffering();
        using var watch = preview.StartWatching();
        using var done = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, stop);
        var token = done.Token;
        try
        {
            await response.StartAsync(token).ConfigureAwait(false);
            var writer = response.BodyWriter;
            writer.Write(s_boundary);
            while (true)
            {
                // A new JPEG; or, after a quiet while, the last one (or the waiting one) again.
                long seen = preview.WriteLatest(writer, s_partHeader, s_boundary);
                if (seen == 0)
                {
                    WritePartHeader(writer, waiting.Length);
                    writer.Write(waiting);
                    writer.Write(s_boundary);
                }

                var flushed = await writer.FlushAsync(token).ConfigureAwait(false);
                if (flushed.IsCompleted || flushed.IsCanceled)
                {
                    return;
                }

                await preview.WaitNewerAsync(seen, s_repeat, token).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (token.IsCancellationRequested)
        {
            // The client left or the server stops.
        }
    }

    /// <summary>The part headers of a JPEG of <paramref name="length"/> bytes (the boundary went out before), formatted in place.</summary>
    private static void WritePartHeader(PipeWriter writer, int length)
    {
        if (!Utf8.TryWrite(writer.GetSpan(128), $"Content-Type: image/jpeg\r\nContent-Length: {length}\r\n\r\n", out int written))
        {
            throw new InvalidOperationException("MJPEG part header does not fit its buffer");
        }

        writer.Advance(written);
    }
}
