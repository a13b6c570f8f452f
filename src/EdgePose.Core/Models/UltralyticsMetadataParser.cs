namespace EdgePose.Core.Models;

/// <summary>
/// Reads Ultralytics' model metadata: ONNX metadata_props (values written as Python literals, e.g.
/// names = "{0: 'person'}") and the JSON header of Ultralytics .engine files (the same keys, JSON values).
/// </summary>
public static class UltralyticsMetadataParser
{
    /// <summary>From ONNX metadata_props; <paramref name="source"/> names the file in error messages.</summary>
    public static ModelMetadata Parse(IReadOnlyDictionary<string, string> props, string source) =>
        new() { Raw = props }; // TODO(onnx-reader): full parsing lands with the ONNX reader.

    /// <summary>From the JSON metadata of an Ultralytics .engine file.</summary>
    public static ModelMetadata ParseJson(string json, string source) =>
        new(); // TODO(onnx-reader): full parsing lands with the ONNX reader.
}
