using EdgePose.Core.Datasets.Yolo;

namespace EdgePose.Train.Models;

/// <summary>Builds a model for a data set: nc is the number of names in data.yaml, kpt_shape its kpt_shape.</summary>
public static class ModelForData
{
    public static PoseModel Build(string model, DataYaml data)
    {
        if (data.KptShape is not { Count: 2 } kpt)
        {
            throw new InvalidDataException($"{data.Source}: kpt_shape [K, 2] or [K, 3] is required to build a pose model");
        }

        if (data.Names.Count == 0)
        {
            throw new InvalidDataException($"{data.Source}: names is empty; a pose model needs at least one class");
        }

        return PoseModel.Build(ModelYaml.Named(model), data.Names.Count, [kpt[0], kpt[1]]);
    }
}
