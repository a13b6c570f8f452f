using System.Diagnostics;
using EdgePose.Core.Frames;
using EdgePose.Core.Pipeline;
using EdgePose.Native.OpenCv;
using OpenCvSharp;

namespace EdgePose.Host.Tests.Preview;

/// <summary>
/// Scripted live sources for a real <see cref="PosePipeline"/>: each source id shows its own images in turn
/// (each for a while, like a slow slideshow) at a given frame rate; an id without images cannot be opened
/// (a camera that is down). A source's images all have one size.
/// </summary>
internal sealed class ImageLoopReaders(IReadOnlyDictionary<string, Mat[]> images, double fps, int framesPerImage) : IFrameReaderFactory
{
    public IFrameReader Open(PipelineSource source, TimeSpan openTimeout, TimeSpan readTimeout) =>
        images.TryGetValue(source.Id, out var list) && list.Length > 0
            ? new Reader(list, fps, framesPerImage)
            : throw new IOException($"source '{source.Id}': connection refused");

    private sealed class Reader(Mat[] images, double fps, int framesPerImage) : IFrameReader
    {
        private readonly long _interval = (long)(Stopwatch.Frequency / fps);
        private long _next = Stopwatch.GetTimestamp();
        private long _count;

        public FrameShape Shape { get; } = new(images[0].Cols, images[0].Rows, PixelFormat.Bgr24);

        private Mat Image => images[(int)(_count / framesPerImage % images.Length)];

        public FrameRead Read(Frame frame, CancellationToken cancellationToken)
        {
            var wait = Stopwatch.GetElapsedTime(Stopwatch.GetTimestamp(), _next);
            if (wait > TimeSpan.Zero && cancellationToken.WaitHandle.WaitOne(wait))
            {
                return FrameRead.Stalled;
            }

            _next += _interval;
            var image = Image;
            int rows = image.Rows, width = image.Cols * 3;
            for (int y = 0; y < rows; y++)
            {
                image.BgrRow(y).CopyTo(frame.Pixels.Slice(y * frame.Stride, width));
            }

            _count++;
            return new FrameRead(FrameReadOutcome.Frame);
        }

        public void Dispose()
        {
        }
    }
}
