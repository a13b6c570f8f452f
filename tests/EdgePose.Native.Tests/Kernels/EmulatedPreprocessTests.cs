using EdgePose.Core.Preprocessing;
using EdgePose.Native.Cuda.Kernels;
using EdgePose.Native.OpenCv;
using EdgePose.Tests;
using OpenCvSharp;
using Xunit.Abstractions;

namespace EdgePose.Native.Tests.Kernels;

/// <summary>
/// The preprocess kernel on the emulated grid against the CPU path (OpenCV INTER_LINEAR resize, then Core's
/// LetterboxTensorWriter): the kernel follows OpenCV's 8-bit fixed-point resize, so the tensors are equal
/// bit for bit (max difference 0), resized or not, BGR, BGRA or NV12.
/// </summary>
public class EmulatedPreprocessTests(ITestOutputHelper output)
{
    [Fact]
    public void Random_images_of_random_sizes_equal_the_cpu_path_bit_for_bit()
    {
        var rng = new Random(7);
        float worst = 0f;
        long differing = 0, values = 0;
        for (int n = 0; n < 12; n++)
        {
            int w = rng.Next(8, 1400), h = rng.Next(8, 1000);
            var box = Letterbox.Compute(w, h, 640, 640);
            int stride = (w * 3) + rng.Next(0, 3);
            var bgr = SmoothImage(rng, w, h, stride);

            var expected = CpuLetterbox.Tensor(bgr, w, h, stride, box);
            var actual = Run(bgr, PreprocessParams.For(box, KernelPixelFormat.Bgr, stride, half: false));

            var (max, count) = CpuLetterbox.Difference(expected, actual);
            worst = MathF.Max(worst, max);
            differing += count;
            values += expected.Length;
        }

        output.WriteLine($"max |kernel - CPU| = {worst * 255f:F3}/255; {differing} of {values} values differ");
        Assert.Equal(0, differing);
    }

    [Theory]
    [InlineData(1280, 960)]
    [InlineData(1920, 1080)]
    [InlineData(2560, 1440)]
    public void Camera_frame_sizes_equal_the_cpu_path_bit_for_bit(int w, int h)
    {
        // 1280x960 is an exact 2x reduction, where OpenCV switches INTER_LINEAR to its 2x2 area average.
        var rng = new Random(w);
        var box = Letterbox.Compute(w, h, 640, 640);
        var bgr = SmoothImage(rng, w, h, w * 3);

        var expected = CpuLetterbox.Tensor(bgr, w, h, w * 3, box);
        var actual = Run(bgr, PreprocessParams.For(box, KernelPixelFormat.Bgr, w * 3, half: false));

        Assert.Equal(0, CpuLetterbox.Difference(expected, actual).Differing);
    }

    [Fact]
    public void An_image_at_the_model_size_is_bit_identical_to_the_cpu_path()
    {
        var rng = new Random(3);
        var box = Letterbox.Compute(640, 480, 640, 640);
        var bgr = SmoothImage(rng, 640, 480, 640 * 3);

        var expected = CpuLetterbox.Tensor(bgr, 640, 480, 640 * 3, box);
        var actual = Run(bgr, PreprocessParams.For(box, KernelPixelFormat.Bgr, 640 * 3, half: false));

        Assert.Equal(expected, actual);
    }

