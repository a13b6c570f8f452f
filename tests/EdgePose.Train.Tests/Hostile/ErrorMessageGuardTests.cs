using System.Text.RegularExpressions;
using EdgePose.Tests;

namespace EdgePose.Train.Tests.Hostile;

/// <summary>The grep-level guard of issue 9 (class 8) for `edgepose-train`: no error line names an exception type.</summary>
public sealed partial class ErrorMessageGuardTests : TempFolder
{
    [GeneratedRegex(@"\b\w+Exception\b")]
    private static partial Regex ExceptionName();

    public static TheoryData<string> ErrorPaths() =>
    [
        "data check /nonexistent/data.yaml",
        "data check DIR/data.yaml",
        "data check NOTYAML",
        "data check /dev/zero",
        "data convert --from coco --to yolo NOTJSON -o OUT",
        "data convert --from coco --to yolo BADCOCO -o OUT",
        "data convert --from coco --to yolo DIR -o OUT",
        "data convert --from labelme --to coco /nonexistent -o OUT",
        "data split /nonexistent -o OUT",
        "data split DIR -o OUT --ratios 2,3,4,5",
        "data split DIR -o FILE",
        "data preview /nonexistent/data.yaml -o OUT",
        "data preview NOTYAML -o OUT",
        "data bogus",
    ];

    [Theory]
    [MemberData(nameof(ErrorPaths))]
    public void Error_path_ends_in_error_lines_without_an_exception_type_name(string commandLine)
    {
        var r = CliRun.Of(Expand(commandLine));

        Assert.NotEqual(0, r.ExitCode);
        Assert.NotEmpty(r.ErrorLines);
        foreach (var line in r.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            Assert.False(ExceptionName().IsMatch(line), $"'{commandLine}' printed an exception type name: {line}");
        }
    }

    private string[] Expand(string commandLine)
    {
        Directory.CreateDirectory(At("dir", "data.yaml"));
        File.WriteAllText(At("notyaml.yaml"), "kpt_shape: [17, 3\n  names: {");
        File.WriteAllText(At("notjson.json"), "{ not json");
        File.WriteAllText(At("badcoco.json"), """{"images": [{"id": 1, "file_name": "a.jpg", "width": 0, "height": 0}], "annotations": [{"id": 1, "image_id": 1, "category_id": 1, "bbox": [0, 0, -5, 10], "keypoints": null}], "categories": [{"id": 1, "name": "person", "keypoints": ["a"]}]}""");
        File.WriteAllText(At("file"), "x");
        return commandLine.Split(' ').Select(a => a switch
        {
            "DIR" => At("dir"),
            "NOTYAML" => At("notyaml.yaml"),
            "NOTJSON" => At("notjson.json"),
            "BADCOCO" => At("badcoco.json"),
            "FILE" => At("file"),
            "OUT" => At("out"),
            _ when a.StartsWith("DIR/", StringComparison.Ordinal) => At("dir", a[4..]),
            _ => a,
        }).ToArray();
    }
}
