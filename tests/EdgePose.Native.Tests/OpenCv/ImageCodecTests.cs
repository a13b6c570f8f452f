using EdgePose.Core.Errors;
using EdgePose.Native.OpenCv;
using EdgePose.Tests;

namespace EdgePose.Native.Tests.OpenCv;

public sealed class ImageCodecTests : IDisposable
{
    private readonly string _dir = TestPaths.NewTempDir("edgepose-codec");

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [RequiresSharedFact(TestImages.Coco8Val110Relative)]
    public void Real_jpeg_decodes_to_bgr_of_its_size()
    {
        using var image = ImageCodec.Read(TestImages.Coco8Val110);
        Assert.Equal((640, 480), (image.Width, image.Height));
        Assert.True(image.Stride >= 640 * 3);

        // A photo, not a blank: the bytes vary.
        Assert.True(image.Pixels.ToArray().Distinct().Count() > 100);
    }

    [RequiresSharedFact(TestImages.Coco8Val110Relative)]
    public void Reading_file_and_decoding_its_bytes_give_the_same_pixels()
    {
        using var read = ImageCodec.Read(TestImages.Coco8Val110);
        using var decoded = ImageCodec.Decode(File.ReadAllBytes(TestImages.Coco8Val110));
        Assert.Equal(TestImages.PackedBytes(read), TestImages.PackedBytes(decoded));
    }

    [RequiresSharedFact(TestImages.Coco8Val110Relative)]
    public void Reading_into_the_same_image_again_keeps_its_memory()
    {
        using var image = new BgrMat();
        ImageCodec.Read(TestImages.Coco8Val110, image);
        var address = TestImages.Address(image);
        ImageCodec.Read(TestImages.Coco8Val110, image);
        Assert.Equal(address, TestImages.Address(image));
    }

    [Fact]
    public void Png_written_and_read_back_is_lossless()
    {
        using var original = TestImages.Pattern(97, 61);
        var path = Path.Combine(_dir, "pattern.png");
        ImageCodec.Write(path, original, new ImageEncodeOptions { PngCompression = 9 });
        using var back = ImageCodec.Read(path);
        Assert.Equal(TestImages.PackedBytes(original), TestImages.PackedBytes(back));
    }

    [Fact]
    public void Png_encoded_in_memory_and_decoded_is_lossless()
    {
        using var original = TestImages.Pattern(50, 40, seed: 3);
        using var encoded = new EncodedImage();
        ImageCodec.Encode(original, ImageFormat.Png, encoded);
        Assert.Equal(0x89, encoded.Bytes[0]);
        using var back = ImageCodec.Decode(encoded.Bytes);
        Assert.Equal(TestImages.PackedBytes(original), TestImages.PackedBytes(back));
    }

    [Fact]
    public void Jpeg_quality_changes_the_size_and_the_image_survives_close_to_the_original()
    {
        using var original = TestImages.Solid(64, 64, 40, 120, 200);
        using var low = ImageCodec.Encode(original, ImageFormat.Jpeg, new ImageEncodeOptions { JpegQuality = 5 });
        using var high = ImageCodec.Encode(original, ImageFormat.Jpeg, new ImageEncodeOptions { JpegQuality = 100 });
        Assert.Equal([0xFF, 0xD8], high.Bytes[..2].ToArray());
        Assert.NotEqual(low.Length, high.Length);
        using var back = ImageCodec.Decode(high.Bytes);
        var (b, g, r) = TestImages.At(back, 32, 32);
        Assert.InRange(b, 36, 44);
        Assert.InRange(g, 116, 124);
        Assert.InRange(r, 196, 204);
    }

    [Fact]
    public void Encoding_again_into_the_same_buffer_replaces_its_bytes()
    {
        using var a = TestImages.Solid(8, 8, 0, 0, 0);
        using var encoded = ImageCodec.Encode(a, ImageFormat.Png);
        ImageCodec.Encode(a, ImageFormat.Bmp, encoded);
        Assert.Equal("BM"u8.ToArray(), encoded.Bytes[..2].ToArray());
    }

    [Fact]
    public void Missing_image_file_is_rejected_with_the_path_in_the_message()
    {
        var path = Path.Combine(_dir, "nowhere.jpg");
        var e = Assert.Throws<InputException>(() => ImageCodec.Read(path));
        Assert.Equal($"image file not found: '{path}'", e.Message);
    }

