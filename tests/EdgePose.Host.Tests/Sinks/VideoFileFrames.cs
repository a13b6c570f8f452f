using EdgePose.Core.Frames;
using EdgePose.Core.Pipeline;
using EdgePose.Native.OpenCv;
using OpenCvSharp;

namespace EdgePose.Host.Tests.Sinks;

/// <summary>A scripted source for pipeline tests: every source reads the same video file through OpenCV, as BGR frames.</summary>
internal sealed class VideoFileFrames(string path) : IFrameReaderFactory
{
    public IFrameReader Open(PipelineSource source, TimeSpan openTimeout, TimeSpan readTimeout) => new Reader(VideoFileReader.Open(path));

    private sealed class Reader(VideoFileReader video) : IFrameReader
    {
        private readonly Mat _mat = new();

        public FrameShape Shape { get; } = new(video.Width, video.Height, PixelFormat.Bgr24);

        public FrameRead Read(Frame frame, CancellationToken cancellationToken)
        {
            if (!video.Read(_mat))
            {
                return FrameRead.EndOfStream;
            }

            var pixels = frame.Pixels;
            int rows = _mat.Rows;
            for (int y = 0; y < rows; y++)
            {
                _mat.BgrRow(y).CopyTo(pixels.Slice(y * frame.Stride));
            }

            return new FrameRead(FrameReadOutcome.Frame);
        }

        public void Dispose()
        {
            _mat.Dispose();
            video.Dispose();
        }
    }
}