    [RequiresSharedFact("data/coco8-pose/images")]
    public void Coco8_pose_images_equal_the_cpu_path_bit_for_bit()
    {
        int differing = 0;
        foreach (var path in Directory.GetFiles(Path.Combine(TestPaths.Coco8Pose, "images"), "*.jpg", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            using var image = ImageCodec.Read(path);
            var (bgr, stride) = Bytes(image);
            var box = Letterbox.Compute(image.Cols, image.Rows, 640, 640);

            var expected = CpuLetterbox.Tensor(bgr, image.Cols, image.Rows, stride, box);
            var actual = Run(bgr, PreprocessParams.For(box, KernelPixelFormat.Bgr, stride, half: false));

            var (max, count) = CpuLetterbox.Difference(expected, actual);
            output.WriteLine($"{Path.GetFileName(path)} {image.Cols}x{image.Rows}: max {max * 255f:F3}/255, {count} values differ");
            differing += count;
        }

        Assert.Equal(0, differing);
    }

    [Fact]
    public void Bgra_gives_the_same_tensor_as_bgr()
    {
        var rng = new Random(5);
        int w = 333, h = 250;
        var bgr = SmoothImage(rng, w, h, w * 3);
        var bgra = new byte[w * h * 4];
        for (int i = 0; i < w * h; i++)
        {
            bgra[4 * i] = bgr[3 * i];
            bgra[(4 * i) + 1] = bgr[(3 * i) + 1];
            bgra[(4 * i) + 2] = bgr[(3 * i) + 2];
            bgra[(4 * i) + 3] = (byte)rng.Next(256);
        }

        var box = Letterbox.Compute(w, h, 640, 640);

        Assert.Equal(
            Run(bgr, PreprocessParams.For(box, KernelPixelFormat.Bgr, w * 3, half: false)),
            Run(bgra, PreprocessParams.For(box, KernelPixelFormat.Bgra, w * 4, half: false)));
    }

    [Fact]
    public void Float16_output_is_the_float32_output_rounded_to_nearest_even()
    {
        var rng = new Random(11);
        int w = 500, h = 375;
        var bgr = SmoothImage(rng, w, h, w * 3);
        var box = Letterbox.Compute(w, h, 640, 640);
        var single = Run(bgr, PreprocessParams.For(box, KernelPixelFormat.Bgr, w * 3, half: false));
        var half = new Half[single.Length];

        EmulatedKernels.Preprocess(bgr, PreprocessParams.For(box, KernelPixelFormat.Bgr, w * 3, half: true), half);

        for (int i = 0; i < single.Length; i++)
        {
            Assert.Equal(BitConverter.HalfToUInt16Bits((Half)single[i]), BitConverter.HalfToUInt16Bits(half[i]));
        }
    }

    [Theory]
    [InlineData(320, 240)]
    [InlineData(1282, 722)]
    public void Nv12_equals_opencv_conversion_then_the_cpu_path_bit_for_bit(int w, int h)
    {
        // Random luma and chroma: every clamp of the YUV conversion and of the resize is exercised.
        var nv12 = new byte[w * h * 3 / 2];
        new Random(w).NextBytes(nv12);
        using var yuv = Mat.FromPixelData(h * 3 / 2, w, MatType.CV_8UC1, nv12);
        using var bgrMat = new Mat();
        Cv2.CvtColor(yuv, bgrMat, ColorConversionCodes.YUV2BGR_NV12);
        var (bgr, stride) = Bytes(bgrMat);
        var box = Letterbox.Compute(w, h, 640, 640);

        var expected = CpuLetterbox.Tensor(bgr, w, h, stride, box);
        var actual = Run(nv12, PreprocessParams.For(box, KernelPixelFormat.Nv12, w, half: false, uvOffset: w * h, uvStride: w));

        var (max, count) = CpuLetterbox.Difference(expected, actual);
        output.WriteLine($"NV12 {w}x{h}: max {max * 255f:F3}/255, {count} values differ");
        Assert.Equal(0, count);
    }

    [Theory]
    [InlineData(640, 640)]
    [InlineData(638, 480)] // rows of 638: the 4-pixel variant stores one value at a time
    [InlineData(641, 353)] // odd rows: both packed variants store one value at a time
    public void Every_pixels_per_thread_variant_writes_the_same_tensor(int targetWidth, int targetHeight)
    {
        var rng = new Random(targetWidth);
        int w = 1283, h = 721;
        var bgr = SmoothImage(rng, w, h, w * 3);
        var box = Letterbox.Compute(w, h, targetWidth, targetHeight);
        var single = PreprocessParams.For(box, KernelPixelFormat.Bgr, w * 3, half: false);
        var halfParams = PreprocessParams.For(box, KernelPixelFormat.Bgr, w * 3, half: true);
        var expected = CpuLetterbox.Tensor(bgr, w, h, w * 3, box);

        foreach (int pixels in new[] { 1, 2, 4 })
        {
            var f = new float[expected.Length];
            var half = new Half[expected.Length];
            EmulatedKernels.Preprocess(bgr, single, f, pixels);
            EmulatedKernels.Preprocess(bgr, halfParams, half, pixels);

            Assert.True(CpuLetterbox.Difference(expected, f).Differing == 0, $"{pixels} pixels per thread: float32 differs");
            for (int i = 0; i < half.Length; i++)
            {
                Assert.True(BitConverter.HalfToUInt16Bits((Half)expected[i]) == BitConverter.HalfToUInt16Bits(half[i]), $"{pixels} pixels per thread: float16 value {i} differs");
            }
        }
    }

    [Fact]
    public void A_tap_table_gives_the_tensor_of_taps_computed_per_pixel()
    {
        // Reductions, enlargements, odd sizes, every format, both precisions and every pixels-per-thread variant.
        var rng = new Random(17);
        var cases = new (int W, int H, KernelPixelFormat Format, bool Half)[]
        {
            (1920, 1080, KernelPixelFormat.Nv12, true), (1600, 900, KernelPixelFormat.Bgr, true), (641, 479, KernelPixelFormat.Bgra, false),
            (222, 444, KernelPixelFormat.Nv12, false), (97, 61, KernelPixelFormat.Bgr, false), (640, 640, KernelPixelFormat.Bgr, true),
        };
        foreach (var (w, h, format, half) in cases)
        {
            var box = Letterbox.Compute(w, h, 640, 640);
            var p = Params(box, format, half);
            var source = new byte[p.SourceBytes];
            rng.NextBytes(source);
            foreach (int pixels in new[] { 1, 2, 4 })
            {
                Assert.True(Bits(source, p, pixels, useTaps: false).AsSpan().SequenceEqual(Bits(source, p, pixels, useTaps: true)), $"{w}x{h} {format} {(half ? "fp16" : "fp32")} {pixels} px/thread: the tap table changes the tensor");
            }
        }
    }

    [Theory]
    [InlineData(1920, 1080, 640, 640)] // padding above and below
    [InlineData(720, 1280, 640, 640)]  // padding left and right
    [InlineData(1283, 721, 641, 353)]  // odd padding: the packed variants store one value at a time
    public void Content_only_writes_the_resized_image_and_leaves_the_padding_as_it_was(int w, int h, int targetWidth, int targetHeight)
    {
        var rng = new Random(w + targetWidth);
        var box = Letterbox.Compute(w, h, targetWidth, targetHeight);
        var p = PreprocessParams.For(box, KernelPixelFormat.Bgr, w * 3, half: false);
        var bgr = SmoothImage(rng, w, h, w * 3);
        var whole = Run(bgr, p);
        const float Sentinel = -7f;

        foreach (int pixels in new[] { 1, 2, 4 })
        {
            foreach (bool taps in new[] { false, true })
            {
                var chw = new float[whole.Length];
                Array.Fill(chw, Sentinel);
                EmulatedKernels.Preprocess(bgr, p.WithContentOnly(true), chw, pixels, taps);

                for (int i = 0; i < chw.Length; i++)
                {
                    int x = i % targetWidth, y = i / targetWidth % targetHeight;
                    bool image = x >= box.PadLeft && x < box.PadLeft + box.ResizedWidth && y >= box.PadTop && y < box.PadTop + box.ResizedHeight;
                    float expected = image ? whole[i] : Sentinel;
                    Assert.True(BitConverter.SingleToInt32Bits(expected) == BitConverter.SingleToInt32Bits(chw[i]), $"{pixels} px/thread, taps {taps}: value {i} at ({x}, {y}) is {chw[i]}, expected {expected}");
                }
            }
        }
    }

    [Fact]
    public void A_batch_letterboxes_each_image_as_a_launch_of_its_own_does()
    {
        // Different sizes, orientations and formats in one launch; the last image over a slot that already holds its padding.
        var rng = new Random(23);
        var sizes = new (int W, int H, KernelPixelFormat Format, bool ContentOnly)[]
        {
            (1920, 1080, KernelPixelFormat.Nv12, false), (720, 1280, KernelPixelFormat.Bgr, false), (333, 250, KernelPixelFormat.Bgra, false),
            (640, 640, KernelPixelFormat.Bgr, false), (1280, 720, KernelPixelFormat.Bgr, true),
        };
        var images = sizes.Select(s => Params(Letterbox.Compute(s.W, s.H, 640, 640), s.Format, half: false)).ToArray();
        var sources = images.Select(p => RandomBytes(rng, p.SourceBytes)).ToList();
        var expected = images.Select((p, i) => Run(sources[i], p)).ToList();

        foreach (bool taps in new[] { false, true })
        {
            var outputs = images.Select(p => new float[3 * 640 * 640]).ToList();
            var batch = images.ToArray();
            for (int i = 0; i < sizes.Length; i++)
            {
                if (sizes[i].ContentOnly)
                {
                    EmulatedKernels.Preprocess(RandomBytes(rng, images[i].SourceBytes), images[i], outputs[i]); // another image's letterbox: its padding stays
                    batch[i] = images[i].WithContentOnly(true);
                }
            }

            EmulatedKernels.PreprocessBatch(sources, batch, outputs, taps);

            for (int i = 0; i < sizes.Length; i++)
            {
                Assert.True(expected[i].AsSpan().SequenceEqual(outputs[i]), $"image {i} ({sizes[i]}), taps {taps}: differs from its own launch");
            }
        }
    }

    [Fact]
    public void A_batch_of_more_images_than_one_launch_takes_is_refused()
    {
        var p = PreprocessParams.For(Letterbox.Compute(64, 48, 640, 640), KernelPixelFormat.Bgr, 64 * 3, half: false);
        var nine = Enumerable.Repeat(p, 9).ToArray();

        var e = Assert.Throws<ArgumentOutOfRangeException>(() => EmulatedKernels.PreprocessBatch(nine.Select(_ => new byte[64 * 48 * 3]).ToList(), nine, nine.Select(_ => new float[3 * 640 * 640]).ToList()));

        Assert.Contains("1 to 8 images", e.Message);
    }

    [Fact]
    public void Parameters_with_a_device_tap_table_are_refused_by_the_emulation()
    {
        var box = Letterbox.Compute(100, 50, 640, 640);
        var p = PreprocessParams.For(box, KernelPixelFormat.Bgr, 300, half: false).WithTaps(0x1000);

        var e = Assert.Throws<ArgumentException>(() => EmulatedKernels.Preprocess(new byte[300 * 50], p, new float[3 * 640 * 640]));

        Assert.Contains("Taps must be 0", e.Message);
    }

    [Fact]
    public void A_stride_shorter_than_a_row_is_refused_with_its_numbers()
    {
        var box = Letterbox.Compute(100, 50, 640, 640);

        var e = Assert.Throws<ArgumentOutOfRangeException>(() => PreprocessParams.For(box, KernelPixelFormat.Bgra, 399, half: false));

        Assert.Contains("stride 399 is less than a row of 400 bytes", e.Message);
    }

    [Fact]
    public void A_source_buffer_too_small_is_refused_before_the_native_call()
    {
        var box = Letterbox.Compute(100, 50, 640, 640);
        var p = PreprocessParams.For(box, KernelPixelFormat.Bgr, 300, half: false);

        var e = Assert.Throws<ArgumentException>(() => EmulatedKernels.Preprocess(new byte[(300 * 50) - 1], p, new float[3 * 640 * 640]));

        Assert.Contains("source image", e.Message);
    }

    private static byte[] RandomBytes(Random rng, long count)
    {
        var bytes = new byte[count];
        rng.NextBytes(bytes);
        return bytes;
    }

    private static PreprocessParams Params(in Letterbox box, KernelPixelFormat format, bool half) => format switch
    {
        KernelPixelFormat.Nv12 => PreprocessParams.For(box, format, box.SourceWidth, half, uvOffset: box.SourceWidth * box.SourceHeight, uvStride: box.SourceWidth),
        KernelPixelFormat.Bgra => PreprocessParams.For(box, format, box.SourceWidth * 4, half),
        _ => PreprocessParams.For(box, format, box.SourceWidth * 3, half),
    };

    // The tensor's bits, float32 or float16 as the parameters say.
    private static int[] Bits(byte[] source, PreprocessParams p, int pixels, bool useTaps)
    {
        int values = 3 * p.TargetWidth * p.TargetHeight;
        if (p.Half != 0)
        {
            var half = new Half[values];
            EmulatedKernels.Preprocess(source, p, half, pixels, useTaps);
            return half.Select(v => (int)BitConverter.HalfToUInt16Bits(v)).ToArray();
        }

        var single = new float[values];
        EmulatedKernels.Preprocess(source, p, single, pixels, useTaps);
        return single.Select(BitConverter.SingleToInt32Bits).ToArray();
    }

    private static float[] Run(byte[] source, PreprocessParams p)
    {
        var chw = new float[3 * p.TargetWidth * p.TargetHeight];
        EmulatedKernels.Preprocess(source, p, chw);
        return chw;
    }

    // Gradients plus noise: like a photo, with edges where the resize rounds differently.
    private static byte[] SmoothImage(Random rng, int w, int h, int stride)
    {
        var img = new byte[stride * h];
        for (int y = 0; y < h; y++)
        {
            for (int x = 0; x < w; x++)
            {
                for (int c = 0; c < 3; c++)
                {
                    int v = ((x * (c + 1) * 255 / w) + (y * 255 / h)) / 2;
                    img[(y * stride) + (3 * x) + c] = (byte)Math.Clamp(v + rng.Next(-20, 21), 0, 255);
                }
            }
        }

        return img;
    }

    private static (byte[] Bytes, int Stride) Bytes(Mat image)
    {
        int stride = (int)image.Step();
        var bytes = new byte[stride * image.Rows];
        System.Runtime.InteropServices.Marshal.Copy(image.Data, bytes, 0, bytes.Length);
        return (bytes, stride);
    }
}
