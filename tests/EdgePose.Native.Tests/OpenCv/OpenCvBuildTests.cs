using System.Text.RegularExpressions;
using EdgePose.Native.OpenCv;

namespace EdgePose.Native.Tests.OpenCv;

public class OpenCvBuildTests
{
    [Fact]
    public void Version_string_agrees_with_the_version_numbers()
    {
        var build = OpenCvBuild.Current;
        Assert.True(build.Major >= 4, build.Version);
        Assert.StartsWith($"{build.Major}.{build.Minor}.{build.Revision}", build.Version);
    }

    [Fact]
    public void Video_backends_agree_with_the_build_information_text()
    {
        var text = OpenCvBuild.BuildInformation();
        Assert.Contains("Video I/O:", text);
        var build = OpenCvBuild.Current;
        Assert.Equal(Regex.IsMatch(text, @"^\s+FFMPEG:\s+YES", RegexOptions.Multiline), build.HasFfmpeg);
        Assert.Equal(Regex.IsMatch(text, @"^\s+GStreamer:\s+YES", RegexOptions.Multiline), build.HasGStreamer);
        Assert.Equal(Regex.IsMatch(text, @"^\s+v4l/v4l2:\s+YES", RegexOptions.Multiline), build.HasV4l2);
    }
}
