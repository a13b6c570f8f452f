using System.Text;
using EdgePose.Core.Errors;
using EdgePose.Core.Events;
using EdgePose.Host.Sinks;
using EdgePose.Tests;

namespace EdgePose.Host.Tests.Sinks;

public sealed class JsonLinesSinkTests : IDisposable
{
    private static readonly PoseEventOptions s_events = new("edge-01", "yolo11n-pose") { EmptyFrames = EmptyFramePolicy.Always };
    private readonly string _dir = TestPaths.NewTempDir("edgepose-jsonl");
    private readonly SinkFrames _frames = new();

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private async Task WriteFramesAsync(JsonLinesSink sink, params int[] personsPerFrame)
    {
        var source = SinkFrames.Source(0, "door");
        for (int i = 0; i < personsPerFrame.Length; i++)
        {
            var r = _frames.Make(source, i, 64, 48, personsPerFrame[i] > 0 ? SinkFrames.Person(64, 48) : null);
            try
            {
                await sink.WriteAsync(r, CancellationToken.None);
            }
            finally
            {
                r.Release();
            }
        }
    }

    [Fact]
    public async Task Each_result_is_one_line_holding_one_valid_event()
    {
        var path = Path.Combine(_dir, "poses.jsonl");
        await using (var sink = new JsonLinesSink(path, s_events))
        {
            await WriteFramesAsync(sink, 1, 0, 1);
            await sink.CompleteAsync(CancellationToken.None);
            Assert.Equal(3, sink.Written);
        }

        var lines = File.ReadAllLines(path);
        Assert.Equal(3, lines.Length);
        for (int i = 0; i < lines.Length; i++)
        {
            PoseEventSchemaCheck.AssertValid(lines[i]);
            var e = PoseEventJson.Parse(Encoding.UTF8.GetBytes(lines[i]), $"line {i + 1}");
            Assert.Equal(i, e.Seq);
            Assert.Equal(i == 1 ? 0 : 1, e.Persons.Count);
        }
    }

    [Fact]
    public async Task Lines_are_whole_and_readable_while_the_run_goes_on()
    {
        var path = Path.Combine(_dir, "live.jsonl");
        await using var sink = new JsonLinesSink(path, s_events);
        Assert.True(File.Exists(path), "the file is under its real name from the start");
        await WriteFramesAsync(sink, 1, 1);
        var text = await File.ReadAllTextAsync(path);
        Assert.EndsWith("\n", text, StringComparison.Ordinal);
        Assert.Equal(2, text.Count(c => c == '\n'));
        Assert.Empty(Directory.GetFiles(_dir, ".*partial*"));
    }

    [Fact]
    public async Task The_empty_frame_policy_leaves_out_frames_with_no_person()
    {
        var path = Path.Combine(_dir, "skip.jsonl");
        await using (var sink = new JsonLinesSink(path, s_events with { EmptyFrames = EmptyFramePolicy.Skip }))
        {
            await WriteFramesAsync(sink, 0, 1, 0, 0, 1);
            await sink.CompleteAsync(CancellationToken.None);
            Assert.Equal((2, 3), (sink.Written, sink.Skipped));
        }

        var seqs = File.ReadAllLines(path).Select(l => PoseEventJson.Parse(Encoding.UTF8.GetBytes(l)).Seq);
        Assert.Equal([1L, 4L], seqs);
    }

    [Fact]
    public async Task A_dash_writes_to_standard_output_and_leaves_it_open()
    {
        using var stdout = new MemoryStream();
        await using (var sink = new JsonLinesSink("-", s_events, stdout))
        {
            await WriteFramesAsync(sink, 1);
            await sink.CompleteAsync(CancellationToken.None);
        }

        Assert.True(stdout.CanWrite);
        var line = Encoding.UTF8.GetString(stdout.ToArray());
        Assert.EndsWith("}\n", line, StringComparison.Ordinal);
        PoseEventSchemaCheck.AssertValid(line);
    }

    [Fact]
    public async Task An_existing_link_is_replaced_not_written_through()
    {
        var victim = Path.Combine(_dir, "victim.txt");
        await File.WriteAllTextAsync(victim, "keep me");
        var path = Path.Combine(_dir, "poses.jsonl");
        File.CreateSymbolicLink(path, victim);
        await using (var sink = new JsonLinesSink(path, s_events))
        {
            await WriteFramesAsync(sink, 1);
            await sink.CompleteAsync(CancellationToken.None);
        }

        Assert.Equal("keep me", await File.ReadAllTextAsync(victim));
        Assert.Null(new FileInfo(path).LinkTarget);
        Assert.Single(File.ReadAllLines(path));
    }

    [Fact]
    public async Task Writing_after_completion_fails_and_completing_twice_is_harmless()
    {
        var sink = new JsonLinesSink(Path.Combine(_dir, "done.jsonl"), s_events);
        await sink.CompleteAsync(CancellationToken.None);
        await sink.CompleteAsync(CancellationToken.None);
        await Assert.ThrowsAsync<ObjectDisposedException>(() => WriteFramesAsync(sink, 1));
        await sink.DisposeAsync();
    }

    [Theory]
    [InlineData("missing/poses.jsonl", "folder '", "does not exist")]
    [InlineData("folder", "it is a folder", "")]
    [InlineData("file.txt/poses.jsonl", "is a file, not a folder", "")]
    [InlineData("", "the path is empty", "")]
    public void A_path_that_cannot_be_written_is_one_error_naming_it(string relative, string says, string alsoSays)
    {
        Directory.CreateDirectory(Path.Combine(_dir, "folder"));
        File.WriteAllText(Path.Combine(_dir, "file.txt"), "x");
        var path = relative.Length == 0 ? "" : Path.Combine(_dir, relative);
        var e = Assert.Throws<InputException>(() => new JsonLinesSink(path, s_events));
        Assert.StartsWith($"cannot write events file '{path}': ", e.Message, StringComparison.Ordinal);
        Assert.Contains(says, e.Message, StringComparison.Ordinal);
        Assert.Contains(alsoSays, e.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', e.Message);
        Assert.DoesNotContain("Exception", e.Message, StringComparison.Ordinal);
        Assert.Empty(Directory.GetFiles(_dir, "*.jsonl", SearchOption.AllDirectories));
    }
}
