using EdgePose.Core.Datasets.Yolo;

namespace EdgePose.Core.Datasets.Checks;

/// <summary>
/// Everything <see cref="DatasetCheck"/> looks at, gathered by the caller: the data.yaml, the image files of
/// each split and the text of every label file found in the matching labels folders (by path).
/// </summary>
public sealed record DatasetCheckInput
{
    public required DataYaml Yaml { get; init; }

    public required IReadOnlyList<CheckedImage> Images { get; init; }

    /// <summary>Label file path → its text, for every .txt file under the labels folders.</summary>
    public required IReadOnlyDictionary<string, string> Labels { get; init; }
}
