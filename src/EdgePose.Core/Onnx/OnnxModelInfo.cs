using EdgePose.Core.Engines;
using EdgePose.Core.Models;

namespace EdgePose.Core.Onnx;

/// <summary>
/// What an ONNX file says about itself, without its weights: format and producer, operator sets, the
/// model's real inputs (initializers excluded) and outputs, metadata_props and the Ultralytics metadata in them.
/// </summary>
public sealed record OnnxModelInfo
{
    /// <summary>ONNX IR version, e.g. 9 (the format revision, not the operator set).</summary>
    public required long IrVersion { get; init; }

    public required IReadOnlyList<OnnxOpset> Opsets { get; init; }

    public required string ProducerName { get; init; }

    public required string ProducerVersion { get; init; }

    /// <summary>Model domain (reverse-DNS name), often empty.</summary>
    public string Domain { get; init; } = "";

    public long ModelVersion { get; init; }

    public string DocString { get; init; } = "";

    public string GraphName { get; init; } = "";

    /// <summary>Inputs the caller feeds, in graph order. Dynamic dimensions are -1, named in <see cref="TensorShape.DimNames"/>.</summary>
    public required IReadOnlyList<TensorInfo> Inputs { get; init; }

    public required IReadOnlyList<TensorInfo> Outputs { get; init; }

    /// <summary>metadata_props in file order.</summary>
    public required IReadOnlyDictionary<string, string> MetadataProps { get; init; }

    /// <summary>How many nodes of each operator type the main graph has (nodes of subgraphs are not counted).</summary>
    public IReadOnlyDictionary<string, int> OperatorCounts { get; init; } = new Dictionary<string, int>(StringComparer.Ordinal);

    /// <summary>Nodes of the main graph whose operator type is <paramref name="opType"/> ("QuantizeLinear", ...).</summary>
    public int CountOf(string opType) => OperatorCounts.GetValueOrDefault(opType);

    /// <summary>Ultralytics metadata parsed from <see cref="MetadataProps"/>; fields are null where the file has no key.</summary>
    public required ModelMetadata Metadata { get; init; }

    /// <summary>Version of the standard ONNX operator set ("" / ai.onnx domain), or null when the model imports none.</summary>
    public long? DefaultOpsetVersion => Opsets.FirstOrDefault(o => o.IsDefaultDomain)?.Version;
}
