using EdgePose.Core.Inference;
using EdgePose.Core.Poses;
using OpenCvSharp;

namespace EdgePose.Native.OpenCv;

/// <summary>
/// <c>predictor.Predict(mat)</c> for an OpenCvSharp <see cref="Mat"/> in BGR (as imread and VideoCapture give
/// it). The Mat is read in place; reuse one Mat per stream and nothing is allocated per frame.
/// </summary>
public static class PosePredictorMatExtensions
{
    public static PoseDetections Predict(this IPosePredictor predictor, Mat bgr)
    {
        ArgumentNullException.ThrowIfNull(predictor);
        return predictor.Predict(bgr.AsBgrImage());
    }
}
