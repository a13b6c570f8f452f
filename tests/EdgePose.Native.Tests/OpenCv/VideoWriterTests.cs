using EdgePose.Core.Errors;
using EdgePose.Native.OpenCv;
using EdgePose.Tests;

namespace EdgePose.Native.Tests.OpenCv;

public sealed class VideoWriterTests : IDisposable
{
    private readonly string _dir = TestPaths.NewTempDir("edgepose-writer");

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void Written_video_reads_back_with_its_size_rate_and_frames()
    {
        var path = Path.Combine(_dir, "out.avi");
        using (var writer = VideoWriter.Open(path, "MJPG", 12.5, 96, 64))
        {
            using var frame = TestImages.Solid(96, 64, 30, 60, 90);
            for (var i = 0; i < 7; i++)
            {
                writer.Write(frame);
            }
        }

        using var video = VideoCapture.Open(path);
        Assert.Equal((96, 64), (video.Width, video.Height));
        Assert.Equal(12.5, video.Fps, 2);
        using var back = new BgrMat();
        var n = 0;
        while (video.Read(back))
        {
            n++;
        }

        Assert.Equal(7, n);
        var (b, g, r) = TestImages.At(back, 48, 32);
        Assert.InRange(b, 25, 35);
        Assert.InRange(g, 55, 65);
        Assert.InRange(r, 85, 95);
    }

    [Fact]
    public void Frame_of_another_size_is_rejected_with_both_sizes()
    {
        using var writer = VideoWriter.Open(Path.Combine(_dir, "out.avi"), "MJPG", 10, 32, 32);
        using var frame = TestImages.Solid(16, 32, 0, 0, 0);
        var e = Assert.Throws<ArgumentException>(() => writer.Write(frame));
        Assert.Contains("16x32", e.Message);
        Assert.Contains("32x32", e.Message);
    }

    [Fact]
    public void Destination_in_a_missing_folder_is_rejected_with_the_path()
    {
        var path = Path.Combine(_dir, "no-such-folder", "out.avi");
        var e = Assert.Throws<InputException>(() => VideoWriter.Open(path, "MJPG", 10, 32, 32));
        Assert.StartsWith($"cannot write video '{path}': ", e.Message);
    }

    [Fact]
    public void Fourcc_that_is_not_four_characters_is_rejected_with_the_value()
    {
        var e = Assert.Throws<InputException>(() => VideoWriter.Open(Path.Combine(_dir, "out.avi"), "MJPEG", 10, 32, 32));
        Assert.Contains("'MJPEG'", e.Message);
    }

    [Fact]
    public void Destination_no_backend_can_write_is_rejected_with_the_path()
    {
        var path = Path.Combine(_dir, "out.unknownext");
        var e = Assert.Throws<InputException>(() => VideoWriter.Open(path, "ZZZZ", 10, 32, 32));
        Assert.StartsWith($"cannot open video '{path}' for writing: ", e.Message);
    }

    [Fact]
    public void Non_positive_rate_or_size_is_rejected()
    {
        var path = Path.Combine(_dir, "out.avi");
        Assert.Throws<ArgumentOutOfRangeException>(() => VideoWriter.Open(path, "MJPG", 0, 32, 32));
        Assert.Throws<ArgumentOutOfRangeException>(() => VideoWriter.Open(path, "MJPG", 10, 0, 32));
    }
}
