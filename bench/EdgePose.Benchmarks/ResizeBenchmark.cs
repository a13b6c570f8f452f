using BenchmarkDotNet.Attributes;
using EdgePose.Native.OpenCv;

namespace EdgePose.Benchmarks;

/// <summary>
/// The letterbox resize of a 768x576 camera frame (vtest.avi's size) to 640x480, bilinear as Ultralytics
/// does it, into a destination made once: a reused BgrMat, and caller memory (the inside of a 640x640
/// letterbox canvas), from the BgrMat or, as the pose predictor does, through Core's IBgrResizer on a view
/// of the pixels. None may allocate.
/// </summary>
[MemoryDiagnoser]
public class ResizeBenchmark
{
    private const int SourceWidth = 768, SourceHeight = 576, TargetWidth = 640, TargetHeight = 480;
    private const int CanvasSide = 640, CanvasTop = (CanvasSide - TargetHeight) / 2;

    private BgrMat _source = null!;
    private BgrMat _destination = null!;
    private byte[] _canvas = null!;

    [GlobalSetup]
    public void Setup()
    {
        _source = new BgrMat(SourceWidth, SourceHeight);
        var random = new Random(42);
        for (var y = 0; y < SourceHeight; y++)
        {
            random.NextBytes(_source.Row(y));
        }

        _destination = new BgrMat(TargetWidth, TargetHeight);
        _canvas = GC.AllocateArray<byte>(CanvasSide * CanvasSide * 3, pinned: true);
        _canvas.AsSpan().Fill(114);
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _source.Dispose();
        _destination.Dispose();
    }

    [Benchmark(Baseline = true)]
    public void Into_reused_mat() =>
        ImageResize.Resize(_source, _destination, TargetWidth, TargetHeight, Interpolation.Linear);

    [Benchmark]
    public void Into_letterbox_canvas() =>
        ImageResize.Resize(_source, _canvas.AsSpan(CanvasTop * CanvasSide * 3), TargetWidth, TargetHeight, CanvasSide * 3, Interpolation.Linear);

    [Benchmark]
    public void Core_resizer_into_letterbox_canvas() =>
        OpenCvBgrResizer.Instance.Resize(_source.AsView(), _canvas.AsSpan(CanvasTop * CanvasSide * 3), TargetWidth, TargetHeight, CanvasSide * 3);
}
