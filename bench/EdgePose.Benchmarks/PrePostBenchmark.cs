using BenchmarkDotNet.Attributes;
using EdgePose.Core.Decoding;
using EdgePose.Core.Inference;
using EdgePose.Core.Poses;
using EdgePose.Core.Preprocessing;
using EdgePose.Native.OnnxRuntime;
using EdgePose.Native.OpenCv;
using OpenCvSharp;

namespace EdgePose.Benchmarks;

/// <summary>
/// Our pre- and post-processing around the model, the parts Ultralytics does in Python:
/// <list type="bullet">
/// <item>Preprocess: letterbox (OpenCV bilinear resize when the size changes) + pad + BGR→RGB + CHW + /255 into the engine's input buffer.</item>
/// <item>Decode_predict / Decode_val: decode the real [1,56,8400] output of the same image, NMS and map back to image pixels, at
/// Ultralytics' PREDICT (conf 0.25) and VAL (conf 0.001, multi-label) settings.</item>
/// </list>
/// Images: vtest.avi's first frame (768x576, resized to 640x480) and coco8-pose val 000000000110.jpg (640x480, padding only; the image of
/// Ultralytics' timings in ../shared/reference/README.md).
/// Run: dotnet run -c Release --project bench/EdgePose.Benchmarks -- --filter '*PrePost*'
/// </summary>
[MemoryDiagnoser]
public class PrePostBenchmark
{
    private OnnxRuntimeEngine _engine = null!;
    private PosePredictor _predictor = null!;
    private Mat _image = null!;
    private OpenCvBgrResizer _resizer = null!;
    private float[] _output = null!;
    private IPoseDecoder _decoder = null!;
    private PoseDetections _detections = null!;
    private Letterbox _box;
    private readonly DecodeOptions _predict = new() { Confidence = 0.25f, Iou = 0.7, MaxDetections = 300 };
    private readonly DecodeOptions _val = new() { Confidence = 0.001f, Iou = 0.7, MaxDetections = 300, MultiLabel = true };

    [Params("vtest-768x576", "coco110-640x480")]
    public string Image { get; set; } = "";

    [GlobalSetup]
    public void Setup()
    {
        _engine = new OnnxRuntimeEngine(BenchmarkPaths.FloatHeadModel);
        _resizer = new OpenCvBgrResizer();
        _predictor = new PosePredictor(_engine, _resizer, new PredictorOptions());
        _image = new Mat();
        if (Image.StartsWith("vtest", StringComparison.Ordinal))
        {
            using var video = VideoFileReader.Open("/usr/share/doc/opencv-doc/examples/data/vtest.avi");
            if (!video.Read(_image))
            {
                throw new InvalidOperationException("vtest.avi gave no frame (install opencv-doc)");
            }
        }
        else
        {
            _image = ImageCodec.Read(Path.Combine(BenchmarkPaths.SharedRoot, "data", "coco8-pose", "images", "val", "000000000110.jpg"));
        }

        _box = _predictor.Preprocess(_image.AsBgrImage());
        _engine.Enqueue(_predictor.Buffers, 1);
        _output = _predictor.Buffers.Output(0, out _).ToArray();
        _decoder = PoseDecoders.Create(_predictor.Layout);
        _detections = new PoseDetections(300, _predictor.Layout.KeypointCount);
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _predictor.Dispose();
        _engine.Dispose();
        _image.Dispose();
        _resizer.Dispose();
    }

    [Benchmark]
    public Letterbox Preprocess() => _predictor.Preprocess(_image.AsBgrImage());

    [Benchmark]
    public int Decode_predict()
    {
        _decoder.Decode(_output, 0, _predict, _detections);
        _box.Unmap(_detections);
        return _detections.Count;
    }

    [Benchmark]
    public int Decode_val()
    {
        _decoder.Decode(_output, 0, _val, _detections);
        _box.Unmap(_detections);
        return _detections.Count;
    }
}
