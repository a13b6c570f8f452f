using System.Security.Cryptography;
using System.Text.Json;
using EdgePose.Native.OpenCv;
using EdgePose.Tests;
using OpenCvSharp;
using Xunit.Abstractions;

namespace EdgePose.Native.Tests.OpenCv;

/// <summary>
/// Our letterbox against Ultralytics' LetterBox (cv2.resize INTER_LINEAR, then copyMakeBorder with 114) on
/// the reference images. The predictor's path (Core's IBgrResizer into a padded canvas) must equal
/// OpenCV's own resize-then-pad bit for bit, and so must the reference's sha256 of every 640x640
/// letterboxed image: Ultralytics ran OpenCV 4.6, we run OpenCvSharp's OpenCV 4.13, and on these images
/// its JPEG decode and INTER_LINEAR resize still give the same bytes (measured: 0 of 79 and 0 of 8 differ).
/// Should a later OpenCV change that, the test output names each image that differs and whether only the
/// decode or also the resize touched it (the reference holds hashes, not pixels, so a byte count is not
/// possible here; the detection parity tests in EdgePose.Host.Tests bound the effect on the output).
/// </summary>
public class LetterboxParityTests(ITestOutputHelper output)
{
    private const int Side = 640;
    private const byte Pad = 114;

    [RequiresSharedFact("reference/coco-mini-val2017_predict_raw.json", "data/coco-mini/images/val2017")]
    public void Letterbox_of_every_coco_mini_val_image_is_bit_identical_to_ultralytics()
    {
        var result = CheckAll("coco-mini-val2017_predict_raw.json", split => Path.Combine(TestPaths.CocoMini, "images", split));
        Report(result);
        Assert.Empty(result.PathMismatches);
        Assert.Empty(result.ReferenceMismatches);
        Assert.Equal(79, result.Images);
        Assert.Equal(13, result.Resized);
    }

    [RequiresSharedFact("reference/coco8-pose_predict_raw.json", "data/coco8-pose/images")]
    public void Letterbox_of_every_coco8_pose_image_is_bit_identical_to_ultralytics()
    {
        var result = CheckAll("coco8-pose_predict_raw.json", split => Path.Combine(TestPaths.Coco8Pose, "images", split));
        Report(result);
        Assert.Empty(result.PathMismatches);
        Assert.Empty(result.ReferenceMismatches);
        Assert.Equal(8, result.Images);
        Assert.Equal(3, result.Resized);
    }

    private sealed record Outcome(int Images, int Resized, List<string> ReferenceMismatches, List<string> PathMismatches);

    private void Report(Outcome r)
    {
        output.WriteLine($"{r.Images} images, {r.Resized} resized; letterbox differs from Ultralytics' (OpenCV 4.6) in {r.ReferenceMismatches.Count}:");
        foreach (var m in r.ReferenceMismatches)
        {
            output.WriteLine("  " + m);
        }
    }

    private static Outcome CheckAll(string referenceFile, Func<string, string> imageFolder)
    {
        using var json = JsonDocument.Parse(File.ReadAllText(TestPaths.Reference(referenceFile)));
        using var resized = new Mat();
        using var resizer = new OpenCvBgrResizer();
        var canvas = new byte[Side * Side * 3];
        var direct = new byte[Side * Side * 3];
        int images = 0, resizedCount = 0;
        var mismatches = new List<string>();
        var pathMismatches = new List<string>();

        foreach (var entry in json.RootElement.EnumerateObject())
        {
            images++;
            var e = entry.Value;
            var path = Path.Combine(imageFolder(e.GetProperty("split").GetString()!), entry.Name);
            using var image = ImageCodec.Read(path);
            var shape = e.GetProperty("orig_shape_hw");
            Assert.Equal((shape[0].GetInt32(), shape[1].GetInt32()), (image.Rows, image.Cols));

            var lb = e.GetProperty("letterbox");
            var unpad = lb.GetProperty("new_unpad_wh");
            int newW = unpad[0].GetInt32(), newH = unpad[1].GetInt32();
            int left = lb.GetProperty("pad_w").GetInt32(), top = lb.GetProperty("pad_h").GetInt32();
            Assert.Equal(Side, left + newW + lb.GetProperty("pad_right").GetInt32());
            Assert.Equal(Side, top + newH + lb.GetProperty("pad_bottom").GetInt32());
            var expected = e.GetProperty("letterbox_u8_bgr_hwc_sha256").GetString();

            // As Ultralytics: resize only when the size changes, then pad with 114.
            var source = image;
            bool resize = newW != image.Cols || newH != image.Rows;
            if (resize)
            {
                resizedCount++;
                Cv2.Resize(image, resized, new Size(newW, newH), 0, 0, InterpolationFlags.Linear);
                source = resized;
            }

            PadInto(source, canvas, left, top);
            Compare(entry.Name, resize ? "decode and resize" : "decode only", canvas, expected, mismatches);

            // The predictor's path: Core's IBgrResizer on a view of the pixels, straight into the inside of
            // a canvas already filled with 114.
            direct.AsSpan().Fill(Pad);
            var inside = direct.AsSpan((top * Side * 3) + (left * 3));
            if (ReferenceEquals(source, resized))
            {
                resizer.Resize(image.AsBgrImage(), inside, newW, newH, Side * 3);
            }
            else
            {
                PadInto(image, direct, left, top);
            }

            if (!direct.AsSpan().SequenceEqual(canvas))
            {
                pathMismatches.Add($"{entry.Name}: IBgrResizer into the canvas differs from Cv2.Resize, then pad");
            }
        }

        return new Outcome(images, resizedCount, mismatches, pathMismatches);
    }

    private static void PadInto(Mat image, byte[] canvas, int left, int top)
    {
        canvas.AsSpan().Fill(Pad);
        int rows = image.Rows;
        for (var y = 0; y < rows; y++)
        {
            image.BgrRow(y).CopyTo(canvas.AsSpan(((top + y) * Side * 3) + (left * 3)));
        }
    }

    private static void Compare(string name, string how, byte[] canvas, string? expected, List<string> mismatches)
    {
        var actual = Convert.ToHexStringLower(SHA256.HashData(canvas));
        if (actual != expected)
        {
            mismatches.Add($"{name} ({how}): {actual} != {expected}");
        }
    }
}
