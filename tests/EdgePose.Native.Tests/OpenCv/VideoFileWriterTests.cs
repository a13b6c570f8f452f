using EdgePose.Core.Errors;
using EdgePose.Native.OpenCv;
using EdgePose.Tests;
using OpenCvSharp;

namespace EdgePose.Native.Tests.OpenCv;

public sealed class VideoFileWriterTests : IDisposable
{
    private readonly string _dir = TestPaths.NewTempDir("edgepose-writer");

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void Written_video_reads_back_with_its_size_rate_and_frames()
    {
        var path = Path.Combine(_dir, "out.avi");
        using (var writer = VideoFileWriter.Open(path, "MJPG", 12.5, 80, 60))
        {
            using var frame = TestImages.Pattern(80, 60);
            writer.Write(frame);

            // Five rounds of two frames: a round without allocation shows the steady state (one CI run saw
            // 2560 bytes once, from the runtime, in a single measured stretch).
            Assert.Equal(0, SteadyAllocation.Least(() =>
            {
                writer.Write(frame);
                writer.Write(frame);
            }));
        }

        using var video = VideoFileReader.Open(path);
        Assert.Equal((80, 60), (video.Width, video.Height));
        Assert.Equal(12.5, video.Fps, 2);
        Assert.Equal(11, video.FrameCount);
    }

    [Fact]
    public void Frame_of_another_size_is_rejected_with_both_sizes()
    {
        using var writer = VideoFileWriter.Open(Path.Combine(_dir, "a.avi"), "MJPG", 10, 32, 24);
        using var frame = new Mat(20, 16, MatType.CV_8UC3);
        var e = Assert.Throws<ArgumentException>(() => writer.Write(frame));
        Assert.Contains("16x20", e.Message, StringComparison.Ordinal);
        Assert.Contains("32x24", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Destination_in_a_missing_folder_is_rejected_with_the_path()
    {
        var path = Path.Combine(_dir, "missing", "a.avi");
        var e = Assert.Throws<InputException>(() => VideoFileWriter.Open(path, "MJPG", 10, 32, 24));
        Assert.StartsWith($"cannot write video '{path}': folder ", e.Message);
    }

    [Fact]
    public void Fourcc_that_is_not_four_characters_is_rejected_with_the_value()
    {
        var e = Assert.Throws<InputException>(() => VideoFileWriter.Open(Path.Combine(_dir, "a.avi"), "MJPEG", 10, 32, 24));
        Assert.Equal("video codec fourcc must be 4 ASCII characters, got 'MJPEG'", e.Message);
    }

    [Fact]
    public void Non_positive_rate_or_size_is_rejected()
    {
        var path = Path.Combine(_dir, "a.avi");
        Assert.Throws<ArgumentOutOfRangeException>(() => VideoFileWriter.Open(path, "MJPG", 0, 32, 24));
        Assert.Throws<ArgumentOutOfRangeException>(() => VideoFileWriter.Open(path, "MJPG", 10, 0, 24));
    }
}
