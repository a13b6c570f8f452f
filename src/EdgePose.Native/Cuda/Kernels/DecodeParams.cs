using System.Runtime.InteropServices;
using EdgePose.Core.Decoding;
using EdgePose.Core.Preprocessing;

namespace EdgePose.Native.Cuda.Kernels;

/// <summary>
/// ep_decode_params of native/kernels/ep_params.h, field for field: decoding of the raw pose head, NMS and
/// the letterbox inverse, passed by value to the decode, sort, NMS and gather kernels.
/// </summary>
[StructLayout(LayoutKind.Sequential)]
public struct DecodeParams
{
    public const int Size = 72;

    public int Rows;
    public int Classes;
    public int KeypointCount;
    public int KeypointDims;
    public int ChannelsLast;
    public int MultiLabel;
    public int ClassAgnostic;
    public int MaxDetections;
    public int MaxCandidates;
    public int Capacity;
    public float Confidence;
    public float PadLeft;
    public float PadTop;
    public float Gain;
    public float SourceWidth;
    public float SourceHeight;
    public double Iou;

    /// <summary>
    /// Parameters with EdgePose.Core's semantics for one image of <paramref name="layout"/> (a raw layout),
    /// thresholds from <paramref name="options"/>, at most <paramref name="maxDetections"/> results (the
    /// smaller of that and the options' max-det), mapped back through <paramref name="box"/>.
    /// </summary>
    public static DecodeParams For(OutputLayout layout, DecodeOptions options, in Letterbox box, int maxDetections)
    {
        if (layout.Kind == OutputLayoutKind.EndToEnd)
        {
            throw new ArgumentException($"layout {layout} is end-to-end, not raw", nameof(layout));
        }

        options.Validated();
        if (maxDetections < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(maxDetections), maxDetections, "at least one detection");
        }

        long capacity = (long)layout.Rows * (options.MultiLabel ? layout.ClassCount : 1);
        if (capacity > int.MaxValue / 4)
        {
            throw new ArgumentException($"layout {layout} has too many candidates for the GPU decoder", nameof(layout));
        }

        return new DecodeParams
        {
            Rows = layout.Rows,
            Classes = layout.ClassCount,
            KeypointCount = layout.KeypointCount,
            KeypointDims = layout.KeypointDims,
            ChannelsLast = layout.Kind == OutputLayoutKind.RawChannelsLast ? 1 : 0,
            MultiLabel = options.MultiLabel ? 1 : 0,
            ClassAgnostic = options.ClassAgnostic ? 1 : 0,
            MaxDetections = Math.Min(options.MaxDetections, maxDetections),
            MaxCandidates = options.MaxCandidates,
            Capacity = (int)capacity,
            Confidence = options.Confidence,
            PadLeft = box.PadLeft,
            PadTop = box.PadTop,
            Gain = (float)box.Gain,
            SourceWidth = box.SourceWidth,
            SourceHeight = box.SourceHeight,
            Iou = options.Iou,
        };
    }

    /// <summary>Candidates that enter NMS at most: the sorted order's and the IoU mask's rows.</summary>
    public readonly int NmsCapacity => Math.Min(Capacity, MaxCandidates);

    /// <summary>64-bit words per IoU mask row.</summary>
    public readonly int MaskWords => (NmsCapacity + KernelLaunchConfig.NmsBlock - 1) / KernelLaunchConfig.NmsBlock;

    /// <summary>Ints per result record: box, score, class, anchor, then x, y, score per keypoint.</summary>
    public readonly int RecordWords => KernelResult.RecordFixedWords + (3 * KeypointCount);

    /// <summary>Ints of the whole result buffer.</summary>
    public readonly int ResultWords => KernelResult.HeaderWords + (MaxDetections * RecordWords);
}
