using System.CommandLine;
using System.Runtime.InteropServices;
using EdgePose.Native.Cuda;
using EdgePose.Native.OnnxRuntime;
using EdgePose.Native.OpenCv;
using EdgePose.TensorRt.Runtime;

namespace EdgePose.Host.Commands;

/// <summary>`edgepose info`: versions of .NET and of the native libraries this machine has, or why one is missing.</summary>
public static class InfoCommand
{
    public static Command Create()
    {
        var cmd = new Command("info", "Show versions of .NET and the native libraries found (OpenCV, ONNX Runtime, CUDA, TensorRT)");
        cmd.SetAction(parse =>
        {
            var o = parse.InvocationConfiguration.Output;
            o.WriteLine($"edgepose {typeof(InfoCommand).Assembly.GetName().Version}");
            o.WriteLine($".NET {Environment.Version} on {RuntimeInformation.OSDescription} {RuntimeInformation.OSArchitecture}");
            // Without OpenCV's native library `edgepose run` still works headless; only drawing and image decoding need it.
            o.WriteLine("OpenCV: " + (!OpenCvNative.TryLoad(out var noCv) ? "not found (" + noCv + ")" : Probe(() => OpenCvBuild.Current is var cv
                ? $"{cv.Version} (video I/O: FFmpeg {YesNo(cv.HasFfmpeg)}, GStreamer {YesNo(cv.HasGStreamer)}, V4L2 {YesNo(cv.HasV4l2)})"
                : "")));
            o.WriteLine("ONNX Runtime: " + Probe(() => OnnxRuntimeEngine.RuntimeVersion));
            o.WriteLine("CUDA driver: " + (CudaDriver.TryInitialize(out var noCuda) ? $"{CudaDriver.DriverVersion / 1000}.{CudaDriver.DriverVersion % 1000 / 10}" : "not found (" + noCuda + ")"));
            o.WriteLine("TensorRT: " + (TensorRtLibrary.IsAvailable(out var noTrt) ? Probe(TensorRtLibrary.Describe) : "not found (" + noTrt + ")"));
            return 0;
        });
        return cmd;
    }

    private static string YesNo(bool b) => b ? "yes" : "no";

    private static string Probe(Func<string> read)
    {
        try
        {
            return read();
        }
        catch (Exception e) when (e is DllNotFoundException or EdgePose.Core.Errors.InputException or EntryPointNotFoundException)
        {
            return "not found (" + e.Message + ")";
        }
    }
}
