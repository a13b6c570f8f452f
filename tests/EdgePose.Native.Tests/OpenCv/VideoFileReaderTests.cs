using EdgePose.Core.Errors;
using EdgePose.Native.OpenCv;
using EdgePose.Tests;
using OpenCvSharp;

namespace EdgePose.Native.Tests.OpenCv;

public sealed class VideoFileReaderTests : IDisposable
{
    private readonly string _dir = TestPaths.NewTempDir("edgepose-video");

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [RequiresFileFact(TestImages.Vtest)]
    public void Sample_video_reports_its_size_rate_and_length()
    {
        using var video = VideoFileReader.Open(TestImages.Vtest);
        Assert.Equal(TestImages.Vtest, video.Path);
        Assert.Equal(768, video.Width);
        Assert.Equal(576, video.Height);
        Assert.Equal(10.0, video.Fps, 3);
        Assert.Equal(795, video.FrameCount);
        Assert.Equal(0, video.Position);
        Assert.Equal("FFMPEG", video.Backend);
    }

    [RequiresFileFact(TestImages.Vtest)]
    public void Frames_are_read_into_the_same_mat_each_time_without_allocating()
    {
        using var video = VideoFileReader.Open(TestImages.Vtest);
        using var frame = new Mat();
        Assert.True(video.Read(frame));
        Assert.Equal((768, 576), (frame.Cols, frame.Rows));
        var address = frame.Data;
        var first = TestImages.PackedBytes(frame);

        Assert.True(video.Read(frame));
        bool read = true;
        long allocated = SteadyAllocation.Least(() =>
        {
            for (var i = 0; i < 2; i++)
            {
                read &= video.Read(frame);
            }
        }, rounds: 4);
        Assert.True(read);
        Assert.Equal(address, frame.Data);
        Assert.Equal(10, video.Position);
        Assert.Equal(0, allocated);
        Assert.NotEqual(first, TestImages.PackedBytes(frame));
    }

    [Fact]
    public void End_of_file_reads_false_after_every_frame_written()
    {
        var path = Path.Combine(_dir, "three.avi");
        using (var writer = VideoFileWriter.Open(path, "MJPG", 5, 64, 48))
        {
            for (var i = 0; i < 3; i++)
            {
                using var image = new Mat(48, 64, MatType.CV_8UC3, new Scalar(i * 80, 100, 200));
                writer.Write(image);
            }
        }

        using var video = VideoFileReader.Open(path);
        using var frame = new Mat();
        var read = 0;
        byte lastBlue = 0;
        while (video.Read(frame))
        {
            read++;
            Assert.Equal((64, 48), (frame.Cols, frame.Rows));
            lastBlue = TestImages.At(frame, 32, 24).B;
        }

        Assert.Equal(3, read);
        Assert.InRange(lastBlue, 150, 170);
    }

    [Fact]
    public void Missing_video_file_is_rejected_with_the_path_in_the_message()
    {
        var path = Path.Combine(_dir, "nowhere.mp4");
        var e = Assert.Throws<InputException>(() => VideoFileReader.Open(path));
        Assert.Equal($"video file not found: '{path}'", e.Message);
    }

    [Fact]
    public void Folder_given_as_video_is_rejected_with_the_path_in_the_message()
    {
        var e = Assert.Throws<InputException>(() => VideoFileReader.Open(_dir));
        Assert.Equal($"video path is a folder, not a file: '{_dir}'", e.Message);
    }

    [Fact]
    public void File_that_is_no_video_is_rejected_with_the_path_in_the_message()
    {
        var path = Path.Combine(_dir, "notes.mp4");
        File.WriteAllText(path, "not a video\n");
        var e = Assert.Throws<InputException>(() => VideoFileReader.Open(path));
        Assert.StartsWith($"cannot open video '{path}': ", e.Message);
        Assert.DoesNotContain("Exception", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Empty_path_is_rejected()
    {
        var e = Assert.Throws<InputException>(() => VideoFileReader.Open(""));
        Assert.Equal("video path is empty", e.Message);
    }
}
