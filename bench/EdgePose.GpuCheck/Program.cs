// EdgePose.GpuCheck: runs the GPU kernels against their CPU emulation on this machine's GPU and prints
// their CUDA-event timings. Exit 0 when every check is equal, 1 when one differs or CUDA fails, 2 on
// bad arguments.
using System.Globalization;
using EdgePose.Native.Cuda;
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

try
{
    using var gpu = new GpuSession();
    Console.WriteLine($"{gpu.Device}, CUDA driver {CudaDriver.DriverVersion}, PTX sm_{gpu.Kernels.Architecture}");
    int failures = 0;
    foreach (var (w, h, format, half) in GpuParity.PreprocessCases)
    {
        int differing = GpuParity.Preprocess(gpu, w, h, format, half);
        Console.WriteLine($"preprocess {w}x{h} {format} {(half ? "fp16" : "fp32")}: {(differing == 0 ? "identical to the emulation" : $"{differing} values DIFFER")}");
        failures += differing == 0 ? 0 : 1;
    }

    var (detections, mismatch) = GpuParity.RandomPostprocess(gpu, frames, 20261127);
    Console.WriteLine(mismatch is null
        ? $"postprocess {frames} random frames: {detections} detections identical to the emulation"
        : $"postprocess DIFFERS at {mismatch}");
    failures += mismatch is null ? 0 : 1;

    foreach (var line in KernelTimings.Measure(gpu))
    {
        Console.WriteLine(line);
    }

    return failures == 0 ? 0 : 1;
}
catch (CudaException e)
{
    Console.Error.WriteLine($"error: {e.Message}");
    return 1;
}
