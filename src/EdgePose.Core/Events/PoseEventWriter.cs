using System.Buffers;
using System.Diagnostics;
using System.Text.Json;
using EdgePose.Core.Pipeline;
using EdgePose.Core.Poses;

namespace EdgePose.Core.Events;

/// <summary>
/// Writes one frame's result as a v1 pose event (docs/events.md): compact UTF-8 JSON, pixels rounded to 0.1,
/// scores to 0.001, latencies to 0.01 ms, into a buffer that is reused, so that in steady state writing an event
/// allocates nothing. The bytes returned are valid until the next write: a sink that keeps them (a queue) copies.
/// Frames with no person are sent or not by the options' <see cref="EmptyFramePolicy"/>. Not thread-safe: one
/// writer per sink, disposed with it.
/// </summary>
public sealed class PoseEventWriter : IDisposable
{
    private static readonly JsonEncodedText s_schema = JsonEncodedText.Encode("schema");
    private static readonly JsonEncodedText s_version = JsonEncodedText.Encode(PoseEventSchema.Version);
    private static readonly JsonEncodedText s_device = JsonEncodedText.Encode("device");
    private static readonly JsonEncodedText s_source = JsonEncodedText.Encode("source");
    private static readonly JsonEncodedText s_seq = JsonEncodedText.Encode("seq");
    private static readonly JsonEncodedText s_time = JsonEncodedText.Encode("time_ms");
    private static readonly JsonEncodedText s_latency = JsonEncodedText.Encode("latency_ms");
    private static readonly JsonEncodedText s_queue = JsonEncodedText.Encode("queue");
    private static readonly JsonEncodedText s_preprocess = JsonEncodedText.Encode("preprocess");
    private static readonly JsonEncodedText s_inference = JsonEncodedText.Encode("inference");
    private static readonly JsonEncodedText s_decode = JsonEncodedText.Encode("decode");
    private static readonly JsonEncodedText s_total = JsonEncodedText.Encode("total");
    private static readonly JsonEncodedText s_width = JsonEncodedText.Encode("width");
    private static readonly JsonEncodedText s_height = JsonEncodedText.Encode("height");
    private static readonly JsonEncodedText s_model = JsonEncodedText.Encode("model");
    private static readonly JsonEncodedText s_persons = JsonEncodedText.Encode("persons");
    private static readonly JsonEncodedText s_id = JsonEncodedText.Encode("id");
    private static readonly JsonEncodedText s_track = JsonEncodedText.Encode("track");
    private static readonly JsonEncodedText s_trackAge = JsonEncodedText.Encode("track_age");
    private static readonly JsonEncodedText s_score = JsonEncodedText.Encode("score");
    private static readonly JsonEncodedText s_box = JsonEncodedText.Encode("box");
    private static readonly JsonEncodedText s_keypoints = JsonEncodedText.Encode("keypoints");

    private readonly ArrayBufferWriter<byte> _buffer = new(16 * 1024);
    private readonly Utf8JsonWriter _json;
    private readonly JsonEncodedText _deviceId;
    private readonly JsonEncodedText _modelId;
    private readonly EmptyFrameGate _gate;

    // Source ids, encoded once per source index (re-encoded only if a different id appears at that index).
    private string?[] _sourceIds = [];
    private JsonEncodedText[] _encodedSourceIds = [];

    public PoseEventWriter(PoseEventOptions options)
    {
        options = options.Validated();
        Options = options;
        _deviceId = JsonEncodedText.Encode(options.DeviceId);
        _modelId = JsonEncodedText.Encode(options.ModelId);
        _gate = new EmptyFrameGate(options.EmptyFrames);
        _json = new Utf8JsonWriter(_buffer, new JsonWriterOptions { Indented = false, SkipValidation = false });
    }

    public PoseEventOptions Options { get; }

    /// <summary>Events written so far.</summary>
    public long Written { get; private set; }

    /// <summary>Frames with no person that got no event (the empty-frame policy).</summary>
    public long Skipped { get; private set; }

    /// <summary>
    /// The event of <paramref name="result"/> as UTF-8 JSON, followed by '\n' when <paramref name="newLine"/> (JSON
    /// Lines); empty when the empty-frame policy skips the frame. Valid until the next call.
    /// </summary>
    public ReadOnlyMemory<byte> Write(FrameResult result, bool newLine = false)
    {
        var source = result.Source;
        if (!_gate.ShouldSend(source.Index, result.CaptureTime, result.Poses.Count))
        {
            Skipped++;
            return ReadOnlyMemory<byte>.Empty;
        }

        _buffer.ResetWrittenCount();
        _json.Reset(_buffer);
        WriteEvent(_json, result, SourceId(source));
        _json.Flush();
        if (newLine)
        {
            _buffer.GetSpan(1)[0] = (byte)'\n';
            _buffer.Advance(1);
        }

        Written++;
        return _buffer.WrittenMemory;
    }

