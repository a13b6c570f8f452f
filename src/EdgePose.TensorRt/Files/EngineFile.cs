using EdgePose.Core.Models;
using EdgePose.TensorRt.Building;

namespace EdgePose.TensorRt.Files;

/// <summary>
/// An engine file read into memory: its layout, the plan's bytes, and what describes the model (our
/// sidecar, or Ultralytics' metadata header).
/// </summary>
public sealed class EngineFile
{
    private readonly byte[] _bytes;

    internal EngineFile(string path, EngineFileFormat format, byte[] bytes, int planOffset, string? ultralyticsJson, EngineSidecar? sidecar)
    {
        Path = path;
        Format = format;
        _bytes = bytes;
        PlanOffset = planOffset;
        UltralyticsMetadataJson = ultralyticsJson;
        Sidecar = sidecar;
    }

    public string Path { get; }

    public EngineFileFormat Format { get; }

    /// <summary>Where the plan starts in the file (0 for a plain plan).</summary>
    public int PlanOffset { get; }

    /// <summary>The serialised TensorRT plan.</summary>
    public ReadOnlySpan<byte> Plan => _bytes.AsSpan(PlanOffset);

    /// <summary>The JSON header of an Ultralytics .engine; null for a plain plan.</summary>
    public string? UltralyticsMetadataJson { get; }

    /// <summary>Our sidecar (plan path + ".json") when it exists; null otherwise.</summary>
    public EngineSidecar? Sidecar { get; }

    /// <summary>How the engine was built, where the file says (sidecar); null when it does not.</summary>
    public EngineBuildFlags? BuildFlags => Sidecar?.Build;

    /// <summary>The model's Ultralytics metadata from the sidecar or the .engine header; empty when neither has it.</summary>
    public ModelMetadata Metadata =>
        Sidecar is { } s ? UltralyticsMetadataParser.Parse(s.ModelMetadata, EngineSidecar.PathFor(Path))
        : UltralyticsMetadataJson is { } json ? UltralyticsMetadataParser.ParseJson(json, Path)
        : ModelMetadata.Empty;
}
