using EdgePose.Core.Frames;
using EdgePose.Core.Pipeline;

namespace EdgePose.Native.Tests.Processing;

/// <summary>File-like sources for a real pipeline: each source id hands over its one image (tight rows) a number of times, then ends.</summary>
internal sealed class StillFrameReaders(IReadOnlyDictionary<string, (byte[] Pixels, FrameShape Shape)> images, int framesEach) : IFrameReaderFactory
{
    public IFrameReader Open(PipelineSource source, TimeSpan openTimeout, TimeSpan readTimeout) =>
        new Reader(images[source.Id].Pixels, images[source.Id].Shape, framesEach);

    private sealed class Reader(byte[] pixels, FrameShape shape, int frames) : IFrameReader
    {
        private int _read;

        public FrameShape Shape => shape;

        public FrameRead Read(Frame frame, CancellationToken cancellationToken)
        {
            if (_read++ >= frames)
            {
                return FrameRead.EndOfStream;
            }

            pixels.CopyTo(frame.Pixels);
            return new FrameRead(FrameReadOutcome.Frame);
        }

        public void Dispose()
        {
        }
    }
}
