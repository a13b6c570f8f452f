namespace EdgePose.Train.Tests.Hostile;

/// <summary>An empty data set or split is an error for `data check` and `data preview`, never a silent pass (issue 9, class 6).</summary>
public class EmptyDataTests : TempFolder
{
    private string EmptySet(string val)
    {
        Directory.CreateDirectory(At("ds", "images", "train"));
        Directory.CreateDirectory(At("ds", "labels", "train"));
        File.WriteAllText(At("ds", "data.yaml"), $"path: .\ntrain: images/train\nval: {val}\nkpt_shape: [17, 3]\nflip_idx: [0, 2, 1, 4, 3, 6, 5, 8, 7, 10, 9, 12, 11, 14, 13, 16, 15]\nnames:\n  0: person\n");
        return At("ds", "data.yaml");
    }

    [Fact]
    public void Check_of_a_data_set_without_images_fails()
    {
        var r = CliRun.Of("data", "check", EmptySet("images/train"));
        Assert.NotEqual(0, r.ExitCode);
        Assert.Contains("the train split (images/train) holds no images", r.Stdout + r.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Preview_of_a_data_set_without_images_fails_and_writes_nothing()
    {
        var r = CliRun.Of("data", "preview", EmptySet("images/train"), "-o", At("pv"));
        Assert.Contains("no images to preview", r.SingleError(), StringComparison.Ordinal);
        Assert.False(Directory.Exists(At("pv")) && Directory.EnumerateFileSystemEntries(At("pv")).Any());
    }

    [Fact]
    public void Coco_json_with_a_negative_box_is_rejected_by_convert_as_by_val()
    {
        Directory.CreateDirectory(At("annotations"));
        File.WriteAllText(At("annotations", "person_keypoints_val2017.json"), """{"images": [{"id": 1, "file_name": "a.jpg", "width": 640, "height": 480}], "annotations": [{"id": 1, "image_id": 1, "category_id": 1, "bbox": [0, 0, -5, 10], "keypoints": [0, 0, 0]}], "categories": [{"id": 1, "name": "person", "keypoints": ["a"]}]}""");
        var r = CliRun.Of("data", "convert", "--from", "coco", "--to", "yolo", At("annotations", "person_keypoints_val2017.json"), "-o", At("out"), "--images-mode", "none");
        Assert.Contains("annotation 1 bbox [0, 0, -5, 10] has a negative", r.SingleError(), StringComparison.Ordinal);
    }
}
