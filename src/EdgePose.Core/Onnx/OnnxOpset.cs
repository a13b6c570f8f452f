namespace EdgePose.Core.Onnx;

/// <summary>An operator set a model imports: domain ("" is the default ONNX domain, ai.onnx) and version.</summary>
public sealed record OnnxOpset(string Domain, long Version)
{
    /// <summary>True for the standard ONNX operators ("" or "ai.onnx").</summary>
    public bool IsDefaultDomain => Domain is "" or "ai.onnx";

    public override string ToString() => $"{(IsDefaultDomain ? "ai.onnx" : Domain)} v{Version}";
}
