using System.Security.Cryptography;
using System.Text.Json;
using EdgePose.Native.OpenCv;
using EdgePose.Tests;

namespace EdgePose.Native.Tests.OpenCv;

/// <summary>
/// Our resize against Ultralytics' LetterBox (cv2.resize INTER_LINEAR, then copyMakeBorder with 114) on
/// the reference images: the sha256 of every 640x640 BGR letterboxed image must equal the reference's.
/// Images whose long side is already 640 are not resized; the others prove the resize bit for bit.
/// </summary>
public class LetterboxParityTests
{
    private const int Side = 640;
    private const byte Pad = 114;

    [RequiresSharedFact("reference/coco-mini-val2017_predict_raw.json", "data/coco-mini/images/val2017")]
    public void Letterbox_of_every_coco_mini_val_image_is_bit_identical_to_ultralytics()
    {
        var result = CheckAll("coco-mini-val2017_predict_raw.json", split => Path.Combine(TestPaths.CocoMini, "images", split));
        Assert.Empty(result.Mismatches);
        Assert.Equal(79, result.Images);
        Assert.Equal(13, result.Resized);
    }

    [RequiresSharedFact("reference/coco8-pose_predict_raw.json", "data/coco8-pose/images")]
    public void Letterbox_of_every_coco8_pose_image_is_bit_identical_to_ultralytics()
    {
        var result = CheckAll("coco8-pose_predict_raw.json", split => Path.Combine(TestPaths.Coco8Pose, "images", split));
        Assert.Empty(result.Mismatches);
        Assert.Equal(8, result.Images);
        Assert.Equal(3, result.Resized);
    }

    private sealed record Outcome(int Images, int Resized, List<string> Mismatches);

    private static Outcome CheckAll(string referenceFile, Func<string, string> imageFolder)
    {
        using var json = JsonDocument.Parse(File.ReadAllText(TestPaths.Reference(referenceFile)));
        using var image = new BgrMat();
        using var resized = new BgrMat();
        var canvas = new byte[Side * Side * 3];
        var direct = new byte[Side * Side * 3];
        int images = 0, resizedCount = 0;
        var mismatches = new List<string>();

        foreach (var entry in json.RootElement.EnumerateObject())
        {
            images++;
            var e = entry.Value;
            var path = Path.Combine(imageFolder(e.GetProperty("split").GetString()!), entry.Name);
            ImageCodec.Read(path, image);
            var shape = e.GetProperty("orig_shape_hw");
            Assert.Equal((shape[0].GetInt32(), shape[1].GetInt32()), (image.Height, image.Width));

            var lb = e.GetProperty("letterbox");
            var unpad = lb.GetProperty("new_unpad_wh");
            int newW = unpad[0].GetInt32(), newH = unpad[1].GetInt32();
            int left = lb.GetProperty("pad_w").GetInt32(), top = lb.GetProperty("pad_h").GetInt32();
            Assert.Equal(Side, left + newW + lb.GetProperty("pad_right").GetInt32());
            Assert.Equal(Side, top + newH + lb.GetProperty("pad_bottom").GetInt32());
            var expected = e.GetProperty("letterbox_u8_bgr_hwc_sha256").GetString();

            // As Ultralytics: resize only when the size changes, then pad with 114.
            var source = image;
            if (newW != image.Width || newH != image.Height)
            {
                resizedCount++;
                ImageResize.Resize(image, resized, newW, newH, Interpolation.Linear);
                source = resized;
            }

            PadInto(source, canvas, left, top);
            Compare(entry.Name, "resize, then pad", canvas, expected, mismatches);

            // The predictor's path: Core's IBgrResizer on a view of the pixels, straight into the inside of
            // a canvas already filled with 114.
            direct.AsSpan().Fill(Pad);
            var inside = direct.AsSpan((top * Side * 3) + (left * 3));
            if (ReferenceEquals(source, resized))
            {
                OpenCvBgrResizer.Instance.Resize(image.AsView(), inside, newW, newH, Side * 3);
            }
            else
            {
                PadInto(image, direct, left, top);
            }

            Compare(entry.Name, "IBgrResizer into the canvas", direct, expected, mismatches);
        }

        return new Outcome(images, resizedCount, mismatches);
    }

    private static void PadInto(BgrMat image, byte[] canvas, int left, int top)
    {
        canvas.AsSpan().Fill(Pad);
        for (var y = 0; y < image.Height; y++)
        {
            image.Row(y).CopyTo(canvas.AsSpan(((top + y) * Side * 3) + (left * 3)));
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
