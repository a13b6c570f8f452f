namespace EdgePose.Core.Datasets.Yolo;

/// <summary>
/// The keys of an Ultralytics data.yaml that locate and describe a data set, read as written (not yet
/// validated: <c>data check</c> reports what is wrong with them, <see cref="Meta.KeypointMetaYaml"/> validates
/// the keypoint meta). <see cref="KeyLines"/> gives the 1-based line of each top-level key for messages.
/// </summary>
public sealed record DataYaml
{
    public required string Source { get; init; }

    /// <summary>The 'path' key (data set root); null or empty means the folder of the yaml file.</summary>
    public string? RootPath { get; init; }

    /// <summary>Image folders or .txt image lists for each split, relative to the root.</summary>
    public IReadOnlyList<string> Train { get; init; } = [];

    public IReadOnlyList<string> Val { get; init; } = [];

    public IReadOnlyList<string> Test { get; init; } = [];

    /// <summary>Class names in class-index order.</summary>
    public IReadOnlyList<string> Names { get; init; } = [];

    public IReadOnlyList<int>? KptShape { get; init; }

    public IReadOnlyList<int>? FlipIdx { get; init; }

    /// <summary>keypoint_names, or the first class's list of Ultralytics' kpt_names.</summary>
    public IReadOnlyList<string>? KeypointNames { get; init; }

    public IReadOnlyDictionary<string, int> KeyLines { get; init; } = new Dictionary<string, int>();

    public int? LineOf(string key) => KeyLines.TryGetValue(key, out int l) ? l : null;

    /// <summary>The folders or lists of one split by name: train, val or test.</summary>
    public IReadOnlyList<string> Split(string name) => name switch
    {
        "train" => Train,
        "val" => Val,
        "test" => Test,
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, "split must be train, val or test"),
    };
}
