using BenchmarkDotNet.Attributes;
using EdgePose.Core.Preprocessing;
using EdgePose.Native.OpenCv;
using OpenCvSharp;

namespace EdgePose.Benchmarks;

/// <summary>
/// The letterbox resize of a 768x576 camera frame (vtest.avi's size) to 640x480, bilinear as Ultralytics
/// does it: OpenCvSharp's Cv2.Resize into a reused Mat, and, as the pose predictor does, Core's IBgrResizer
/// on a view of the pixels into caller memory (the inside of a 640x640 letterbox canvas). The resizer must
/// not allocate.
/// </summary>
[MemoryDiagnoser]
public class ResizeBenchmark
{
    private const int SourceWidth = 768, SourceHeight = 576, TargetWidth = 640, TargetHeight = 480;
    private const int CanvasSide = 640, CanvasTop = (CanvasSide - TargetHeight) / 2;

    private Mat _source = null!;
    private Mat _destination = null!;
    private OpenCvBgrResizer _resizer = null!;
    private readonly BilinearBgrResizer _managed = new();
    private byte[] _canvas = null!;

    [GlobalSetup]
    public void Setup()
    {
        _source = new Mat(SourceHeight, SourceWidth, MatType.CV_8UC3);
        Cv2.Randu(_source, Scalar.All(0), Scalar.All(255));
        _destination = new Mat(TargetHeight, TargetWidth, MatType.CV_8UC3);
        _resizer = new OpenCvBgrResizer();
        _canvas = GC.AllocateArray<byte>(CanvasSide * CanvasSide * 3, pinned: true);
        _canvas.AsSpan().Fill(114);
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _source.Dispose();
        _destination.Dispose();
        _resizer.Dispose();
    }

    [Benchmark(Baseline = true)]
    public void Cv2_resize_into_reused_mat() =>
        Cv2.Resize(_source, _destination, new Size(TargetWidth, TargetHeight), 0, 0, InterpolationFlags.Linear);

    /// <summary>The live pipeline's resize: the same bytes as OpenCV's, in C#, so a headless run needs no OpenCV.</summary>
    [Benchmark]
    public void Managed_resizer_into_letterbox_canvas() =>
        _managed.Resize(_source.AsBgrImage(), _canvas.AsSpan(CanvasTop * CanvasSide * 3), TargetWidth, TargetHeight, CanvasSide * 3);

    [Benchmark]
    public void Core_resizer_into_letterbox_canvas() =>
        _resizer.Resize(_source.AsBgrImage(), _canvas.AsSpan(CanvasTop * CanvasSide * 3), TargetWidth, TargetHeight, CanvasSide * 3);
}
