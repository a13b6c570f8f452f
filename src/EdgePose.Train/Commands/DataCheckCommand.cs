using System.CommandLine;
using EdgePose.Cli;
using EdgePose.Core.Datasets.Checks;
using EdgePose.Train.Datasets;

namespace EdgePose.Train.Commands;

/// <summary>
/// `edgepose-train data check DATA.yaml`: every problem of a YOLO-pose data set as "file:line: error|warning: ...",
/// then a summary. Exit 0 when there is no error (with --strict: no warning either), 3 otherwise.
/// </summary>
public static class DataCheckCommand
{
    public static Command Create()
    {
        var input = new Argument<string>("data") { Description = "data.yaml, or the folder holding it" };
        var visible = new Option<double>("--box-margin") { Description = "How far a visible keypoint may lie outside its box, as a fraction of the box size", DefaultValueFactory = _ => 0.1 }.InRange(0, 100);
        var hidden = new Option<double>("--hidden-box-margin") { Description = "The same for hidden (v=1) keypoints, whose positions are estimates", DefaultValueFactory = _ => 0.6 }.InRange(0, 100);
        var strict = new Option<bool>("--strict") { Description = "Fail on warnings too" };
        var cmd = new Command("check", "Check a YOLO-pose data set and summarise it");
        cmd.Arguments.Add(input);
        cmd.Options.Add(visible);
        cmd.Options.Add(hidden);
        cmd.Options.Add(strict);
        cmd.SetAction(parse =>
        {
            var options = new CheckOptions { VisibleBoxMargin = parse.GetValue(visible), HiddenBoxMargin = parse.GetValue(hidden) };
            var (set, report) = DatasetChecker.Run(parse.GetValue(input)!, options);
            CheckReportWriter.Write(parse.InvocationConfiguration.Output, report, set.Yaml, set.Root);
            return report.Errors > 0 || (parse.GetValue(strict) && report.Warnings > 0) ? ExitCodes.CheckFailed : ExitCodes.Ok;
        });
        return cmd;
    }
}