    [Fact]
    public void Folder_given_as_image_is_rejected_with_the_path_in_the_message()
    {
        var e = Assert.Throws<InputException>(() => ImageCodec.Read(_dir));
        Assert.Contains($"'{_dir}'", e.Message);
    }

    [Fact]
    public void Text_file_named_jpg_is_rejected_as_undecodable_with_the_path()
    {
        var path = Path.Combine(_dir, "notes.jpg");
        File.WriteAllText(path, "these are not pixels\n");
        var e = Assert.Throws<InputException>(() => ImageCodec.Read(path));
        Assert.StartsWith($"cannot decode image '{path}': ", e.Message);
        Assert.Contains("not an image format", e.Message);
        Assert.DoesNotContain('\n', e.Message);
    }

    [RequiresSharedFact(TestImages.Coco8Val110Relative)]
    public void Truncated_jpeg_is_rejected_as_undecodable_with_the_path()
    {
        var path = Path.Combine(_dir, "cut.jpg");
        File.WriteAllBytes(path, File.ReadAllBytes(TestImages.Coco8Val110)[..200]);
        var e = Assert.Throws<InputException>(() => ImageCodec.Read(path));
        Assert.Equal($"cannot decode image '{path}': corrupt or truncated JPEG data", e.Message);
    }

    [Fact]
    public void Empty_file_is_rejected_as_undecodable_with_the_path()
    {
        var path = Path.Combine(_dir, "empty.png");
        File.WriteAllBytes(path, []);
        var e = Assert.Throws<InputException>(() => ImageCodec.Read(path));
        Assert.StartsWith($"cannot decode image '{path}': ", e.Message);
    }

    [Fact]
    public void Undecodable_bytes_are_rejected_with_their_name()
    {
        var e = Assert.Throws<InputException>(() => ImageCodec.Decode("GIF89a-ish junk"u8, "upload #3"));
        Assert.StartsWith("cannot decode image 'upload #3': ", e.Message);
    }

    [Fact]
    public void Undecodable_file_read_into_an_image_that_holds_a_picture_is_rejected_and_leaves_it_unchanged()
    {
        var path = Path.Combine(_dir, "notes.png");
        File.WriteAllText(path, "vm\n");
        using var image = TestImages.Pattern(16, 8);
        var before = TestImages.PackedBytes(image);
        var e = Assert.Throws<InputException>(() => ImageCodec.Read(path, image));
        Assert.StartsWith($"cannot decode image '{path}': ", e.Message);
        Assert.Equal(before, TestImages.PackedBytes(image));
    }

    [Fact]
    public void Writing_with_an_unknown_extension_is_rejected_with_the_path()
    {
        using var image = TestImages.Solid(4, 4, 1, 2, 3);
        var path = Path.Combine(_dir, "out.xyz");
        var e = Assert.Throws<InputException>(() => ImageCodec.Write(path, image));
        Assert.StartsWith($"cannot write image '{path}': ", e.Message);
        Assert.Contains(".xyz", e.Message);
    }

    [Fact]
    public void Writing_without_an_extension_is_rejected_with_the_path()
    {
        using var image = TestImages.Solid(4, 4, 1, 2, 3);
        var path = Path.Combine(_dir, "out");
        var e = Assert.Throws<InputException>(() => ImageCodec.Write(path, image));
        Assert.StartsWith($"cannot write image '{path}': ", e.Message);
    }

    [Fact]
    public void Writing_into_a_missing_folder_is_rejected_with_the_path()
    {
        using var image = TestImages.Solid(4, 4, 1, 2, 3);
        var path = Path.Combine(_dir, "no-such-folder", "out.png");
        var e = Assert.Throws<InputException>(() => ImageCodec.Write(path, image));
        Assert.Equal($"cannot write image '{path}': No such file or directory", e.Message);
    }

    [Fact]
    public void Encoding_an_empty_image_is_rejected()
    {
        using var image = new BgrMat();
        Assert.Throws<ArgumentException>(() => ImageCodec.Encode(image, ImageFormat.Png));
    }

    [Fact]
    public void Out_of_range_encoder_settings_are_rejected()
    {
        using var image = TestImages.Solid(4, 4, 1, 2, 3);
        Assert.Throws<ArgumentOutOfRangeException>(() => ImageCodec.Encode(image, ImageFormat.Jpeg, new ImageEncodeOptions { JpegQuality = 101 }));
        Assert.Throws<ArgumentOutOfRangeException>(() => ImageCodec.Encode(image, ImageFormat.Png, new ImageEncodeOptions { PngCompression = -1 }));
    }
}
