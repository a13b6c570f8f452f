using System.CommandLine;
using EdgePose.Core.Errors;
using EdgePose.Train.Datasets;

namespace EdgePose.Train.Commands;

/// <summary>
/// `edgepose-train data synth -o DIR [--train 64 --val 16 --size 128 --seed 1]` (hidden, for benchmarks): writes
/// the synthetic rectangles data set of the trainer's tests (<see cref="SyntheticPoseData"/>), so other trainers
/// can learn the same images.
/// </summary>
public static class DataSynthCommand
{
    public static Command Create()
    {
        var output = OptionValues.Output();
        var force = OptionValues.Force();
        var train = new Option<int>("--train") { DefaultValueFactory = _ => 64, Description = "Training images (every fifth a background image)" };
        var val = new Option<int>("--val") { DefaultValueFactory = _ => 16, Description = "Validation images" };
        var size = new Option<int>("--size") { DefaultValueFactory = _ => 128, Description = "Image width and height in pixels (at least 32)" };
        var seed = new Option<int>("--seed") { DefaultValueFactory = _ => 1, Description = "Seed of the rectangles; the same seed gives the same labels" };
        var cmd = new Command("synth", "Write the synthetic rectangles data set of the trainer's tests") { Hidden = true };
        foreach (var o in new Option[] { output, force, train, val, size, seed })
        {
            cmd.Options.Add(o);
        }

        cmd.SetAction(parse =>
        {
            int nTrain = parse.GetValue(train), nVal = parse.GetValue(val), px = parse.GetValue(size);
            if (nTrain < 1 || nVal < 1)
            {
                throw new InputException($"--train ({nTrain}) and --val ({nVal}) must be at least 1");
            }

            if (px < 32)
            {
                throw new InputException($"--size {px} must be at least 32 pixels");
            }

            var root = OutputFolder.Prepare(parse.GetValue(output)!, parse.GetValue(force)).Root;
            var yaml = SyntheticPoseData.Write(root, nTrain, nVal, px, parse.GetValue(seed));
            parse.InvocationConfiguration.Output.WriteLine($"{nTrain} train and {nVal} val images of {px}x{px}; {yaml}");
            return 0;
        });
        return cmd;
    }
}
