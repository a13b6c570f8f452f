using System.Net;
using System.Text;
using System.Text.Json;
using EdgePose.Core.Errors;
using EdgePose.Core.Meta;
using EdgePose.Host.Preview;
using EdgePose.Native.OpenCv;
using OpenCvSharp;

namespace EdgePose.Host.Tests.Preview;

public sealed class PreviewServerTests
{
    [Fact]
    public async Task Snapshot_is_a_jpeg_of_the_frame_scaled_to_the_maximum_width()
    {
        await using var preview = await PreviewTestServer.StartAsync();

        using var door = await SnapshotAsync(preview, "door");
        using var yard = await SnapshotAsync(preview, "yard");

        Assert.Equal((640, 480), (door.Cols, door.Rows));
        Assert.Equal((960, 540), (yard.Cols, yard.Rows));
    }

    [Fact]
    public async Task Snapshot_shows_the_poses_drawn_inside_the_persons_box()
    {
        await using var preview = await PreviewTestServer.StartAsync();
        using var plain = PreviewFeeder.TestImage(640, 480);
        var person = PreviewFeeder.OnePerson(640, 480).Box(0).ToArray();

        using var shot = await SnapshotAsync(preview, "door");

        // Pixels the overlay changed (JPEG noise stays well under the threshold).
        using var diff = new Mat();
        Cv2.Absdiff(shot, plain, diff);
        int inside = 0, outside = 0, rows = diff.Rows, cols = diff.Cols;
        for (int y = 0; y < rows; y++)
        {
            var row = diff.BgrRow(y);
            for (int x = 0; x < cols; x++)
            {
                if (row[3 * x] + row[(3 * x) + 1] + row[(3 * x) + 2] > 150)
                {
                    bool inBox = x >= person[0] - 8 && x <= person[2] + 8 && y >= person[1] - 30 && y <= person[3] + 8;
                    _ = inBox ? inside++ : outside++;
                }
            }
        }

        Assert.True(inside > 1000, $"only {inside} pixels changed inside the person's box");
        Assert.True(outside < inside / 20, $"{outside} pixels changed outside the person's box against {inside} inside");
    }

    [Fact]
    public async Task Stream_sends_multipart_jpeg_frames()
    {
        await using var preview = await PreviewTestServer.StartAsync();
        using var response = await preview.Client.GetAsync("stream/yard", HttpCompletionOption.ResponseHeadersRead);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("multipart/x-mixed-replace", response.Content.Headers.ContentType?.MediaType);
        var boundary = response.Content.Headers.ContentType?.Parameters.Single(p => p.Name == "boundary").Value;
        await using var body = await response.Content.ReadAsStreamAsync();
        var reader = new MultipartReader(body, boundary!);
        int frames = 0;
        for (int i = 0; i < 10 && frames < 3; i++)
        {
            var (headers, jpeg) = await reader.NextAsync();
            Assert.Contains("Content-Type: image/jpeg", headers, StringComparison.Ordinal);
            Assert.Equal([0xFF, 0xD8, 0xFF], jpeg[..3]);
            Assert.Equal([0xFF, 0xD9], jpeg[^2..]);
            using var image = ImageCodec.Decode(jpeg, "part");
            // The first part may be the waiting image (640x480), sent before the first frame is encoded.
            frames += (image.Cols, image.Rows) == (960, 540) ? 1 : 0;
        }

        Assert.Equal(3, frames);
    }

