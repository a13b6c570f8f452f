using EdgePose.Core.Errors;
using EdgePose.TensorRt.Building.Calibration;
using EdgePose.Tests;

namespace EdgePose.TensorRt.Tests.Building;

public class CalibrationImageFolderTests
{
    [RequiresSharedFact("data/coco8-pose/images/train")]
    public void Images_of_a_folder_are_listed_sorted_by_name()
    {
        var folder = Path.Combine(TestPaths.Coco8Pose, "images", "train");

        var images = CalibrationImageFolder.List(folder);

        Assert.NotEmpty(images);
        Assert.Equal(images.Order(StringComparer.Ordinal), images);
        Assert.All(images, i => Assert.EndsWith(".jpg", i, StringComparison.Ordinal));
    }

    [Fact]
    public void File_given_as_the_folder_is_rejected()
    {
        var file = Path.GetTempFileName();
        try
        {
            var e = Assert.Throws<InputException>(() => CalibrationImageFolder.List(file));

            Assert.Equal($"--calib-images must be a folder of images, but {file} is a file", e.Message);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public void Images_are_matched_by_extension_in_any_case()
    {
        var dir = TestPaths.NewTempDir("edgepose-trt");
        try
        {
            File.WriteAllBytes(Path.Combine(dir, "b.PNG"), [1]);
            File.WriteAllBytes(Path.Combine(dir, "a.jpeg"), [1]);
            File.WriteAllBytes(Path.Combine(dir, "c.txt"), [1]);

            Assert.Equal([Path.Combine(dir, "a.jpeg"), Path.Combine(dir, "b.PNG")], CalibrationImageFolder.List(dir));
        }
        finally
        {
            Directory.Delete(dir, true);
        }
    }
}
