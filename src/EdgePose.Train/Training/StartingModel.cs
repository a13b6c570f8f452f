using EdgePose.Train.Models;
using EdgePose.Train.Onnx;

namespace EdgePose.Train.Training;

/// <summary>
/// The model a run starts from, built for the data's nc and kpt_shape: a built-in name or model .yaml (fresh
/// weights), an Ultralytics pose .onnx (imported, fused) or an EdgePose checkpoint (.pt). Pretrained weights
/// whose nc or kpt_shape differ from the data's are transferred where names and shapes agree (the keypoint or
/// class branch starts afresh), as fine-tuning COCO weights to other keypoints needs.
/// </summary>
public static class StartingModel
{
    public static PoseModel Build(string model, int classes, int[] kptShape, Action<string> log)
    {
        PoseModel? pretrained = null;
        if (model.EndsWith(".onnx", StringComparison.OrdinalIgnoreCase))
        {
            pretrained = OnnxPoseImporter.Import(File.Exists(model) ? model : throw new FileNotFoundException($"model file not found: {model}"));
        }
        else if (model.EndsWith(".pt", StringComparison.OrdinalIgnoreCase))
        {
            pretrained = FromCheckpoint(model);
        }

        if (pretrained is null)
        {
            return PoseModel.Build(ModelYaml.Named(model), classes, kptShape);
        }

        if (pretrained.Classes == classes && pretrained.KptShape.SequenceEqual(kptShape))
        {
            return pretrained;
        }

        using (pretrained)
        {
            var target = PoseModel.Build(pretrained.Spec, classes, kptShape, pretrained.Fused);
            var (copied, total) = WeightTransfer.Copy(pretrained, target);
            log($"{model} has nc {pretrained.Classes} and kpt_shape [{pretrained.KptShape[0]}, {pretrained.KptShape[1]}], the data nc {classes} and [{kptShape[0]}, {kptShape[1]}]: transferred {copied}/{total} tensors, the rest start afresh");
            return target;
        }
    }

    /// <summary>A checkpoint's model with its weights.</summary>
    public static PoseModel FromCheckpoint(string path)
    {
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"checkpoint not found: {path}");
        }

        var info = Checkpoint.ReadInfo(path);
        var model = PoseModel.Build(ModelYaml.Named(info.Model), info.Classes, info.KptShape, info.Fused);
        Checkpoint.Load(path, model);
        return model;
    }
}
