using System.Runtime.InteropServices;
using EdgePose.Core.Decoding;
using EdgePose.Core.Preprocessing;
using EdgePose.Native.Cuda.Kernels;

namespace EdgePose.Native.Tests.Kernels;

/// <summary>The managed mirrors of the kernels' parameter structs and their launch arithmetic.</summary>
public class KernelAbiTests
{
    [Fact]
    public void Parameter_structs_have_the_native_sizes()
    {
        var (preprocess, decode, batch) = EmulatedKernels.NativeParamsSizes();

        Assert.Equal(PreprocessParams.Size, preprocess);
        Assert.Equal(DecodeParams.Size, decode);
        Assert.Equal(preprocess, Marshal.SizeOf<PreprocessParams>());
        Assert.Equal(decode, Marshal.SizeOf<DecodeParams>());
        Assert.Equal(64, Marshal.OffsetOf<DecodeParams>(nameof(DecodeParams.Iou)).ToInt32());
        Assert.Equal(56, Marshal.OffsetOf<PreprocessParams>(nameof(PreprocessParams.ScaleX)).ToInt32());
        Assert.Equal(72, Marshal.OffsetOf<PreprocessParams>(nameof(PreprocessParams.Taps)).ToInt32());
        Assert.Equal(PreprocessBatchParams.Size, batch);
        Assert.Equal(batch, Marshal.SizeOf<PreprocessBatchParams>());
        Assert.Equal(768, Marshal.OffsetOf<PreprocessBatchParams>(nameof(PreprocessBatchParams.Count)).ToInt32());
    }

    [Fact]
    public void Preprocess_launch_covers_every_output_pixel_with_32_by_8_blocks()
    {
        var p = PreprocessParams.For(Letterbox.Compute(1920, 1080, 640, 384), KernelPixelFormat.Bgr, 1920 * 3, half: true);

        Assert.Equal(new KernelLaunchConfig(20, 48, 32, 8), KernelLaunchConfig.Preprocess(p, 1));
        Assert.Equal(2, KernelLaunchConfig.PreprocessPixels);
        Assert.Equal(new KernelLaunchConfig(10, 48, 32, 8), KernelLaunchConfig.Preprocess(p, 2));
        Assert.Equal(new KernelLaunchConfig(5, 48, 32, 8), KernelLaunchConfig.Preprocess(p, 4));
        Assert.Equal(KernelLaunchConfig.Preprocess(p, KernelLaunchConfig.PreprocessPixels), KernelLaunchConfig.Preprocess(p));
    }

    [Fact]
    public void Content_only_launch_covers_the_resized_image_alone_and_the_tap_table_one_thread_per_entry()
    {
        var p = PreprocessParams.For(Letterbox.Compute(1920, 1080, 640, 640), KernelPixelFormat.Nv12, 1920, half: true, uvOffset: 1920 * 1080, uvStride: 1920);

        Assert.Equal(new KernelLaunchConfig(20, 80, 32, 8), KernelLaunchConfig.Preprocess(p, 1));
        Assert.Equal(new KernelLaunchConfig(20, 45, 32, 8), KernelLaunchConfig.Preprocess(p.WithContentOnly(true), 1)); // 640 x 360
        Assert.Equal(1000, p.TapCount);
        Assert.Equal(new KernelLaunchConfig(4, 1, 256, 1), KernelLaunchConfig.PreprocessTaps(p));
    }

    [Fact]
    public void Batched_preprocess_launch_has_a_layer_per_image_as_wide_and_tall_as_the_largest_region()
    {
        var landscape = PreprocessParams.For(Letterbox.Compute(1920, 1080, 640, 640), KernelPixelFormat.Bgr, 1920 * 3, half: true).WithContentOnly(true);
        var portrait = PreprocessParams.For(Letterbox.Compute(720, 1280, 640, 640), KernelPixelFormat.Bgr, 720 * 3, half: true).WithContentOnly(true);

        // 640x360 and 360x640 regions, 2 pixels per thread: 10 blocks of 32 across, 80 blocks of 8 down.
        Assert.Equal(new KernelLaunchConfig(10, 80, 32, 8) { GridZ = 2 }, KernelLaunchConfig.PreprocessBatch([landscape, portrait]));
        Assert.Throws<ArgumentOutOfRangeException>(() => KernelLaunchConfig.PreprocessBatch(Enumerable.Repeat(landscape, 9).ToArray()));
        Assert.Throws<ArgumentOutOfRangeException>(() => KernelLaunchConfig.PreprocessBatch([]));
    }

