using EdgePose.Core.Inference;

namespace EdgePose.Core.Tests.Inference;

public class BgrMirrorTests
{
    [Fact]
    public void Pixels_swap_left_and_right_and_row_padding_is_skipped()
    {
        // 3 x 2 pixels, rows 10 bytes apart (1 byte of padding, set to 99).
        byte[] src =
        [
            1, 2, 3, 4, 5, 6, 7, 8, 9, 99,
            10, 11, 12, 13, 14, 15, 16, 17, 18, 99,
        ];
        var dst = new byte[18];

        BgrMirror.Horizontal(new BgrImage(src, 3, 2, 10), dst);

        Assert.Equal([7, 8, 9, 4, 5, 6, 1, 2, 3, 16, 17, 18, 13, 14, 15, 10, 11, 12], dst);
    }

    [Fact]
    public void Destination_too_small_is_rejected()
    {
        var src = new byte[12];
        Assert.Throws<ArgumentException>(() => BgrMirror.Horizontal(new BgrImage(src, 2, 2, 6), new byte[11]));
    }
}
