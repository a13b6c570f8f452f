using EdgePose.Core.Decoding;
using EdgePose.Core.Preprocessing;
using EdgePose.Native.Cuda.Kernels;
using EdgePose.Native.Processing;

namespace EdgePose.Native.Tests.Processing;

/// <summary>At most as many (raw output, parameters) pairs use CUDA graphs as the postprocess buffers keep, so none is re-recorded per frame.</summary>
public class PostprocessGraphKeysTests
{
    private static readonly OutputLayout Layout = new(OutputLayoutKind.RawChannelsFirst, 1, 8400, 1, 17, 3);

    [Fact]
    public void The_first_eight_pairs_use_graphs_and_later_ones_launch_kernel_by_kernel()
    {
        var keys = new PostprocessGraphKeys();
        var p = Params(640, 480);

        for (ulong raw = 1; raw <= PostprocessGraphKeys.Capacity; raw++)
        {
            Assert.True(keys.UseGraph(raw * 0x1000, p));
        }

        Assert.False(keys.UseGraph(9 * 0x1000, p));
        Assert.True(keys.UseGraph(3 * 0x1000, p));
    }

    [Fact]
    public void Other_parameters_at_the_same_address_are_another_pair()
    {
        var keys = new PostprocessGraphKeys();
        for (int i = 0; i < PostprocessGraphKeys.Capacity; i++)
        {
            Assert.True(keys.UseGraph(0x1000, Params(640 + (2 * i), 480)));
        }

        Assert.False(keys.UseGraph(0x1000, Params(1920, 1080)));
        Assert.True(keys.UseGraph(0x1000, Params(642, 480)));
    }

    [Fact]
    public void Cleared_keys_take_new_pairs_again()
    {
        var keys = new PostprocessGraphKeys();
        for (ulong raw = 1; raw <= PostprocessGraphKeys.Capacity; raw++)
        {
            keys.UseGraph(raw, Params(640, 480));
        }

        keys.Clear();

        Assert.True(keys.UseGraph(100, Params(640, 480)));
    }

    private static DecodeParams Params(int width, int height) =>
        DecodeParams.For(Layout, new DecodeOptions(), Letterbox.Compute(width, height, 640, 640), 300);
}
