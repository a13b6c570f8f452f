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
        var (preprocess, decode) = EmulatedKernels.NativeParamsSizes();

        Assert.Equal(PreprocessParams.Size, preprocess);
        Assert.Equal(DecodeParams.Size, decode);
        Assert.Equal(preprocess, Marshal.SizeOf<PreprocessParams>());
        Assert.Equal(decode, Marshal.SizeOf<DecodeParams>());
        Assert.Equal(64, Marshal.OffsetOf<DecodeParams>(nameof(DecodeParams.Iou)).ToInt32());
        Assert.Equal(56, Marshal.OffsetOf<PreprocessParams>(nameof(PreprocessParams.ScaleX)).ToInt32());
    }

    [Fact]
    public void Preprocess_launch_covers_every_output_pixel_with_32_by_8_blocks()
    {
        var p = PreprocessParams.For(Letterbox.Compute(1920, 1080, 640, 384), KernelPixelFormat.Bgr, 1920 * 3, half: true);

        Assert.Equal(new KernelLaunchConfig(20, 48, 32, 8), KernelLaunchConfig.Preprocess(p, 1));
        Assert.Equal(new KernelLaunchConfig(10, 48, 32, 8), KernelLaunchConfig.Preprocess(p, 2));
        Assert.Equal(new KernelLaunchConfig(5, 48, 32, 8), KernelLaunchConfig.Preprocess(p, 4));
        Assert.Equal(KernelLaunchConfig.Preprocess(p, KernelLaunchConfig.PreprocessPixels), KernelLaunchConfig.Preprocess(p));
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
