using System.Text;
using System.Text.Json;
using EdgePose.Train.Models;

namespace EdgePose.Train.Training;

/// <summary>What a checkpoint says about the model it holds and where training stood (and the class names, for export).</summary>
public sealed record CheckpointInfo(string Model, int Classes, int[] KptShape, bool Fused, int Epoch, double BestFitness, IReadOnlyList<string>? Names = null);

/// <summary>
/// A training checkpoint file: the magic line "EDGEPOSE-CHECKPOINT 1", a JSON header (<see cref="CheckpointInfo"/>)
/// and the model's weights in TorchSharp's format. Loading checks the magic, the header and that the model
/// matches, each failure an <see cref="InvalidDataException"/> with one line naming the file.
/// </summary>
public static class Checkpoint
{
    private const string Magic = "EDGEPOSE-CHECKPOINT 1";

    public static void Save(string path, PoseModel model, int epoch, double bestFitness, IReadOnlyList<string>? names = null)
    {
        var info = new CheckpointInfo(model.Spec.Name, model.Classes, model.KptShape, IsFused(model), epoch, bestFitness, names);
        var temp = path + ".tmp";
        using (var stream = File.Create(temp))
        using (var writer = new BinaryWriter(stream, Encoding.UTF8, leaveOpen: true))
        {
            writer.Write(Magic);
            writer.Write(JsonSerializer.Serialize(info));
            model.save(writer);
        }

        File.Move(temp, path, overwrite: true);
    }

    /// <summary>The header alone (to build the matching model before loading).</summary>
    public static CheckpointInfo ReadInfo(string path)
    {
        using var stream = File.OpenRead(path);
        using var reader = new BinaryReader(stream, Encoding.UTF8);
        return Header(reader, path);
    }

    /// <summary>Loads the weights into <paramref name="model"/>, which must be the model the checkpoint was saved from.</summary>
    public static CheckpointInfo Load(string path, PoseModel model)
    {
        using var stream = File.OpenRead(path);
        using var reader = new BinaryReader(stream, Encoding.UTF8);
        var info = Header(reader, path);
        if (info.Model != model.Spec.Name || info.Classes != model.Classes || !info.KptShape.SequenceEqual(model.KptShape) || info.Fused != IsFused(model))
        {
            throw new InvalidDataException(
                $"{path}: checkpoint holds {Describe(info.Model, info.Classes, info.KptShape)}, not {Describe(model.Spec.Name, model.Classes, model.KptShape)}");
        }

        try
        {
            model.load(reader);
        }
        catch (Exception e) when (e is EndOfStreamException or ArgumentException or InvalidOperationException or IOException)
        {
            throw new InvalidDataException($"{path}: checkpoint weights are truncated or corrupt");
        }

        return info;
    }

    private static CheckpointInfo Header(BinaryReader reader, string path)
    {
        try
        {
            if (reader.ReadString() != Magic)
            {
                throw new InvalidDataException($"{path}: not an EdgePose checkpoint");
            }

            return JsonSerializer.Deserialize<CheckpointInfo>(reader.ReadString()) ?? throw new InvalidDataException($"{path}: checkpoint header is empty");
        }
        catch (Exception e) when (e is EndOfStreamException or IOException or JsonException or FormatException)
        {
            throw new InvalidDataException($"{path}: not an EdgePose checkpoint");
        }
    }

    private static string Describe(string model, int nc, int[] kpt) => $"{model} with nc {nc} and kpt_shape [{kpt[0]}, {kpt[1]}]";

    private static bool IsFused(PoseModel model) => model.Fused;
}
