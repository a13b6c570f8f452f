using System.CommandLine;
using EdgePose.Core.Datasets.Splits;
using EdgePose.Train.Datasets;
using Serilog;

namespace EdgePose.Train.Commands;

/// <summary>
/// `edgepose-train data split INPUT -o OUT --ratios 0.8,0.2`: train/val(/test) by ratio with a fixed seed,
/// each image with its label, copied, moved or linked, optionally stratified by source folder.
/// </summary>
public static class DataSplitCommand
{
    public static Command Create(ILogger log)
    {
        var input = new Argument<string>("input") { Description = "data.yaml (splits pooled), a folder with images/ and labels/, or a flat folder of images with .txt labels beside them" };
        var output = OptionValues.Output();
        var force = OptionValues.Force();
        var ratios = new Option<string>("--ratios") { Description = "train,val[,test] fractions or percentages", DefaultValueFactory = _ => "0.8,0.2" };
        var seed = new Option<ulong>("--seed") { Description = "Seed of the shuffle; the same files and seed give the same split", DefaultValueFactory = _ => 0 };
        var mode = OptionValues.TransferMode("--mode", "How files reach the output", FileTransferMode.Copy, FileTransferMode.Copy, FileTransferMode.Move, FileTransferMode.Symlink);
        var stratify = new Option<bool>("--stratify") { Description = "Split each source folder by the ratios on its own" };
        var meta = new Option<string?>("--meta") { Description = "yaml with kpt_shape, flip_idx, names... for the new data.yaml (else the input's data.yaml)" };
        var cmd = new Command("split", "Split a YOLO-pose data set into train/val(/test)");
        cmd.Arguments.Add(input);
        foreach (var o in new Option[] { output, force, ratios, seed, mode, stratify, meta })
        {
            cmd.Options.Add(o);
        }

        cmd.SetAction(parse =>
        {
            var r = DatasetSplitter.Run(
                parse.GetValue(input)!,
                parse.GetValue(output)!,
                SplitRatios.Parse(parse.GetValue(ratios)!),
                parse.GetValue(seed),
                parse.GetValue(stratify),
                OptionValues.ParseMode(parse.GetValue(mode)!),
                parse.GetValue(force),
                parse.GetValue(meta),
                log);
            var o = parse.InvocationConfiguration.Output;
            foreach (var (split, n) in r.ImagesPerSplit)
            {
                o.WriteLine($"{split}: {n} images");
            }

            return 0;
        });
        return cmd;
    }
}
