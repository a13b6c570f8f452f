using System.Text;
using EdgePose.Core.Engines;
using EdgePose.Core.Errors;
using EdgePose.Core.Models;
using EdgePose.Core.Onnx.Proto;
using Google.Protobuf;

namespace EdgePose.Core.Onnx;

/// <summary>
/// Reads an ONNX model's header, inputs, outputs, metadata and the operator types of its nodes from its
/// bytes: EdgePose's one ONNX reader. Weights and everything else about nodes are skipped, not kept. The caller opens the file; <c>source</c> (usually the path) names it in errors.
/// </summary>
/// <remarks>
/// Errors: <see cref="FormatException"/> for data that is not an ONNX model (empty, text, random bytes),
/// a truncated model, or malformed Ultralytics metadata; <see cref="InputException"/> for a valid ONNX
/// model this project cannot describe (a non-tensor input or output, an element type outside
/// <see cref="TensorElementType"/>, an input or output without a shape). Messages are one line and begin with the source.
/// </remarks>
public static class OnnxModelReader
{
    /// <summary>IR versions above this are taken as a sign of non-ONNX data (current ONNX releases write IR 10 or 11).</summary>
    public const long MaxPlausibleIrVersion = 100;

    private const int HeadLength = 16;

    private static readonly MessageParser<ModelProto> s_parser = ModelProto.Parser.WithDiscardUnknownFields(true);

    /// <summary>Reads a model from <paramref name="stream"/> to its end; the stream is left open.</summary>
    public static OnnxModelInfo Read(Stream stream, string source)
    {
        ArgumentNullException.ThrowIfNull(stream);
        var recording = new HeadRecordingStream(stream, HeadLength);
        ModelProto model;
        try
        {
            using var input = new CodedInputStream(recording, leaveOpen: true);
            model = s_parser.ParseFrom(input);
        }
        catch (Exception e) when (e is InvalidProtocolBufferException or DecoderFallbackException)
        {
            throw Unparsable(source, recording.Head, e);
        }

        return recording.BytesRead == 0 ? throw EmptyFile(source) : Describe(model, source);
    }

    /// <summary>Reads a model held in memory.</summary>
    public static OnnxModelInfo Read(ReadOnlySpan<byte> bytes, string source)
    {
        if (bytes.IsEmpty)
        {
            throw EmptyFile(source);
        }

        ModelProto model;
        try
        {
            model = s_parser.ParseFrom(bytes);
        }
        catch (Exception e) when (e is InvalidProtocolBufferException or DecoderFallbackException)
        {
            throw Unparsable(source, bytes[..Math.Min(bytes.Length, HeadLength)], e);
        }

        return Describe(model, source);
    }

    private static OnnxModelInfo Describe(ModelProto model, string source)
    {
        if (model.IrVersion is <= 0 or > MaxPlausibleIrVersion)
        {
            throw new FormatException(model.IrVersion == 0
                ? $"{source}: not an ONNX model (no IR version)"
                : $"{source}: not an ONNX model (IR version {model.IrVersion} is outside 1..{MaxPlausibleIrVersion})");
        }

        var graph = model.Graph ?? throw new FormatException($"{source}: not an ONNX model (no graph)");
        var initializers = graph.Initializer.Select(t => t.Name).ToHashSet(StringComparer.Ordinal);
        var inputs = OnnxTensorInfos.FromValueInfos(graph.Input.Where(i => !initializers.Contains(i.Name)), "input", source);
        var outputs = OnnxTensorInfos.FromValueInfos(graph.Output, "output", source);
        if (inputs.Length == 0)
        {
            throw new FormatException(graph.Input.Count == 0
                ? $"{source}: not a usable ONNX model (the graph has no inputs)"
                : $"{source}: not a usable ONNX model (every graph input is an initializer)");
        }

        if (outputs.Length == 0)
        {
            throw new FormatException($"{source}: not a usable ONNX model (the graph has no outputs)");
        }

        var operators = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var node in graph.Node)
        {
            operators[node.OpType] = operators.GetValueOrDefault(node.OpType) + 1;
        }

        var props = new OrderedDictionary<string, string>(model.MetadataProps.Count);
        foreach (var entry in model.MetadataProps)
        {
            if (!props.TryAdd(entry.Key, entry.Value))
            {
                throw new FormatException($"{source}: ONNX metadata_props has the key '{MessageText.Shown(entry.Key)}' twice");
            }
        }

        return new OnnxModelInfo
        {
            IrVersion = model.IrVersion,
            Opsets = model.OpsetImport.Select(o => new OnnxOpset(o.Domain, o.Version)).ToArray(),
            ProducerName = model.ProducerName,
            ProducerVersion = model.ProducerVersion,
            Domain = model.Domain,
            ModelVersion = model.ModelVersion,
            DocString = model.DocString,
            GraphName = graph.Name,
            Inputs = inputs,
            Outputs = outputs,
            MetadataProps = props,
            OperatorCounts = operators,
            Metadata = UltralyticsMetadataParser.Parse(props, source),
        };
    }

    private static FormatException EmptyFile(string source) => new($"{source}: empty file, not an ONNX model");

    /// <summary>
    /// A protobuf failure. Data that began like an ONNX model (ONNX writers put ir_version first) and then
    /// ran out is reported as truncated; anything else as not ONNX.
    /// </summary>
    private static FormatException Unparsable(string source, ReadOnlySpan<byte> head, Exception e)
    {
        bool endedEarly = e is InvalidProtocolBufferException && e.Message.Contains("ended unexpectedly", StringComparison.Ordinal);
        return endedEarly && StartsWithIrVersion(head)
            ? new FormatException($"{source}: truncated ONNX model (the data ends in the middle of a field)", e)
            : new FormatException($"{source}: not an ONNX model (not a valid protobuf ModelProto: {FirstSentence(e.Message)})", e);
    }

    /// <summary>True when the bytes begin with field 1 (ir_version, varint) holding a plausible IR version.</summary>
    private static bool StartsWithIrVersion(ReadOnlySpan<byte> head)
    {
        if (head.Length < 2 || head[0] != 0x08)
        {
            return false;
        }

        ulong value = 0;
        for (int i = 1, shift = 0; i < head.Length && shift < 64; i++, shift += 7)
        {
            value |= (ulong)(head[i] & 0x7F) << shift;
            if ((head[i] & 0x80) == 0)
            {
                return value is >= 1 and <= MaxPlausibleIrVersion;
            }
        }

        return false;
    }

    private static string FirstSentence(string message)
    {
        int end = message.IndexOf(". ", StringComparison.Ordinal);
        return (end < 0 ? message : message[..end]).TrimEnd('.').ReplaceLineEndings(" ");
    }
}
