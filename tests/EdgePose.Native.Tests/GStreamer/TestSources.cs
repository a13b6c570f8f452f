using EdgePose.Core.Sources;
using EdgePose.Native.GStreamer;

namespace EdgePose.Native.Tests.GStreamer;

/// <summary>Opens test sources through the same classifier, builder and opener that predict uses.</summary>
internal static class TestSources
{
    public static readonly GstFrameSourceOptions Quick = new()
    {
        OpenTimeout = TimeSpan.FromSeconds(10),
        ReadTimeout = TimeSpan.FromSeconds(5),
    };

    public static GstFrameSource Open(string uri, FramePixelFormat format = FramePixelFormat.Bgr, GstFrameSourceOptions? options = null) =>
        GstSourceOpener.Open(SourceUri.Parse(uri, RealPaths.Instance), options ?? Quick, new SourcePipelineOptions { PixelFormat = format });

    private sealed class RealPaths : IPathProbe
    {
        public static readonly RealPaths Instance = new();

        public PathKind Probe(string path) =>
            Directory.Exists(path) ? PathKind.Directory : File.Exists(path) ? PathKind.File : PathKind.Missing;
    }
}
