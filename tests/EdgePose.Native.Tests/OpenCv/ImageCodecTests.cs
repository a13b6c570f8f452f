using EdgePose.Core.Errors;
using EdgePose.Native.OpenCv;
using EdgePose.Tests;
using OpenCvSharp;

namespace EdgePose.Native.Tests.OpenCv;

public sealed class ImageCodecTests : IDisposable
{
    private readonly string _dir = TestPaths.NewTempDir("edgepose-codec");

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [RequiresSharedFact(TestImages.Coco8Val110Relative)]
    public void Real_jpeg_decodes_to_bgr_of_its_size()
    {
        using var image = ImageCodec.Read(TestImages.Coco8Val110);
        Assert.Equal((640, 480), (image.Cols, image.Rows));
        Assert.Equal(MatType.CV_8UC3, image.Type());

        // A photo, not a blank: the bytes vary.
        Assert.True(image.BgrPixels().ToArray().Distinct().Count() > 100);
    }

    [RequiresSharedFact(TestImages.Coco8Val110Relative)]
    public void Reading_file_and_decoding_its_bytes_give_the_same_pixels()
    {
        using var read = ImageCodec.Read(TestImages.Coco8Val110);
        using var decoded = ImageCodec.Decode(File.ReadAllBytes(TestImages.Coco8Val110));
        Assert.Equal(TestImages.PackedBytes(read), TestImages.PackedBytes(decoded));
    }

    [Fact]
    public void Png_written_and_read_back_is_lossless()
    {
        using var original = TestImages.Pattern(97, 61);
        var path = Path.Combine(_dir, "pattern.png");
        ImageCodec.Write(path, original);
        using var back = ImageCodec.Read(path);
        Assert.Equal(TestImages.PackedBytes(original), TestImages.PackedBytes(back));
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
        Assert.Equal($"cannot decode image '{path}': not an image format OpenCV reads, or the file is damaged", e.Message);
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
    public void Undecodable_png_is_rejected_with_the_path_and_no_exception_name()
    {
        var path = Path.Combine(_dir, "notes.png");
        File.WriteAllText(path, "vm\n");
        var e = Assert.Throws<InputException>(() => ImageCodec.Read(path));
        Assert.StartsWith($"cannot decode image '{path}': ", e.Message);
        Assert.DoesNotContain("Exception", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Writing_with_an_unknown_extension_is_rejected_with_the_path()
    {
        using var image = new Mat(4, 4, MatType.CV_8UC3, new Scalar(1, 2, 3));
        var path = Path.Combine(_dir, "out.xyz");
        var e = Assert.Throws<InputException>(() => ImageCodec.Write(path, image));
        Assert.StartsWith($"cannot write image '{path}': ", e.Message);
        Assert.Contains(".xyz", e.Message);
    }

    [Fact]
    public void Writing_without_an_extension_is_rejected_with_the_path()
    {
        using var image = new Mat(4, 4, MatType.CV_8UC3, new Scalar(1, 2, 3));
        var path = Path.Combine(_dir, "out");
        var e = Assert.Throws<InputException>(() => ImageCodec.Write(path, image));
        Assert.StartsWith($"cannot write image '{path}': ", e.Message);
    }

    [Fact]
    public void Writing_into_a_missing_folder_is_rejected_with_the_path()
    {
        using var image = new Mat(4, 4, MatType.CV_8UC3, new Scalar(1, 2, 3));
        var path = Path.Combine(_dir, "no-such-folder", "out.png");
        var e = Assert.Throws<InputException>(() => ImageCodec.Write(path, image));
        Assert.Equal($"cannot write image '{path}': folder '{Path.GetDirectoryName(path)}' does not exist", e.Message);
    }

    [Fact]
    public void Writing_an_empty_image_is_rejected()
    {
        using var image = new Mat();
        Assert.Throws<ArgumentException>(() => ImageCodec.Write(Path.Combine(_dir, "empty.png"), image));
    }

}
