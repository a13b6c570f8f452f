using System.Buffers;
using System.IO.Pipelines;
using System.Text.Unicode;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace EdgePose.Host.Preview;

/// <summary>
/// Streams one source to one client as multipart/x-mixed-replace (MJPEG, what browsers show in an img tag):
/// the latest JPEG at once, then each new one as it is published. The client is counted as a watcher while
/// connected. A slow client only skips JPEGs (it always gets the latest); one that stops reading is dropped by
/// Kestrel's minimum data rate, and leaving or a server stop ends the loop.
/// </summary>
internal static class MjpegResponse
{
    public const string Boundary = "edgeposeframe";

    /// <summary>How long a client waits for a frame before the loop checks again (an ended source sends none).</summary>
    private static readonly TimeSpan s_wait = TimeSpan.FromSeconds(5);

    private static readonly Action<PipeWriter, int> s_partHeader = WritePartHeader;

    public static async Task StreamAsync(HttpContext context, SourcePreview preview, CancellationToken stop)
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
            long seen = 0;
            while (!token.IsCancellationRequested)
            {
                if (!await preview.WaitNewerAsync(seen, s_wait, token).ConfigureAwait(false))
                {
                    continue;
                }

                seen = preview.WriteLatest(response.BodyWriter, s_partHeader, "\r\n"u8);
                var flushed = await response.BodyWriter.FlushAsync(token).ConfigureAwait(false);
                if (flushed.IsCompleted || flushed.IsCanceled)
                {
                    return;
                }
            }
        }
        catch (OperationCanceledException) when (token.IsCancellationRequested)
        {
            // The client left or the server stops.
        }
    }

    /// <summary>The boundary and part headers of a JPEG of <paramref name="length"/> bytes, formatted in place.</summary>
    private static void WritePartHeader(PipeWriter writer, int length)
    {
        if (!Utf8.TryWrite(writer.GetSpan(128), $"--{Boundary}\r\nContent-Type: image/jpeg\r\nContent-Length: {length}\r\n\r\n", out int written))
        {
            throw new InvalidOperationException("MJPEG part header does not fit its buffer");
        }

        writer.Advance(written);
    }
}
