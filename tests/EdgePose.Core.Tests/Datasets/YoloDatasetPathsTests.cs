using EdgePose.Core.Datasets.Yolo;

namespace EdgePose.Core.Tests.Datasets;

public class YoloDatasetPathsTests
{
    [Fact]
    public void Root_is_the_yaml_folder_when_path_is_empty() =>
        Assert.Equal("/sets/coco8", YoloDatasetPaths.Root("/sets/coco8/data.yaml", " "));

    [Fact]
    public void Root_path_is_relative_to_the_yaml_folder() =>
        Assert.Equal("/sets/coco8", YoloDatasetPaths.Root("/sets/yamls/data.yaml", "../coco8"));

    [Fact]
    public void Split_entry_is_a_full_path_under_the_root() =>
        Assert.Equal("/sets/coco8/images/val", YoloDatasetPaths.EntryPath("/sets/coco8", "images/./val"));

    [Theory]
    [InlineData("/sets/val.txt", true)]
    [InlineData("/sets/VAL.TXT", true)]
    [InlineData("/sets/images/val", false)]
    [InlineData("/sets/val.yaml", false)]
    public void Only_txt_files_are_image_lists(string path, bool isList) =>
        Assert.Equal(isList, YoloDatasetPaths.IsImageList(path));

    [Fact]
    public void Listed_images_are_relative_to_the_list_folder_with_dot_slash_and_to_the_root_otherwise()
    {
        string[] lines = ["./images/a.jpg", "  images/b.jpg  ", "", "   ", "/abs/c.jpg"];
        Assert.Equal(
            ["/sets/lists/images/a.jpg", "/sets/coco8/images/b.jpg", "/abs/c.jpg"],
            YoloDatasetPaths.ListedImages(lines, "/sets/lists/val.txt", "/sets/coco8"));
    }
}