    [Fact]
    public async Task Stream_of_a_source_without_frames_shows_the_waiting_image_again_and_again()
    {
        using var down = new Mat();
        await using var preview = await PreviewTestServer.StartAsync(null, [("gate", down)]);
        using var response = await preview.Client.GetAsync("stream/gate", HttpCompletionOption.ResponseHeadersRead);
        var reader = new MultipartReader(await response.Content.ReadAsStreamAsync(), MjpegResponse.Boundary);

        var watch = System.Diagnostics.Stopwatch.StartNew();
        var first = (await reader.NextAsync()).Body;
        var second = (await reader.NextAsync()).Body;

        Assert.Equal(first, second);
        Assert.InRange(watch.Elapsed.TotalSeconds, 0.5, 5);
        using var image = ImageCodec.Decode(first, "waiting");
        Assert.Equal((640, 480), (image.Cols, image.Rows));
        using var snapshot = await preview.Client.GetAsync("snapshot/gate.jpg");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, snapshot.StatusCode);
        Assert.StartsWith("error: source 'gate' has no frame yet", await snapshot.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Status_lists_every_source_with_its_counters_and_no_credentials()
    {
        await using var preview = await PreviewTestServer.StartAsync();

        string text = await preview.Client.GetStringAsync("status");
        using var json = JsonDocument.Parse(text);

        var sources = json.RootElement.GetProperty("sources").EnumerateArray().ToArray();
        Assert.Equal(["door", "yard"], sources.Select(s => s.GetProperty("id").GetString()));
        Assert.All(sources, s => Assert.Equal("connecting", s.GetProperty("state").GetString()));
        Assert.All(sources, s => Assert.True(s.GetProperty("live").GetBoolean()));
        Assert.Equal(1, sources[0].GetProperty("persons").GetInt32());
        Assert.DoesNotContain("secret", text, StringComparison.Ordinal);
        Assert.Contains("10.0.0.1/door", sources[0].GetProperty("uri").GetString(), StringComparison.Ordinal);
        foreach (var field in new[] { "fps", "frames", "persons", "dropped", "inference_busy", "elapsed_s" })
        {
            Assert.True(json.RootElement.TryGetProperty(field, out _), $"status lacks '{field}'");
        }
    }

    [Theory]
    [InlineData("stream/gate")]
    [InlineData("snapshot/gate.jpg")]
    public async Task Unknown_source_is_404_naming_it_and_the_known_ones(string path)
    {
        await using var preview = await PreviewTestServer.StartAsync();

        using var response = await preview.Client.GetAsync(path);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        string text = await response.Content.ReadAsStringAsync();
        Assert.StartsWith("error: no source 'gate'", text, StringComparison.Ordinal);
        Assert.Contains("door, yard", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unknown_path_is_404_with_the_routes()
    {
        await using var preview = await PreviewTestServer.StartAsync();

        using var response = await preview.Client.GetAsync("streams");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.StartsWith("error: nothing at '/streams'", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Index_page_has_a_stream_and_a_label_per_source()
    {
        await using var preview = await PreviewTestServer.StartAsync();

        string html = await preview.Client.GetStringAsync("");

        Assert.Contains("<img src=\"/stream/door\"", html, StringComparison.Ordinal);
        Assert.Contains("<img src=\"/stream/yard\"", html, StringComparison.Ordinal);
        Assert.Contains("title=\"door\">door</span>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("http://", html.Replace("http://www.w3.org", "", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.DoesNotContain("https://", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Source_ids_are_escaped_in_the_page_and_found_in_urls()
    {
        var sources = new[] { ("<b>porch & gate</b>", PreviewFeeder.TestImage(320, 240)) };
        await using var preview = await PreviewTestServer.StartAsync(new PreviewOptions { Port = 0, MaxFps = 30 }, sources);

        string html = await preview.Client.GetStringAsync("");
        using var shot = await SnapshotAsync(preview, Uri.EscapeDataString("<b>porch & gate</b>"));

        Assert.DoesNotContain("<b>porch", html, StringComparison.Ordinal);
        Assert.Contains("&lt;b&gt;porch &amp; gate&lt;/b&gt;", html, StringComparison.Ordinal);
        Assert.Equal(320, shot.Cols);
    }

    [Fact]
    public async Task Nothing_is_encoded_while_nobody_watches()
    {
        await using var preview = await PreviewTestServer.StartAsync();
        await Task.Delay(300);
        Assert.Equal(0, preview.Server.Sink.Encoded);

        using (await SnapshotAsync(preview, "door"))
        {
        }

        await Task.Delay(200);
        long afterSnapshot = preview.Server.Sink.Encoded;
        await Task.Delay(500);

        Assert.InRange(afterSnapshot, 1, 10);
        Assert.Equal(afterSnapshot, preview.Server.Sink.Encoded);
    }

    [Fact]
    public async Task A_client_that_leaves_stops_being_watched()
    {
        await using var preview = await PreviewTestServer.StartAsync();
        var response = await preview.Client.GetAsync("stream/door", HttpCompletionOption.ResponseHeadersRead);
        var body = await response.Content.ReadAsStreamAsync();
        await new MultipartReader(body, MjpegResponse.Boundary).NextAsync();
        Assert.Equal(1, await WatchersAsync(preview, "door"));

        await body.DisposeAsync();
        response.Dispose();

        var until = DateTime.UtcNow.AddSeconds(10);
        while (await WatchersAsync(preview, "door") != 0 && DateTime.UtcNow < until)
        {
            await Task.Delay(50);
        }

        Assert.Equal(0, await WatchersAsync(preview, "door"));
    }

    [Fact]
    public async Task A_client_that_does_not_read_never_slows_the_sink()
    {
        await using var preview = await PreviewTestServer.StartAsync(new PreviewOptions { Port = 0, MaxFps = 60, MaxWidth = 1280 });
        // Open a stream and never read it: its socket buffers fill with 1280x720 JPEGs.
        using var stalled = await preview.Client.GetAsync("stream/yard", HttpCompletionOption.ResponseHeadersRead);
        using var image = PreviewFeeder.TestImage(1280, 720);
        var poses = PreviewFeeder.OnePerson(1280, 720);
        var feeder = new PreviewFeeder();

        var watch = System.Diagnostics.Stopwatch.StartNew();
        for (int i = 0; i < 200; i++)
        {
            await feeder.FeedAsync(preview.Server.Sink, preview.Sources[1], image, poses);
            await Task.Delay(5);
        }

        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(15), $"200 writes took {watch.Elapsed.TotalSeconds:0.0} s");
        using var shot = await SnapshotAsync(preview, "door");
        Assert.Equal(640, shot.Cols);
    }

    [Fact]
    public async Task Stopping_the_server_ends_open_streams()
    {
        var preview = await PreviewTestServer.StartAsync();
        var response = await preview.Client.GetAsync("stream/door", HttpCompletionOption.ResponseHeadersRead);
        var body = await response.Content.ReadAsStreamAsync();
        await new MultipartReader(body, MjpegResponse.Boundary).NextAsync();

        var watch = System.Diagnostics.Stopwatch.StartNew();
        await preview.DisposeAsync();
        var rest = new byte[1 << 16];
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        try
        {
            while (await body.ReadAsync(rest, timeout.Token) > 0)
            {
            }
        }
        catch (IOException)
        {
            // Cut off: also an end.
        }

        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(8), $"the stream ended {watch.Elapsed.TotalSeconds:0.0} s after the stop");
        response.Dispose();
    }

    [Fact]
    public async Task A_port_in_use_is_a_clear_error()
    {
        await using var first = await PreviewTestServer.StartAsync();
        int port = first.Server.Url.Port;

        var e = await Assert.ThrowsAsync<InputException>(() => PreviewServer.StartAsync(
            new PreviewOptions { Port = port }, first.Sources, KeypointMeta.Coco17, new Dictionary<int, string>(), null, CancellationToken.None));

        Assert.Equal($"preview: cannot listen on 127.0.0.1:{port}: the port is in use (pick another port, or 0 for a free one)", e.Message);
    }

    [Fact]
    public async Task An_address_of_another_machine_is_a_clear_error()
    {
        // 192.0.2.1 is TEST-NET-1: never an address of this machine.
        var e = await Assert.ThrowsAsync<InputException>(() => PreviewServer.StartAsync(
            new PreviewOptions { Address = "192.0.2.1", Port = 0 }, PreviewFeeder.LiveSources("door"), KeypointMeta.Coco17, new Dictionary<int, string>(), null, CancellationToken.None));

        Assert.StartsWith("preview: cannot listen on 192.0.2.1:0: ", e.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", e.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("\n", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Two_sources_with_one_id_are_refused()
    {
        var sources = PreviewFeeder.LiveSources("door", "door");

        var e = await Assert.ThrowsAsync<InputException>(() => PreviewServer.StartAsync(
            new PreviewOptions { Port = 0 }, sources, KeypointMeta.Coco17, new Dictionary<int, string>(), null, CancellationToken.None));

        Assert.Equal("preview: two sources have the id 'door'", e.Message);
    }

    [Fact]
    public async Task Url_has_the_port_picked_for_port_zero()
    {
        await using var preview = await PreviewTestServer.StartAsync();

        Assert.Equal("127.0.0.1", preview.Server.Url.Host);
        Assert.NotEqual(0, preview.Server.Url.Port);
        Assert.Equal("/", preview.Server.Url.AbsolutePath);
    }

    private static async Task<Mat> SnapshotAsync(PreviewTestServer preview, string id)
    {
        using var response = await preview.Client.GetAsync($"snapshot/{id}.jpg");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("image/jpeg", response.Content.Headers.ContentType?.MediaType);
        return ImageCodec.Decode(await response.Content.ReadAsByteArrayAsync(), id);
    }

    private static async Task<int> WatchersAsync(PreviewTestServer preview, string id)
    {
        using var json = JsonDocument.Parse(await preview.Client.GetStringAsync("status"));
        return json.RootElement.GetProperty("sources").EnumerateArray().Single(s => s.GetProperty("id").GetString() == id).GetProperty("watchers").GetInt32();
    }

    /// <summary>Reads multipart/x-mixed-replace parts: boundary line, headers, Content-Length bytes.</summary>
    private sealed class MultipartReader(Stream body, string boundary)
    {
        private readonly byte[] _one = new byte[1];

        public async Task<(string Headers, byte[] Body)> NextAsync()
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            string line;
            do
            {
                line = await LineAsync(timeout.Token);
            }
            while (line.Length == 0);

            Assert.Equal("--" + boundary, line);
            var headers = new StringBuilder();
            int length = -1;
            while ((line = await LineAsync(timeout.Token)).Length > 0)
            {
                headers.AppendLine(line);
                if (line.StartsWith("Content-Length:", StringComparison.OrdinalIgnoreCase))
                {
                    length = int.Parse(line["Content-Length:".Length..].Trim(), System.Globalization.CultureInfo.InvariantCulture);
                }
            }

            Assert.True(length > 0, "part without Content-Length: " + headers);
            var data = new byte[length];
            await body.ReadExactlyAsync(data, timeout.Token);
            return (headers.ToString(), data);
        }

        private async Task<string> LineAsync(CancellationToken cancellationToken)
        {
            var sb = new StringBuilder();
            while (true)
            {
                await body.ReadExactlyAsync(_one, cancellationToken);
                if (_one[0] == '\n')
                {
                    return sb.ToString().TrimEnd('\r');
                }

                sb.Append((char)_one[0]);
            }
        }
    }
}
