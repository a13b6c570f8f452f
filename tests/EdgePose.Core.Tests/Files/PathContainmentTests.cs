using EdgePose.Core.Files;

namespace EdgePose.Core.Tests.Files;

public class PathContainmentTests
{
    [Theory]
    [InlineData("/data/ds", "/data/ds", true)]
    [InlineData("/data/ds/", "/data/ds", true)]
    [InlineData("/data/ds/images/a.jpg", "/data/ds", true)]
    [InlineData("/data/ds2", "/data/ds", false)]
    [InlineData("/data", "/data/ds", false)]
    [InlineData("/anything", "/", true)]
    public void Same_or_inside_compares_whole_path_parts(string path, string folder, bool expected) =>
        Assert.Equal(expected, PathContainment.IsSameOrInside(path, folder));
}
