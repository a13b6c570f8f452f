using EdgePose.Core.Coco;
using EdgePose.Core.Decoding;
using EdgePose.Core.Errors;
using EdgePose.Core.Evaluation;
using EdgePose.Core.Poses;
using EdgePose.Core.Preprocessing;
using EdgePose.Data.Val;
using EdgePose.Native.OpenCv;
using EdgePose.Train.Models;
using TorchSharp;
using static TorchSharp.torch;

namespace EdgePose.Train.Training;

/// <summary>
/// Validates a model in memory as `edgepose val` validates an exported one: the val set loaded by the same
/// <see cref="ValDataLoader"/> (data.yaml val split or COCO keypoints json), each image letterboxed to imgsz by the
/// same preprocessor, the model's export-layout output decoded by the same decoder with Ultralytics' val settings
/// (conf 0.001, IoU 0.7, 300 detections, multi-label), mapped back to the image, written as Ultralytics' validator
/// writes results, and evaluated by EdgePose.Core's pycocotools-equivalent OKS and box evaluation.
/// The forward pass runs in float64: LibTorch's float32 CPU convolutions were measured up to 13 px off the exact
/// keypoints of an imported YOLO11n-pose (which ONNX Runtime on the export matches to 0.001 px), enough to cost
/// 4 points of pose mAP50-95; in float64 the numbers equal `edgepose val` on the exported model.
/// </summary>
public sealed class PoseValidator : IDisposable
{
    private readonly ValData _data;
    private readonly int _imgsz;
    private readonly int _batch;
    private readonly OpenCvBgrResizer _resizer = new();
    private readonly LetterboxPreprocessor _preprocessor;
    private readonly float[] _input;
    private readonly Letterbox[] _boxes;

    public PoseValidator(ValData data, int imgsz, int batch)
    {
        _data = data;
        _imgsz = imgsz;
        _batch = Math.Max(1, batch);
        _preprocessor = new LetterboxPreprocessor(_resizer, imgsz, imgsz);
        _input = new float[_batch * _preprocessor.SlotElements];
        _boxes = new Letterbox[_batch];
    }

    public ValData Data => _data;

    public static PoseValidator For(string data, string? images, int imgsz, int batch) => new(ValDataLoader.Load(data, images), imgsz, batch);

    /// <summary>The model's kpt_shape must be the data's (K, and D where the data states it).</summary>
    public void CheckModel(PoseModel model, string modelName)
    {
        int k = _data.GroundTruth.KeypointCount;
        if (k != model.KptShape[0] || (_data.KeypointDims is int d && d != model.KptShape[1]))
        {
            throw new InputException($"kpt_shape [{k}, {_data.KeypointDims?.ToString() ?? "?"}] of the data {_data.Source} differs from the model's kpt_shape [{model.KptShape[0]}, {model.KptShape[1]}] ({modelName})");
        }
    }

    public ValMetrics Run(PoseModel model, Device? device, CancellationToken ct)
    {
        var decode = DecodeOptions.UltralyticsVal;
        var results = new List<CocoDetection>();
        var detections = new PoseDetections(decode.MaxDetections, model.KptShape[0]);
        bool wasTraining = model.training;
        model.eval();
        model.to(ScalarType.Float64);
        try
        {
            for (int first = 0; first < _data.Images.Count; first += _batch)
            {
                ct.ThrowIfCancellationRequested();
                int n = Math.Min(_batch, _data.Images.Count - first);
                for (int i = 0; i < n; i++)
                {
                    using var image = ImageCodec.Read(_data.Images[first + i].Path);
                    Letterbox? pad = null;
                    _boxes[i] = _preprocessor.Write(image.AsBgrImage(), _input.AsSpan(i * _preprocessor.SlotElements, _preprocessor.SlotElements), ref pad);
                }

                float[] output;
                long rows;
                using (var scope = NewDisposeScope())
                using (no_grad())
                {
                    var x = tensor(_input.AsSpan(0, n * _preprocessor.SlotElements).ToArray(), [n, 3, _imgsz, _imgsz], device: device).to(ScalarType.Float64);
                    var y = model.call(x).to(ScalarType.Float32).cpu();
                    rows = y.shape[2];
                    output = y.data<float>().ToArray();
                }

                var layout = new OutputLayout(OutputLayoutKind.RawChannelsFirst, n, (int)rows, model.Classes, model.KptShape[0], model.KptShape[1]);
                var decoder = PoseDecoders.Create(layout);
                for (int i = 0; i < n; i++)
                {
                    decoder.Decode(output, i, decode, detections);
                    _boxes[i].Unmap(detections);
                    UltralyticsCocoResults.Append(results, _data.Images[first + i].ImageId, detections, _data.CategoryOfClass);
                }
            }
        }
        finally
        {
            model.to(ScalarType.Float32);
            model.train(wasTraining);
        }

        var set = CocoDetectionSet.FromResults(_data.GroundTruth, results, "predictions");
        var keypoints = CocoEvaluator.EvaluateKeypoints(set, _data.Meta.Sigmas);
        var boxes = CocoEvaluator.EvaluateBoxes(set);
        return new ValMetrics(Clean(keypoints["AP"]), Clean(keypoints["AP50"]), Clean(boxes["AP"]), Clean(boxes["AP50"]), _data.Images.Count, results.Count);
    }

    public void Dispose() => _resizer.Dispose();

    /// <summary>pycocotools reports −1 where there is nothing to measure; a curve plots 0 there.</summary>
    private static double Clean(double v) => v < 0 ? 0 : v;
}
