using EdgePose.Core.Decoding;
using EdgePose.Core.Poses;
using EdgePose.Core.Preprocessing;
using EdgePose.Native.Cuda.Kernels;

namespace EdgePose.Native.Tests.Kernels;

/// <summary>
/// Runs one output through EdgePose.Core (RawPoseDecoder, then Letterbox.Unmap) and through the emulated
/// kernels, and compares: same count, same order (anchor and class), scores bit for bit, coordinates within
/// <see cref="Tolerance"/> px. Records the largest coordinate difference seen.
/// </summary>
internal sealed class PostprocessComparison
{
    public const float Tolerance = 1e-3f;
    public const int Capacity = 300;

    public float MaxCoordinateDifference { get; private set; }

    public int Detections { get; private set; }

    public int Candidates { get; private set; }

    /// <summary>Null when both agree, else what differs first.</summary>
    public string? Compare(OutputLayout layout, float[] output, DecodeOptions options, in Letterbox box)
    {
        var core = new PoseDetections(Capacity, layout.KeypointCount);
        new RawPoseDecoder(layout).Decode(output, 0, options, core);
        box.Unmap(core);

        var p = DecodeParams.For(layout, options, box, Capacity);
        var result = new int[p.ResultWords];
        EmulatedKernels.Postprocess(output, p, result);
        var gpu = new PoseDetections(Capacity, layout.KeypointCount);
        KernelResult.CopyTo(result, gpu);
        Candidates += KernelResult.Candidates(result);

        if (core.Count != gpu.Count)
        {
            return $"count {gpu.Count}, Core {core.Count}";
        }

        Detections += core.Count;
        for (int i = 0; i < core.Count; i++)
        {
            if (core.Anchor(i) != gpu.Anchor(i) || core.ClassId(i) != gpu.ClassId(i))
            {
                return $"detection {i}: anchor {gpu.Anchor(i)} class {gpu.ClassId(i)}, Core anchor {core.Anchor(i)} class {core.ClassId(i)}";
            }

            if (BitConverter.SingleToInt32Bits(core.Score(i)) != BitConverter.SingleToInt32Bits(gpu.Score(i)))
            {
                return $"detection {i}: score {gpu.Score(i)}, Core {core.Score(i)}";
            }

            if (Differs(core.Box(i), gpu.Box(i), out var what) || Differs(core.Keypoints(i), gpu.Keypoints(i), out what))
            {
                return $"detection {i}: {what}";
            }
        }

        return null;
    }

    private bool Differs(ReadOnlySpan<float> expected, ReadOnlySpan<float> actual, out string what)
    {
        for (int j = 0; j < expected.Length; j++)
        {
            float d = MathF.Abs(expected[j] - actual[j]);
            if (!(d <= Tolerance))
            {
                what = $"value {j} is {actual[j]}, Core {expected[j]}";
                return true;
            }

            MaxCoordinateDifference = MathF.Max(MaxCoordinateDifference, d);
        }

        what = string.Empty;
        return false;
    }
}
