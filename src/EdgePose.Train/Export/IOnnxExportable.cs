namespace EdgePose.Train.Export;

/// <summary>A module that writes its forward pass as ONNX nodes (next to its TorchSharp forward, in the same file).</summary>
public interface IOnnxExportable
{
    Traced Export(OnnxGraph g, Traced x);
}
