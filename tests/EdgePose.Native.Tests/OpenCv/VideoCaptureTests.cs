using EdgePose.Core.Errors;
using EdgePose.Native.OpenCv;
using EdgePose.Tests;

namespace EdgePose.Native.Tests.OpenCv;

public sealed class VideoCaptureTests : IDisposable
{
    private readonly string _dir = TestPaths.NewTempDir("edgepose-video");

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [RequiresFileFact(TestImages.Vtest)]
    public void Sample_video_reports_its_size_rate_and_length()
    {
        using var video = VideoCapture.Open(TestImages.Vtest);
        Assert.Equal(TestImages.Vtest, video.Source);
        Assert.Equal(768, video.Width);
        Assert.Equal(576, video.Height);
        Assert.Equal(10.0, video.Fps, 3);
        Assert.Equal(795, video.FrameCount);
        Assert.Equal(0, video.Position);
        Assert.NotEmpty(video.Backend);
    }

    [RequiresFileFact(TestImages.Vtest)]
    public void Frames_are_read_into_the_same_image_each_time()
    {
        using var video = VideoCapture.Open(TestImages.Vtest, VideoApi.Ffmpeg);
        using var frame = new BgrMat();
        Assert.True(video.Read(frame));
        Assert.Equal((768, 576), (frame.Width, frame.Height));
        var address = TestImages.Address(frame);
        var first = TestImages.PackedBytes(frame);

        for (var i = 1; i < 10; i++)
        {
            Assert.True(video.Read(frame));
            Assert.Equal(address, TestImages.Address(frame));
        }

        Assert.Equal(10, video.Position);
        Assert.NotEqual(first, TestImages.PackedBytes(frame));
    }

    [Fact]
    public void End_of_stream_reads_false_and_leaves_the_image_as_it_was()
    {
        var path = Path.Combine(_dir, "three.avi");
        using (var writer = VideoWriter.Open(path, "MJPG", 5, 64, 48))
        {
            for (var i = 0; i < 3; i++)
            {
                using var image = TestImages.Solid(64, 48, (byte)(i * 80), 100, 200);
                writer.Write(image);
            }
        }

        using var video = VideoCapture.Open(path);
        using var frame = new BgrMat();
        var read = 0;
        while (video.Read(frame))
        {
            read++;
        }

        Assert.Equal(3, read);
        Assert.Equal((64, 48), (frame.Width, frame.Height));
        Assert.InRange(TestImages.At(frame, 32, 24).B, 150, 170);
    }

    [Fact]
    public void Missing_video_file_is_rejected_with_the_path_in_the_message()
    {
        var path = Path.Combine(_dir, "nowhere.mp4");
        var e = Assert.Throws<InputException>(() => VideoCapture.Open(path));
        Assert.Equal($"video file not found: '{path}'", e.Message);
    }

    [Fact]
    public void Folder_given_as_video_is_rejected_with_the_path_in_the_message()
    {
        var e = Assert.Throws<InputException>(() => VideoCapture.Open(_dir));
        Assert.Contains($"'{_dir}'", e.Message);
    }

    [Fact]
    public void File_that_is_no_video_is_rejected_with_the_source_in_the_message()
    {
        var path = Path.Combine(_dir, "notes.avi");
        File.WriteAllText(path, "no frames in here\n");
        var e = Assert.Throws<InputException>(() => VideoCapture.Open(path));
        Assert.StartsWith($"cannot open video '{path}': ", e.Message);
    }

    [Fact]
    public void Broken_gstreamer_pipeline_is_rejected_with_the_pipeline_in_the_message()
    {
        const string pipeline = "nosuchelement-edgepose ! appsink";
        var e = Assert.Throws<InputException>(() => VideoCapture.Open(pipeline, VideoApi.GStreamer));
        Assert.StartsWith($"cannot open video '{pipeline}': ", e.Message);
    }

    [Fact]
    public void Missing_camera_is_rejected_with_its_index_in_the_message()
    {
        var e = Assert.Throws<InputException>(() => VideoCapture.OpenCamera(63, VideoApi.V4l2));
        Assert.StartsWith("cannot open camera 63: ", e.Message);
    }

    [Fact]
    public void Empty_source_is_rejected()
    {
        Assert.Throws<InputException>(() => VideoCapture.Open(string.Empty));
    }

    [RequiresFileFact(TestImages.Vtest)]
    public void Disposed_capture_cannot_be_read()
    {
        var video = VideoCapture.Open(TestImages.Vtest);
        video.Dispose();
        using var frame = new BgrMat();
        Assert.Throws<ObjectDisposedException>(() => video.Read(frame));
    }
}
