using EdgePose.Train.Models;
using EdgePose.Train.Onnx;

namespace EdgePose.Train.Training;

/// <summary>
/// A trained model to validate or export, from an EdgePose checkpoint (.pt) or an Ultralytics pose ONNX (imported),
/// with its class names (the checkpoint's or the ONNX metadata's; class0.. when neither says).
/// </summary>
public sealed record LoadedModel(PoseModel Model, IReadOnlyList<string> Names) : IDisposable
{
    public static LoadedModel From(string path)
    {
        if (path.EndsWith(".onnx", StringComparison.OrdinalIgnoreCase))
        {
            if (!File.Exists(path))
            {
                throw new FileNotFoundException($"model file not found: {path}");
            }

            var meta = Core.Onnx.OnnxModelReader.Read(File.ReadAllBytes(path), path).Metadata;
            var model = OnnxPoseImporter.Import(path);
            return new LoadedModel(model, Enumerable.Range(0, model.Classes).Select(i => meta.Names.TryGetValue(i, out var n) ? n : $"class{i}").ToArray());
        }

        if (path.EndsWith(".pt", StringComparison.OrdinalIgnoreCase))
        {
            var model = StartingModel.FromCheckpoint(path);
            var names = Checkpoint.ReadInfo(path).Names;
            return new LoadedModel(model, names is { } n && n.Count == model.Classes ? n : Enumerable.Range(0, model.Classes).Select(i => $"class{i}").ToArray());
        }

        throw new Core.Errors.InputException($"model '{path}' is neither an EdgePose checkpoint (.pt) nor a pose .onnx");
    }

    public void Dispose() => Model.Dispose();
}