    [Fact]
    public void Tap_tables_are_shared_by_parameters_of_the_same_geometry_only()
    {
        var box = Letterbox.Compute(1920, 1080, 640, 640);
        var bgr = PreprocessParams.For(box, KernelPixelFormat.Bgr, 1920 * 3, half: false);
        var nv12 = PreprocessParams.For(box, KernelPixelFormat.Nv12, 2048, half: true, uvOffset: 2048 * 1080, uvStride: 2048);

        Assert.True(bgr.SameTaps(nv12)); // format, stride and precision do not change the taps
        Assert.False(bgr.SameTaps(PreprocessParams.For(Letterbox.Compute(1280, 720, 640, 640), KernelPixelFormat.Bgr, 1280 * 3, half: false)));
        Assert.False(bgr.SameTaps(PreprocessParams.For(Letterbox.Compute(1920, 1080, 320, 320), KernelPixelFormat.Bgr, 1920 * 3, half: false)));
        Assert.True(bgr.SameTaps(PreprocessParams.For(Letterbox.Compute(1920, 1080, 640, 384), KernelPixelFormat.Bgr, 1920 * 3, half: false))); // the same 640x360 image, less padding
    }

    [Fact]
    public void Decode_and_nms_launches_follow_the_layout()
    {
        var layout = new OutputLayout(OutputLayoutKind.RawChannelsFirst, 1, 8400, 1, 17, 3);
        var p = DecodeParams.For(layout, new DecodeOptions { MaxDetections = 100 }, Letterbox.Compute(1920, 1080, 640, 640), 300);

        Assert.Equal(new KernelLaunchConfig(33, 1, 256, 1), KernelLaunchConfig.Decode(p));
        Assert.Equal(new KernelLaunchConfig(33, 1, 256, 1), KernelLaunchConfig.Sort(p));
        Assert.Equal(new KernelLaunchConfig(256, 1, 256, 1), KernelLaunchConfig.NmsMask(p));
        Assert.Equal(new KernelLaunchConfig(23, 1, 256, 1), KernelLaunchConfig.Gather(p)); // 100 slots × 58 words
        Assert.Equal(100, p.MaxDetections);
        Assert.Equal(4 + (100 * (7 + 51)), p.ResultWords);
    }

    [Fact]
    public void Multi_label_decoding_has_a_slot_per_anchor_and_class()
    {
        var layout = new OutputLayout(OutputLayoutKind.RawChannelsLast, 1, 1000, 3, 5, 2);

        var p = DecodeParams.For(layout, new DecodeOptions { MultiLabel = true, MaxCandidates = 2500 }, Letterbox.Compute(640, 640, 640, 640), 300);

        Assert.Equal(3000, p.Capacity);
        Assert.Equal(2500, p.NmsCapacity);
        Assert.Equal(40, p.MaskWords);
        Assert.Equal(1, p.ChannelsLast);
    }

    [Fact]
    public void End_to_end_layouts_are_refused()
    {
        var layout = new OutputLayout(OutputLayoutKind.EndToEnd, 1, 300, 1, 17, 3);

        var e = Assert.Throws<ArgumentException>(() => DecodeParams.For(layout, new DecodeOptions(), Letterbox.Compute(640, 640, 640, 640), 300));

        Assert.Contains("end-to-end", e.Message);
    }

    [Fact]
    public void A_grid_of_no_threads_is_refused()
    {
        var p = new DecodeParams { Rows = 0 };

        Assert.Throws<ArgumentOutOfRangeException>(() => KernelLaunchConfig.Decode(p));
    }
}
