using EdgePose.Cli.Files;
using EdgePose.Core.Errors;
using EdgePose.Core.Sources;

namespace EdgePose.Host.Predict;

/// <summary>
/// The files `edgepose predict` writes for each source, named by the source's stem in the output folder,
/// checked before anything runs: no output may resolve (symbolic links followed) onto a source file, and no
/// two sources may share a stem (their outputs would overwrite each other). The folder itself is chosen by
/// <see cref="RunFolder"/>, which keeps it apart from every source's folder.
/// </summary>
public sealed class PredictOutputs
{
    private readonly string _directory;
    private readonly string _imageExtension;

    private PredictOutputs(string directory, string imageExtension)
    {
        _directory = directory;
        _imageExtension = imageExtension;
    }

    public static PredictOutputs Plan(PredictSource source, string directory, string imageFormat, bool saveImages)
    {
        var outputs = new PredictOutputs(directory, "." + imageFormat);
        var inputs = new HashSet<string>((source.IsSequence ? source.LocalInputs : source.Images).Select(RealPath.Of), StringComparer.Ordinal);

        var stems = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var input in source.IsSequence ? [source.Name] : source.Images)
        {
            var stem = outputs.Stem(input);
            if (!stems.TryAdd(stem, input))
            {
                throw new InputException($"sources '{stems[stem]}' and '{input}' share the name '{stem}'; their outputs in '{directory}' would overwrite each other");
            }

            foreach (var file in outputs.FilesFor(source.IsSequence, input, saveImages))
            {
                if (inputs.Contains(RealPath.Of(file)))
                {
                    throw new InputException($"output '{file}' would replace a source file; choose another --out folder than '{directory}'");
                }
            }
        }

        return outputs;
    }

    public string Json(string image) => Path.Combine(_directory, Stem(image) + ".json");

    public string AnnotatedImage(string image) => Path.Combine(_directory, Stem(image) + _imageExtension);

    public string JsonLines(string video) => Path.Combine(_directory, Stem(video) + ".jsonl");

    public string AnnotatedVideo(string video) => Path.Combine(_directory, Stem(video) + ".avi");

    private string Stem(string source) =>
        source.Contains("://", StringComparison.Ordinal) ? "stream" : Path.GetFileNameWithoutExtension(source);

    private IEnumerable<string> FilesFor(bool sequence, string input, bool saveImages)
    {
        if (sequence)
        {
            yield return JsonLines(input);
            if (saveImages)
            {
                yield return AnnotatedVideo(input);
            }
        }
        else
        {
            yield return Json(input);
            if (saveImages)
            {
                yield return AnnotatedImage(input);
            }
        }
    }
}
