using EdgePose.Core.Inference;
using EdgePose.Core.Preprocessing;
using EdgePose.Native.OpenCv;

namespace EdgePose.Native.Tests.Kernels;

/// <summary>The CPU path's model input: OpenCV INTER_LINEAR resize (Core's IBgrResizer), then Core's LetterboxTensorWriter.</summary>
internal static class CpuLetterbox
{
    public static float[] Tensor(byte[] bgr, int width, int height, int stride, in Letterbox box)
    {
        var chw = new float[3 * box.TargetWidth * box.TargetHeight];
        if (!box.NeedsResize)
        {
            LetterboxTensorWriter.Write(box, bgr, stride, chw);
            return chw;
        }

        using var resizer = new OpenCvBgrResizer();
        int rs = box.ResizedWidth * 3;
        var resized = new byte[rs * box.ResizedHeight];
        resizer.Resize(new BgrImage(bgr, width, height, stride), resized, box.ResizedWidth, box.ResizedHeight, rs);
        LetterboxTensorWriter.Write(box, resized, rs, chw);
        return chw;
    }

    /// <summary>Largest absolute difference and how many values differ at all.</summary>
    public static (float Max, int Differing) Difference(ReadOnlySpan<float> a, ReadOnlySpan<float> b)
    {
        float max = 0f;
        int n = 0;
        for (int i = 0; i < a.Length; i++)
        {
            float d = MathF.Abs(a[i] - b[i]);
            if (d != 0f)
            {
                n++;
                max = MathF.Max(max, d);
            }
        }

        return (max, n);
    }
}
