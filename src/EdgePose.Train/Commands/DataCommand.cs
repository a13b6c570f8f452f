using System.CommandLine;
using Serilog;

namespace EdgePose.Train.Commands;

/// <summary>`edgepose-train data`: the data set tools.</summary>
public static class DataCommand
{
    public static Command Create(ILogger log)
    {
        var cmd = new Command("data", "Data set tools: convert labelme/COCO/YOLO-pose, check, split, preview");
        cmd.Subcommands.Add(DataConvertCommand.Create(log));
        cmd.Subcommands.Add(DataCheckCommand.Create());
        cmd.Subcommands.Add(DataSplitCommand.Create(log));
        cmd.Subcommands.Add(DataPreviewCommand.Create(log));
        cmd.Subcommands.Add(DataSynthCommand.Create());
        return cmd;
    }
}
