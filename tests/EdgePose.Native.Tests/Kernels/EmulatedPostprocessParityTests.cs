using EdgePose.Core.Decoding;
using EdgePose.Core.Preprocessing;
using EdgePose.Native.Cuda.Kernels;
using Xunit.Abstractions;

namespace EdgePose.Native.Tests.Kernels;

/// <summary>
/// The decode, sort, NMS and gather kernels, run on the CPU's emulated grid, against EdgePose.Core's
/// RawPoseDecoder and Letterbox.Unmap: the same detections in the same order.
/// </summary>
public class EmulatedPostprocessParityTests(ITestOutputHelper output)
{
    [Fact]
    public void Thousand_random_frames_give_the_detections_of_core()
    {
        var rng = new Random(20261126);
        var compare = new PostprocessComparison();
        for (int f = 0; f < 1000; f++)
        {
            // Mostly small frames (the emulation is sequential), every 100th at the full 8400 anchors.
            int rows = f % 100 == 0 ? 8400 : rng.Next(1, 400);
            var frame = RandomRawFrame.Create(rng, rows);
            var why = compare.Compare(frame.Layout, frame.Output, frame.Options, frame.Box);
            Assert.True(why is null, $"frame {f} ({frame.Layout}, {frame.Options}): {why}");
        }

        output.WriteLine($"1000 frames: {compare.Candidates} candidates, {compare.Detections} detections equal to Core's; largest coordinate difference {compare.MaxCoordinateDifference} px");
        Assert.True(compare.Detections > 10000, $"only {compare.Detections} detections compared");
    }

    [Fact]
    public void Equal_scores_are_kept_in_anchor_order()
    {
        // Three identical boxes with identical scores: Core keeps the lowest anchor, suppresses the others.
        var layout = new OutputLayout(OutputLayoutKind.RawChannelsFirst, 1, 5, 1, 1, 3);
        float[] rows =
        [
            // cx, cy, w, h, score, kx, ky, ks per anchor (transposed below)
            100, 100, 50, 50, 0.1f, 1, 1, 1,
            300, 300, 40, 40, 0.8f, 2, 2, 1,
            300, 300, 40, 40, 0.8f, 3, 3, 1,
            300, 300, 40, 40, 0.8f, 4, 4, 1,
            500, 500, 20, 20, 0.8f, 5, 5, 1,
        ];
        var raw = Transpose(rows, 5, 8);
        var p = DecodeParams.For(layout, new DecodeOptions(), Letterbox.Compute(640, 640, 640, 640), 300);
        var result = new int[p.ResultWords];

        EmulatedKernels.Postprocess(raw, p, result);

        Assert.Equal(2, KernelResult.Count(result));
        Assert.Equal(4, KernelResult.Candidates(result));
        Assert.Equal(1, result[KernelResult.HeaderWords + 6]);
        Assert.Equal(4, result[KernelResult.HeaderWords + p.RecordWords + 6]);
    }

    [Fact]
    public void A_frame_without_candidates_gives_no_detections()
    {
        var layout = new OutputLayout(OutputLayoutKind.RawChannelsFirst, 1, 64, 1, 17, 3);
        var raw = new float[64 * layout.ValuesPerRow];
        var p = DecodeParams.For(layout, new DecodeOptions(), Letterbox.Compute(1280, 720, 640, 640), 300);
        var result = new int[p.ResultWords];
        result[0] = 99;

        EmulatedKernels.Postprocess(raw, p, result);

        Assert.Equal(0, KernelResult.Count(result));
        Assert.Equal(0, KernelResult.Candidates(result));
    }

    [Fact]
    public void A_result_buffer_too_small_is_refused_before_the_native_call()
    {
        var layout = new OutputLayout(OutputLayoutKind.RawChannelsFirst, 1, 8, 1, 17, 3);
        var p = DecodeParams.For(layout, new DecodeOptions(), Letterbox.Compute(640, 480, 640, 640), 10);

        var e = Assert.Throws<ArgumentException>(() => EmulatedKernels.Postprocess(new float[8 * layout.ValuesPerRow], p, new int[p.ResultWords - 1]));

        Assert.Contains("result buffer", e.Message);
    }

    private static float[] Transpose(float[] rows, int n, int values)
    {
        var t = new float[rows.Length];
        for (int r = 0; r < n; r++)
        {
            for (int v = 0; v < values; v++)
            {
                t[(v * n) + r] = rows[(r * values) + v];
            }
        }

        return t;
    }
}
