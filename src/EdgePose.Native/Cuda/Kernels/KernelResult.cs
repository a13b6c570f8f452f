using EdgePose.Core.Poses;

namespace EdgePose.Native.Cuda.Kernels;

/// <summary>
/// The compact result buffer the kernels leave (one copy back per frame): a header of 4 ints (detections,
/// candidates above conf, ints per record, reserved), then per detection x1, y1, x2, y2, score (floats),
/// class, anchor (ints) and x, y, score per keypoint (floats), in source-image pixels.
/// </summary>
public static class KernelResult
{
    public const int HeaderWords = 4;
    public const int RecordFixedWords = 7;

    /// <summary>Detections in <paramref name="result"/>.</summary>
    public static int Count(ReadOnlySpan<int> result) => result[0];

    /// <summary>Candidates whose score was above conf (before max-candidates and NMS).</summary>
    public static int Candidates(ReadOnlySpan<int> result) => result[1];

    /// <summary>Fills <paramref name="detections"/> from <paramref name="result"/>; no allocation.</summary>
    public static void CopyTo(ReadOnlySpan<int> result, PoseDetections detections)
    {
        detections.Clear();
        int count = result[0];
        int words = result[2];
        int k = detections.KeypointCount;
        if (count < 0 || count > detections.Capacity || (count > 0 && words != RecordFixedWords + (3 * k)))
        {
            throw new ArgumentException($"result holds {count} detections of {words} ints; detections take {detections.Capacity} with {k} keypoints", nameof(result));
        }

        if (result.Length < HeaderWords + (count * words))
        {
            throw new ArgumentException($"result buffer of {result.Length} ints is shorter than its {count} detections", nameof(result));
        }

        for (int d = 0; d < count; d++)
        {
            var r = result.Slice(HeaderWords + (d * words), words);
            int i = detections.Add(F(r[0]), F(r[1]), F(r[2]), F(r[3]), F(r[4]), r[5], r[6]);
            var kp = detections.Keypoints(i);
            for (int j = 0; j < kp.Length; j++)
            {
                kp[j] = F(r[RecordFixedWords + j]);
            }
        }
    }

    private static float F(int bits) => BitConverter.Int32BitsToSingle(bits);
}
