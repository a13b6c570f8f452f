using EdgePose.Core.Preprocessing;

namespace EdgePose.Core.Tests.Preprocessing;

public class LetterboxTensorWriterTests
{
    [Theory]
    [InlineData(640, 480)]
    [InlineData(500, 374)]
    [InlineData(7, 5)]
    [InlineData(33, 640)]
    public void Tensor_is_planar_rgb_divided_by_255_with_grey_114_padding(int w, int h)
    {
        var lb = Letterbox.Compute(w, h, 640, 640);
        int stride = (lb.ResizedWidth * 3) + 5; // a padded row stride must be honoured
        var img = new byte[stride * lb.ResizedHeight];
        new Random(42).NextBytes(img);
        var chw = new float[3 * 640 * 640];
        chw.AsSpan().Fill(float.NaN);

        LetterboxTensorWriter.Write(lb, img, stride, chw);

        float pad = 114 / 255f;
        for (int y = 0; y < 640; y += 7)
        {
            for (int x = 0; x < 640; x++)
            {
                int iy = y - lb.PadTop, ix = x - lb.PadLeft;
                bool inside = iy >= 0 && iy < lb.ResizedHeight && ix >= 0 && ix < lb.ResizedWidth;
                for (int c = 0; c < 3; c++)
                {
                    float expected = inside ? img[(iy * stride) + (ix * 3) + (2 - c)] / 255f : pad;
                    Assert.Equal(BitConverter.SingleToInt32Bits(expected), BitConverter.SingleToInt32Bits(chw[(c * 640 * 640) + (y * 640) + x]));
                }
            }
        }
    }

    [Fact]
    public void Every_byte_converts_exactly_as_float_division_by_255()
    {
        var row = new byte[256 * 3];
        for (int i = 0; i < 256; i++)
        {
            row[3 * i] = (byte)i;
            row[(3 * i) + 1] = (byte)(255 - i);
            row[(3 * i) + 2] = (byte)(i ^ 0x5A);
        }

        var r = new float[256];
        var g = new float[256];
        var b = new float[256];
        LetterboxTensorWriter.ConvertRow(row, r, g, b);
        for (int i = 0; i < 256; i++)
        {
            Assert.Equal(i / 255f, b[i]);
            Assert.Equal((255 - i) / 255f, g[i]);
            Assert.Equal((i ^ 0x5A) / 255f, r[i]);
        }
    }

    [Fact]
    public void Padding_can_be_left_as_written_for_the_previous_frame_of_the_same_size()
    {
        var lb = Letterbox.Compute(64, 48, 64, 64);
        var chw = new float[3 * 64 * 64];
        chw.AsSpan().Fill(-1f);
        LetterboxTensorWriter.Write(lb, new byte[64 * 48 * 3], 64 * 3, chw, fillPadding: false);
        Assert.Equal(-1f, chw[0]); // padding untouched
        Assert.Equal(0f, chw[lb.PadTop * 64]); // pixels written
        LetterboxTensorWriter.Write(lb, new byte[64 * 48 * 3], 64 * 3, chw);
        Assert.Equal(114 / 255f, chw[0]);
    }

    [Fact]
    public void Too_small_tensor_is_rejected()
    {
        var lb = Letterbox.Compute(10, 10, 32, 32);
        var e = Assert.Throws<ArgumentException>(() => LetterboxTensorWriter.Write(lb, new byte[32 * 32 * 3], 96, new float[100]));
        Assert.Contains("needs 3072", e.Message, StringComparison.Ordinal);
    }
}
