using System.Text;
using EdgePose.Core.Decoding;
using EdgePose.Core.Preprocessing;
using EdgePose.Native.Cuda;
using EdgePose.Native.Cuda.Kernels;
using EdgePose.Native.Tests.Kernels;
using Xunit.Abstractions;

namespace EdgePose.Native.Tests.Cuda;

/// <summary>
/// The kernels on the GPU against the same kernels on the CPU's emulated grid (which the Kernels tests hold
/// equal to EdgePose.Core): bit-identical tensors and result buffers. Run where a CUDA device exists.
/// </summary>
public class GpuKernelParityTests(ITestOutputHelper output)
{
    [RequiresGpuFact]
    public void Preprocess_on_the_gpu_equals_the_emulation_bit_for_bit()
    {
        using var gpu = new GpuSession();
        foreach (var (w, h, format, half) in GpuParity.PreprocessCases)
        {
            Assert.True(GpuParity.Preprocess(gpu, w, h, format, half) == 0, $"{w}x{h} {format} half={half} differs");
        }
    }

    [RequiresGpuFact]
    public void A_batched_preprocess_on_the_gpu_equals_each_image_emulated_alone()
    {
        using var gpu = new GpuSession();

        Assert.Equal(0, GpuParity.PreprocessBatch(gpu));
    }

    [RequiresGpuFact]
    public void Postprocess_on_the_gpu_equals_the_emulation_on_200_random_frames()
    {
        using var gpu = new GpuSession();

        var (detections, mismatch) = GpuParity.RandomPostprocess(gpu, 200, 20261127);

        Assert.Null(mismatch);
        output.WriteLine($"200 frames on {gpu.Device}: {detections} detections identical to the emulation");
    }

    [RequiresGpuFact(ModelOutputs.Model, ModelOutputs.Images)]
    public void Postprocess_of_real_outputs_on_the_gpu_equals_the_emulation()
    {
        using var gpu = new GpuSession();
        var layout = new OutputLayout(OutputLayoutKind.RawChannelsFirst, 1, 8400, 1, 17, 3);
        foreach (var (name, raw, box) in ModelOutputs.Coco8Pose)
        {
            Assert.True(GpuParity.Postprocess(gpu, layout, raw, new DecodeOptions(), box, out _), name);
            Assert.True(GpuParity.Postprocess(gpu, layout, raw, new DecodeOptions { Confidence = 0.001f, MultiLabel = true }, box, out _), name + " (validate)");
        }
    }

    [RequiresGpuFact]
    public void The_result_can_land_in_mapped_memory_the_host_reads_without_a_copy()
    {
        using var gpu = new GpuSession();
        var box = Letterbox.Compute(64, 48, 64, 64);
        var p = PreprocessParams.For(box, KernelPixelFormat.Bgr, 64 * 3, half: false);
        var source = new byte[64 * 48 * 3];
        new Random(2).NextBytes(source);
        using var src = gpu.Upload<byte>(source);
        using var mapped = gpu.Context.AllocateMapped((ulong)p.OutputBytes);

        gpu.Kernels.Preprocess((ulong)src.DevicePointer, p, mapped.DevicePointer, gpu.Stream);
        gpu.Stream.Synchronize();

        var expected = new float[3 * 64 * 64];
        EmulatedKernels.Preprocess(source, p, expected);
        Assert.Equal(expected, mapped.AsSpan<float>()[..expected.Length].ToArray());
    }

    [RequiresGpuFact]
    public void A_pitched_2d_copy_packs_the_rows()
    {
        using var gpu = new GpuSession();
        using var pinned = gpu.Context.AllocatePinned(4 * 16);
        for (int i = 0; i < 64; i++)
        {
            pinned.AsSpan<byte>()[i] = (byte)i;
        }

        using var device = gpu.Context.AllocateDevice(4 * 10);
        device.CopyFromHost2DAsync(pinned, sourcePitch: 16, pitch: 10, rowBytes: 10, rows: 4, gpu.Stream);

        var packed = gpu.Download<byte>(device, 40);
        Assert.Equal(Enumerable.Range(0, 4).SelectMany(r => Enumerable.Range(16 * r, 10)).Select(v => (byte)v), packed);
    }

    [RequiresGpuFact]
    public void Events_time_gpu_work_and_order_streams()
    {
        using var gpu = new GpuSession();
        using var other = gpu.Context.CreateStream();
        using var start = gpu.Context.CreateEvent();
        using var end = gpu.Context.CreateEvent();
        using var buffer = gpu.Context.AllocateDevice(1 << 24);

        start.Record(gpu.Stream);
        buffer.FillAsync(7, 1 << 22, gpu.Stream);
        end.Record(gpu.Stream);
        other.WaitEvent(end);
        other.Synchronize();

        Assert.True(end.IsComplete);
        float ms = CudaEvent.ElapsedMilliseconds(start, end);
        Assert.InRange(ms, 0f, 1000f);
        output.WriteLine($"16 MiB fill on {gpu.Device}: {ms * 1000f:F1} µs");
    }

    [RequiresGpuFact]
    public void Ptx_the_driver_refuses_is_reported_with_the_driver_s_words()
    {
        using var gpu = new GpuSession();

        var e = Assert.Throws<CudaException>(() => gpu.Context.LoadModule(Encoding.ASCII.GetBytes(".version 99.0\n.target sm_999\nnot ptx"), "broken.ptx"));

        Assert.StartsWith("the CUDA driver refused PTX module broken.ptx: CUDA_ERROR_", e.Message);
        Assert.DoesNotContain('\n', e.Message);
        output.WriteLine(e.Message);
    }
}
