using System.Buffers.Binary;
using EdgePose.Core.Coco;
using EdgePose.Core.Errors;
using EdgePose.Core.Imaging;
using EdgePose.Tests;

namespace EdgePose.Core.Tests.Imaging;

public class ImageHeaderReaderTests
{
    [RequiresSharedTheory("data/coco-mini/annotations/person_keypoints_val2017.json")]
    [InlineData("val2017")]
    [InlineData("train2017")]
    public void Every_coco_mini_jpeg_header_gives_the_size_the_json_states(string split)
    {
        var json = TestPaths.Shared("data", "coco-mini", "annotations", $"person_keypoints_{split}.json");
        var gt = CocoJson.ParseDataset(File.ReadAllText(json), json);
        foreach (var img in gt.Images)
        {
            var bytes = File.ReadAllBytes(TestPaths.Shared("data", "coco-mini", "images", split, img.FileName));
            Assert.True(ImageHeaderReader.TryRead(bytes.AsSpan(0, Math.Min(bytes.Length, 65536)), out var h), img.FileName);
            Assert.Equal(("jpeg", img.Width, img.Height), (h.Format, h.DisplayWidth, h.DisplayHeight));
        }
    }

    [Fact]
    public void Png_size_comes_from_ihdr()
    {
        byte[] png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, (byte)'I', (byte)'H', (byte)'D', (byte)'R', 0, 0, 2, 0x80, 0, 0, 1, 0xE0, 8, 2, 0, 0, 0];
        Assert.True(ImageHeaderReader.TryRead(png, out var h));
        Assert.Equal(new ImageHeader("png", 640, 480), h);
    }

    [Theory]
    [InlineData(1, 300, 200)]
    [InlineData(6, 200, 300)]
    [InlineData(8, 200, 300)]
    [InlineData(3, 300, 200)]
    public void Jpeg_exif_orientation_turning_a_quarter_swaps_the_displayed_size(int orientation, int w, int h)
    {
        var jpeg = new List<byte> { 0xFF, 0xD8 };
        // APP1 Exif, big-endian TIFF with IFD0 holding one entry: Orientation (0x0112), SHORT.
        var tiff = new byte[] { (byte)'M', (byte)'M', 0, 42, 0, 0, 0, 8, 0, 1, 0x01, 0x12, 0, 3, 0, 0, 0, 1, 0, (byte)orientation, 0, 0, 0, 0, 0, 0, 0 };
        var app1 = "Exif\0\0"u8.ToArray().Concat(tiff).ToArray();
        jpeg.AddRange([0xFF, 0xE1, (byte)((app1.Length + 2) >> 8), (byte)(app1.Length + 2)]);
        jpeg.AddRange(app1);
        var sof = new byte[] { 0xFF, 0xC0, 0, 11, 8, 0, 0, 0, 0, 1, 1, 0x11, 0 };
        BinaryPrimitives.WriteUInt16BigEndian(sof.AsSpan(5), 200);
        BinaryPrimitives.WriteUInt16BigEndian(sof.AsSpan(7), 300);
        jpeg.AddRange(sof);
        Assert.True(ImageHeaderReader.TryRead(jpeg.ToArray(), out var header));
        Assert.Equal((300, 200, orientation), (header.Width, header.Height, header.ExifOrientation));
        Assert.Equal((w, h), (header.DisplayWidth, header.DisplayHeight));
    }

    [Fact]
    public void Bytes_that_are_no_known_image_are_not_read()
    {
        Assert.False(ImageHeaderReader.TryRead("hello, this is not an image at all"u8, out _));
        Assert.False(ImageHeaderReader.TryRead([0xFF, 0xD8, 0xFF, 0xE0, 0x00], out _));
    }

    [Fact]
    public void Read_finds_a_jpeg_size_beyond_the_first_64_KiB_of_the_stream()
    {
        var jpeg = new List<byte> { 0xFF, 0xD8 };
        // A large APP1 segment (as an embedded preview) pushes the frame header past the first read.
        for (int i = 0; i < 2; i++)
        {
            jpeg.AddRange([0xFF, 0xE1, 0xFF, 0xFF]);
            jpeg.AddRange(new byte[0xFFFF - 2]);
        }

        jpeg.AddRange([0xFF, 0xC0, 0, 11, 8, 0, 200, 1, 44, 1, 1, 0x11, 0]);
        Assert.True(jpeg.Count > ImageHeaderReader.HeaderBytes);
        Assert.False(ImageHeaderReader.TryRead(jpeg.ToArray().AsSpan(0, ImageHeaderReader.HeaderBytes), out _));
        using var stream = new MemoryStream(jpeg.ToArray());
        var h = ImageHeaderReader.Read(stream, "big.jpg");
        Assert.Equal(("jpeg", 300, 200), (h.Format, h.Width, h.Height));
    }

    [Fact]
    public void Read_rejects_a_stream_that_is_no_image_with_its_source_in_the_message()
    {
        using var stream = new MemoryStream("hello, this is not an image at all"u8.ToArray());
        var e = Assert.Throws<InputException>(() => ImageHeaderReader.Read(stream, "notes.jpg"));
        Assert.Equal("notes.jpg: not a readable JPEG, PNG, BMP or WebP image (no size in its header)", e.Message);
    }
}
