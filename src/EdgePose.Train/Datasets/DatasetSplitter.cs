using EdgePose.Core.Datasets.Splits;
using EdgePose.Core.Datasets.Yolo;
using EdgePose.Core.Errors;
using EdgePose.Core.Meta;
using Serilog;

namespace EdgePose.Train.Datasets;

/// <summary>
/// Carries out a split: plans it with <see cref="SplitPlanner"/>, then copies, moves or links each image and
/// its label together to images/&lt;split&gt;/&lt;path&gt; and labels/&lt;split&gt;/&lt;path&gt;.txt, and writes data.yaml.
/// </summary>
public static class DatasetSplitter
{
    public sealed record Result(IReadOnlyDictionary<string, int> ImagesPerSplit, IReadOnlyDictionary<string, string> Plan, bool WroteYaml);

    public static Result Run(string input, string outputPath, SplitRatios ratios, ulong seed, bool stratify, FileTransferMode mode, bool force, string? metaPath, ILogger log)
    {
        OutputFolder.Validate(outputPath, force, input);
        var source = SplitSource.Find(input);
        if (source.Pairs.Count == 0)
        {
            throw new InputException($"{input}: no images to split");
        }

        var byKey = source.Pairs.ToDictionary(p => p.RelativePath, StringComparer.Ordinal);
        if (byKey.Count != source.Pairs.Count)
        {
            var dup = source.Pairs.GroupBy(p => p.RelativePath).First(g => g.Count() > 1);
            throw new InputException($"{dup.First().Image} and {dup.Last().Image} would both be written as {dup.Key}");
        }

        var plan = SplitPlanner.Plan(source.Pairs.Select(p => new SplitItem(p.RelativePath, p.Group)).ToList(), ratios, seed, stratify);

        string? yamlText = null;
        var yamlFrom = metaPath ?? source.YamlPath;
        if (yamlFrom is not null)
        {
            var text = File.ReadAllText(yamlFrom);
            var meta = KeypointMetaYaml.Parse(text, yamlFrom);
            var names = DataYamlReader.Parse(text, yamlFrom).Names;
            var splits = new[] { SplitPlanner.Train, SplitPlanner.Val, SplitPlanner.Test }
                .Where(s => plan.Values.Contains(s) || s != SplitPlanner.Test)
                .ToDictionary(s => s, s => $"images/{s}");
            yamlText = DataYamlWriter.Write(meta, names.Count > 0 ? names : ["object"], splits, [$"Written by edgepose-train data split from {input} (seed {seed}{(stratify ? ", stratified by source folder" : "")})."]);
        }

        var output = OutputFolder.Prepare(outputPath, force, input);
        var counts = new SortedDictionary<string, int>(StringComparer.Ordinal);
        try
        {
            foreach (var pair in source.Pairs)
            {
                var split = plan[pair.RelativePath];
                counts[split] = counts.GetValueOrDefault(split) + 1;
                output.Place(pair.Image, $"images/{split}/{pair.RelativePath}", mode);
                if (pair.Label is not null)
                {
                    output.Place(pair.Label, $"labels/{split}/{Path.ChangeExtension(pair.RelativePath, ".txt")}", mode);
                }
            }

            if (yamlText is not null)
            {
                output.WriteText("data.yaml", yamlText);
            }
        }
        catch
        {
            // All or nothing: files already moved go back, files already written go.
            output.RollBack();
            throw;
        }

        if (yamlText is null)
        {
            log.Warning("No data.yaml found with the data and no --meta given, so none was written; add kpt_shape, flip_idx and names yourself");
        }

        log.Information("Split {Images} images ({Mode}) into {Output}: {Counts}", source.Pairs.Count, mode, output.Root, string.Join(", ", counts.Select(c => $"{c.Key} {c.Value}")));
        return new Result(counts, plan, yamlText is not null);
    }
}