    public void Dispose() => _json.Dispose();

    private void WriteEvent(Utf8JsonWriter w, FrameResult result, JsonEncodedText sourceId)
    {
        w.WriteStartObject();
        w.WriteString(s_schema, s_version);
        w.WriteString(s_device, _deviceId);
        w.WriteString(s_source, sourceId);
        w.WriteNumber(s_seq, result.Sequence);
        w.WriteNumber(s_time, result.CaptureTime.ToUnixTimeMilliseconds());
        WriteLatency(w, result.Stamps);
        w.WriteNumber(s_width, result.Width);
        w.WriteNumber(s_height, result.Height);
        w.WriteString(s_model, _modelId);
        w.WriteStartArray(s_persons);
        var poses = result.Poses;
        for (int i = 0; i < poses.Count; i++)
        {
            WritePerson(w, poses, i, result.Track(i));
        }

        w.WriteEndArray();
        w.WriteEndObject();
    }

    private static void WriteLatency(Utf8JsonWriter w, StageStamps stamps)
    {
        w.WriteStartObject(s_latency);
        w.WriteNumber(s_queue, Milliseconds(stamps.Spent(PipelineStage.Queue)));
        w.WriteNumber(s_preprocess, Milliseconds(stamps.Spent(PipelineStage.Preprocess)));
        w.WriteNumber(s_inference, Milliseconds(stamps.Spent(PipelineStage.Inference)));
        w.WriteNumber(s_decode, Milliseconds(stamps.Spent(PipelineStage.Decode)));
        long captured = stamps[PipelineStage.Capture], decoded = stamps[PipelineStage.Decode];
        var total = captured == 0 || decoded == 0 ? TimeSpan.Zero : Stopwatch.GetElapsedTime(captured, decoded);
        w.WriteNumber(s_total, Milliseconds(total));
        w.WriteEndObject();
    }

    private static void WritePerson(Utf8JsonWriter w, PoseDetections poses, int i, Tracking.TrackInfo track)
    {
        w.WriteStartObject();
        // The detection's index in this frame; with tracking on, "track" is an id stable across frames.
        w.WriteNumber(s_id, i);
        if (track.IsTracked)
        {
            w.WriteNumber(s_track, track.Id);
            w.WriteNumber(s_trackAge, track.Age);
        }

        w.WriteNumber(s_score, Round(poses.Score(i), 3));
        w.WriteStartArray(s_box);
        var box = poses.Box(i);
        for (int j = 0; j < 4; j++)
        {
            w.WriteNumberValue(Round(box[j], 1));
        }

        w.WriteEndArray();
        w.WriteStartArray(s_keypoints);
        var kp = poses.Keypoints(i);
        for (int k = 0; k < poses.KeypointCount; k++)
        {
            w.WriteStartArray();
            w.WriteNumberValue(Round(kp[3 * k], 1));
            w.WriteNumberValue(Round(kp[(3 * k) + 1], 1));
            w.WriteNumberValue(Round(kp[(3 * k) + 2], 3));
            w.WriteEndArray();
        }

        w.WriteEndArray();
        w.WriteEndObject();
    }

    private JsonEncodedText SourceId(PipelineSource source)
    {
        int i = source.Index;
        if (i >= _sourceIds.Length)
        {
            Array.Resize(ref _sourceIds, i + 1);
            Array.Resize(ref _encodedSourceIds, i + 1);
        }

        if (!ReferenceEquals(_sourceIds[i], source.Id))
        {
            _encodedSourceIds[i] = JsonEncodedText.Encode(source.Id);
            _sourceIds[i] = source.Id;
        }

        return _encodedSourceIds[i];
    }

    private static double Milliseconds(TimeSpan t) => Round(t.TotalMilliseconds, 2);

    /// <summary>
    /// <paramref name="value"/> rounded half away from zero to <paramref name="digits"/> decimals; a non-finite value
    /// (a broken model) becomes 0, and -0 becomes 0, so the JSON stays valid and plain.
    /// </summary>
    internal static double Round(double value, int digits) =>
        double.IsFinite(value) ? Math.Round(value, digits, MidpointRounding.AwayFromZero) + 0.0 : 0.0;
}
