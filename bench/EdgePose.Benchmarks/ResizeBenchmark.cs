using BenchmarkDotNet.Attributes;
using EdgePose.Native.OpenCv;

namespace EdgePose.Benchmarks;

/// <summary>
/// The letterbox resize of a 768x576 camera frame (vtest.avi's size) to 640x480, bilinear as Ultralytics
/// does it, into a destination made once: a reused BgrImage, and caller memory (the inside of a 640x640
/// letterbox canvas). Both must show no managed allocation.
/// </summary>
[MemoryDiagnoser]
public class ResizeBenchmark
{
    private const int SourceWidth = 768, SourceHeight = 576, TargetWidth = 640, TargetHeight = 480;
    private const int CanvasSide = 640, CanvasTop = (CanvasSide - TargetHeight) / 2;

    private BgrImage _source = null!;
    private BgrImage _destination = null!;
    private byte[] _canvas = null!;

    [GlobalSetup]
    public void Setup()
    {
        _source = new BgrImage(SourceWidth, SourceHeight);
        var random = new Random(42);
        for (var y = 0; y < SourceHeight; y++)
        {
            random.NextBytes(_source.Row(y));
        }

        _destination = new BgrImage(TargetWidth, TargetHeight);
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
    public void Into_reused_image() =>
        ImageResize.Resize(_source, _destination, TargetWidth, TargetHeight, Interpolation.Linear);

    [Benchmark]
    public void Into_letterbox_canvas() =>
        ImageResize.Resize(_source, _canvas.AsSpan(CanvasTop * CanvasSide * 3), TargetWidth, TargetHeight, CanvasSide * 3, Interpolation.Linear);
}
