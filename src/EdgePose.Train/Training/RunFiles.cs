using System.Text.Json;
using EdgePose.Core.Errors;

namespace EdgePose.Train.Training;

/// <summary>
/// The files of a run folder, as Ultralytics lays them out: args.json (the options), results.csv, results.png,
/// weights/last.pt and weights/best.pt (the EMA weights, what val and export use), and for resume
/// weights/last.state (the raw model) and weights/last.optim (the optimizer state).
/// </summary>
public sealed record RunFiles(string Folder)
{
    private static readonly JsonSerializerOptions s_json = new() { WriteIndented = true };

    public string Args => Path.Combine(Folder, "args.json");

    public string Csv => Path.Combine(Folder, "results.csv");

    public string Plot => Path.Combine(Folder, "results.png");

    public string Weights => Path.Combine(Folder, "weights");

    public string Last => Path.Combine(Weights, "last.pt");

    public string Best => Path.Combine(Weights, "best.pt");

    public string State => Path.Combine(Weights, "last.state");

    public string Optimizer => Path.Combine(Weights, "last.optim");

    /// <summary>The run folder of a checkpoint (…/weights/last.pt) or a run folder itself.</summary>
    public static RunFiles Of(string checkpointOrFolder)
    {
        if (Directory.Exists(checkpointOrFolder))
        {
            return new RunFiles(checkpointOrFolder);
        }

        if (!File.Exists(checkpointOrFolder))
        {
            throw new FileNotFoundException($"checkpoint to resume not found: {checkpointOrFolder}");
        }

        var weights = Path.GetDirectoryName(Path.GetFullPath(checkpointOrFolder))!;
        return new RunFiles(Path.GetDirectoryName(weights) ?? weights);
    }

    public void WriteArgs(TrainOptions options) => File.WriteAllText(Args, JsonSerializer.Serialize(options, s_json));

    public TrainOptions ReadArgs()
    {
        if (!File.Exists(Args))
        {
            throw new InputException($"{Args} not found: resume needs the args.json of the run the checkpoint belongs to");
        }

        try
        {
            return JsonSerializer.Deserialize<TrainOptions>(File.ReadAllText(Args), s_json) ?? throw new InputException($"{Args}: empty");
        }
        catch (JsonException e)
        {
            throw new InputException($"{Args}: not the args of a training run ({e.Message})");
        }
    }
}
