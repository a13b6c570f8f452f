namespace EdgePose.TensorRt.Files;

/// <summary>The two engine file layouts EdgePose loads.</summary>
public enum EngineFileFormat
{
    /// <summary>A plain TensorRT plan, as trtexec --saveEngine and edgepose build-engine write it (with a .json sidecar).</summary>
    Plan,

    /// <summary>Ultralytics' .engine: 4-byte little-endian length, that many bytes of JSON metadata, then the plan.</summary>
    Ultralytics,
}
