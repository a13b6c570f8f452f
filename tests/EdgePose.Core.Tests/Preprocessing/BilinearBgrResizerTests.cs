using EdgePose.Core.Inference;
using EdgePose.Core.Preprocessing;
using EdgePose.Tests;

namespace EdgePose.Core.Tests.Preprocessing;

/// <summary>The managed resize on its own (its byte parity with OpenCV is in EdgePose.Native.Tests).</summary>
public class BilinearBgrResizerTests
{
    [Fact]
    public void A_flat_image_stays_flat_at_any_size()
    {
        var source = new byte[37 * 23 * 3];
        for (int i = 0; i < source.Length; i += 3)
        {
            (source[i], source[i + 1], source[i + 2]) = ((byte)10, (byte)128, (byte)250);
        }

        foreach (var (w, h) in new[] { (20, 11), (74, 46), (640, 398), (1, 1) })
        {
            var dst = new byte[w * h * 3];
            new BilinearBgrResizer().Resize(new BgrImage(source, 37, 23, 37 * 3), dst, w, h, w * 3);
            for (int i = 0; i < dst.Length; i += 3)
            {
                Assert.Equal((10, 128, 250), (dst[i], dst[i + 1], dst[i + 2]));
            }
        }
    }

    [Fact]
    public void Halving_averages_each_two_by_two_block_rounding_half_up()
    {
        // One channel: 2x2 blocks summing to 3, 5, 1 and 2 (means 0.75, 1.25, 0.25 and 0.5: half rounds up).
        byte[] rows = [1, 0, 1, 1, 1, 1, 2, 1, 0, 0, 0, 0, 1, 0, 1, 1];
        var source = new byte[4 * 4 * 3];
        for (int i = 0; i < 16; i++)
        {
            source[i * 3] = rows[i];
        }

        var dst = new byte[2 * 2 * 3];
        new BilinearBgrResizer().Resize(new BgrImage(source, 4, 4, 12), dst, 2, 2, 6);

        Assert.Equal(new byte[] { 1, 1, 0, 1 }, new[] { dst[0], dst[3], dst[6], dst[9] });
    }

    [Fact]
    public void Resizing_frames_of_the_sizes_seen_last_allocates_nothing()
    {
        var a = new byte[768 * 576 * 3];
        var b = new byte[768 * 576 * 3];
        new Random(1).NextBytes(a);
        new Random(2).NextBytes(b);
        var dst = new byte[640 * 480 * 3];
        var resizer = new BilinearBgrResizer();
        resizer.Resize(new BgrImage(a, 768, 576, 768 * 3), dst, 640, 480, 640 * 3);

        Assert.Equal(0, SteadyAllocation.Least(() =>
        {
            for (int i = 0; i < 4; i++)
            {
                resizer.Resize(new BgrImage(i % 2 == 0 ? b : a, 768, 576, 768 * 3), dst, 640, 480, 640 * 3);
            }
        }));
    }

    [Fact]
    public void A_destination_too_small_for_the_target_is_refused_with_the_sizes()
    {
        var source = new byte[16 * 16 * 3];
        var e = Assert.Throws<ArgumentException>(() => new BilinearBgrResizer().Resize(new BgrImage(source, 16, 16, 48), new byte[10], 8, 8, 24));
        Assert.Contains("destination holds 10 bytes; 8x8 BGR at stride 24 needs 192", e.Message, StringComparison.Ordinal);
    }
}
