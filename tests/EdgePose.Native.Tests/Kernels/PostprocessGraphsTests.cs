using EdgePose.Core.Decoding;
using EdgePose.Core.Preprocessing;
using EdgePose.Native.Cuda.Kernels;

namespace EdgePose.Native.Tests.Kernels;

/// <summary>
/// The postprocess buffers keep a CUDA graph for each of their first 8 (raw output, parameters) pairs and record none
/// for later pairs, so no pair is re-recorded per frame (graphs stand in as plain disposables: no GPU needed).
/// </summary>
public class PostprocessGraphsTests
{
    private static readonly OutputLayout Layout = new(OutputLayoutKind.RawChannelsFirst, 1, 8400, 1, 17, 3);

    [Fact]
    public void The_first_eight_pairs_get_graphs_and_later_ones_launch_kernel_by_kernel()
    {
        using var graphs = new PostprocessGraphs<StandIn>();
        var p = Params(640, 480);
        for (ulong raw = 1; raw <= PostprocessGraphs<StandIn>.Capacity; raw++)
        {
            Assert.Null(graphs.Find(raw * 0x1000, p, out bool mayRecord));
            Assert.True(mayRecord);
            graphs.Add(raw * 0x1000, p, new StandIn());
        }

        Assert.Null(graphs.Find(9 * 0x1000, p, out bool ninth));
        Assert.False(ninth);
        Assert.NotNull(graphs.Find(3 * 0x1000, p, out _));
        Assert.Throws<InvalidOperationException>(() => graphs.Add(9 * 0x1000, p, new StandIn()));
    }

    [Fact]
    public void Other_parameters_at_the_same_address_are_another_pair()
    {
        using var graphs = new PostprocessGraphs<StandIn>();
        var first = new StandIn();
        graphs.Add(0x1000, Params(640, 480), first);

        Assert.Null(graphs.Find(0x1000, Params(1920, 1080), out bool mayRecord));
        Assert.True(mayRecord);
        Assert.Same(first, graphs.Find(0x1000, Params(640, 480), out _));
    }

    [Fact]
    public void Disposing_the_table_disposes_every_graph()
    {
        var kept = new[] { new StandIn(), new StandIn() };
        using (var graphs = new PostprocessGraphs<StandIn>())
        {
            graphs.Add(1, Params(640, 480), kept[0]);
            graphs.Add(2, Params(640, 480), kept[1]);
        }

        Assert.All(kept, g => Assert.True(g.Disposed));
    }

    private static DecodeParams Params(int width, int height) =>
        DecodeParams.For(Layout, new DecodeOptions(), Letterbox.Compute(width, height, 640, 640), 300);

    private sealed class StandIn : IDisposable
    {
        public bool Disposed { get; private set; }

        public void Dispose() => Disposed = true;
    }
}
