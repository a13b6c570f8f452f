// EdgePose.GpuCheck: runs the GPU kernels against their CPU emulation on this machine's GPU, checks the
// errors of a refused PTX and of an allocation larger than the GPU, and prints the kernels' CUDA-event
// timings. Exit 0 when every check passes, 1 when one fails or CUDA cannot start (its reason printed:
// run it with CUDA_VISIBLE_DEVICES= to see the no-device error), 2 on bad arguments.
using System.Globalization;
using EdgePose.Native.Cuda;
using EdgePose.GpuCheck;
using EdgePose.Native.Tests.Cuda;

int frames = 200;
if (args.Length == 2 && args[0] == "--frames")
{
    if (!int.TryParse(args[1], NumberStyles.None, CultureInfo.InvariantCulture, out frames) || frames < 1)
    {
        Console.Error.WriteLine($"error: --frames needs a positive whole number, got '{args[1]}'");
        return 2;
    }
}
else if (args.Length != 0)
{
    Console.Error.WriteLine("error: usage: EdgePose.GpuCheck [--frames N]");
    return 2;
}

if (!CudaDriver.TryInitialize(out var whyNot))
{
    Console.Error.WriteLine($"error: {whyNot}");
    return 1;
}

using var gpu = new GpuSession();
Console.WriteLine($"{gpu.Device}, CUDA driver {CudaDriver.DriverVersion}, PTX sm_{gpu.Kernels.Architecture}");
int failures = 0;

// Each section runs even when an earlier one failed, so one run on a lent GPU reports everything.
void Section(string name, Action body)
{
    try
    {
        body();
    }
    catch (Exception e) when (e is CudaException or ArgumentException or InvalidOperationException)
    {
        Console.WriteLine($"{name}: FAILED: {e.Message}");
        failures++;
    }
}

Section("kernel resources", () =>
{
    foreach (var (kernel, registers, local) in gpu.Kernels.Resources())
    {
        Console.WriteLine($"{kernel}: {registers} registers, {local} local bytes per thread");
    }
});

Section("preprocess parity", () =>
{
    foreach (var (w, h, format, half) in GpuParity.PreprocessCases)
    {
        foreach (int pixels in new[] { 1, 2, 4 })
        {
            foreach (var way in Enum.GetValues<GpuParity.PreprocessWay>())
            {
                int differing = GpuParity.Preprocess(gpu, w, h, format, half, pixels, way);
                Console.WriteLine($"preprocess {w}x{h} {format} {(half ? "fp16" : "fp32")} {pixels} px/thread, {way}: {(differing == 0 ? "identical to the emulation" : $"{differing} values DIFFER")}");
                failures += differing == 0 ? 0 : 1;
            }
        }
    }
});

Section("batched preprocess parity", () =>
{
    int differing = GpuParity.PreprocessBatch(gpu);
    Console.WriteLine($"preprocess batch of 6 images of mixed sizes, formats and precisions in one launch: {(differing == 0 ? "identical to each image's emulation" : $"{differing} values DIFFER")}");
    failures += differing == 0 ? 0 : 1;
});

Section("postprocess parity", () =>
{
    var (detections, mismatch) = GpuParity.RandomPostprocess(gpu, frames, 20261127);
    Console.WriteLine(mismatch is null
        ? $"postprocess {frames} random frames: {detections} detections identical to the emulation"
        : $"postprocess DIFFERS at {mismatch}");
    failures += mismatch is null ? 0 : 1;
});

Section("bad inputs", () =>
{
    foreach (var (check, passed, message) in GpuErrorChecks.Run(gpu))
    {
        Console.WriteLine($"{check}: {(passed ? "ok" : "FAILED")}: {message}");
        failures += passed ? 0 : 1;
    }
});

Section("GPU processor", () =>
{
    var (lines, failed) = GpuProcessorParity.Run(gpu, Math.Min(frames, 200));
    foreach (var line in lines)
    {
        Console.WriteLine(line);
    }

    failures += failed;
});

Section("timings", () => KernelTimings.Measure(gpu, Console.WriteLine));
return failures == 0 ? 0 : 1;
