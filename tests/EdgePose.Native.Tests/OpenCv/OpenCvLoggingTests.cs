using EdgePose.Native.OpenCv;
using OpenCvSharp;

namespace EdgePose.Native.Tests.OpenCv;

/// <summary>OpenCV and FFmpeg print to stderr themselves; a command silences both unless it is verbose.</summary>
[Collection(OpenCvLoggingCollection.Name)]
public class OpenCvLoggingTests
{
    [Fact]
    public void Log_level_set_is_the_level_opencv_then_reports_and_can_be_restored()
    {
        var before = OpenCvLogging.Level;
        try
        {
            OpenCvLogging.Level = LogLevel.ERROR;
            Assert.Equal(LogLevel.ERROR, Cv2.GetLogLevel());
            OpenCvLogging.Level = LogLevel.DEBUG;
            Assert.Equal(LogLevel.DEBUG, Cv2.GetLogLevel());
        }
        finally
        {
            OpenCvLogging.Level = before;
        }

        Assert.Equal(before, Cv2.GetLogLevel());
    }

    [Fact]
    public void A_command_silences_opencv_and_ffmpeg_unless_verbose()
    {
        var before = OpenCvLogging.Level;
        try
        {
            OpenCvLogging.ForCommand(verbose: false);
            Assert.Equal(LogLevel.SILENT, Cv2.GetLogLevel());
            Assert.Equal(-8, OpenCvLogging.FfmpegLevel()); // AV_LOG_QUIET, in the environment OpenCV reads

            OpenCvLogging.ForCommand(verbose: true);
            Assert.Equal(LogLevel.INFO, Cv2.GetLogLevel());
            Assert.Equal(32, OpenCvLogging.FfmpegLevel()); // AV_LOG_INFO
        }
        finally
        {
            OpenCvLogging.Level = before;
        }
    }
}

[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class OpenCvLoggingCollection
{
    public const string Name = "OpenCV log level (process-wide)";
}
