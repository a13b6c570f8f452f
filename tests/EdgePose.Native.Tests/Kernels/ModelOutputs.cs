using EdgePose.Core.Preprocessing;
using EdgePose.Native.OnnxRuntime;
using EdgePose.Native.OpenCv;
using EdgePose.Tests;

namespace EdgePose.Native.Tests.Kernels;

/// <summary>
/// Real raw outputs of yolo11n-pose (the shared float-head model, ONNX Runtime on the CPU) for the coco8-pose
/// images, made once per test run and reused: each with the letterbox that produced its input.
/// </summary>
internal static class ModelOutputs
{
    public const string Model = "models/yolo11n-pose_int8_floathead.onnx";
    public const string Images = "data/coco8-pose/images";

    private static readonly Lazy<IReadOnlyList<(string Name, float[] Output, Letterbox Box)>> s_outputs = new(Run);

    public static IReadOnlyList<(string Name, float[] Output, Letterbox Box)> Coco8Pose => s_outputs.Value;

    private static List<(string, float[], Letterbox)> Run()
    {
        using var engine = new OnnxRuntimeEngine(TestPaths.FloatHeadModel);
        using var buffers = engine.CreateBufferSet();
        var list = new List<(string, float[], Letterbox)>();
        foreach (var path in Directory.GetFiles(Path.Combine(TestPaths.Coco8Pose, "images"), "*.jpg", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            using var image = ImageCodec.Read(path);
            int stride = (int)image.Step();
            var bgr = new byte[stride * image.Rows];
            System.Runtime.InteropServices.Marshal.Copy(image.Data, bgr, 0, bgr.Length);
            var box = Letterbox.Compute(image.Cols, image.Rows, 640, 640);
            CpuLetterbox.Tensor(bgr, image.Cols, image.Rows, stride, box).CopyTo(buffers.InputSlot(0));
            engine.Enqueue(buffers, 1);
            list.Add((Path.GetFileName(path), buffers.Output(0, out _).ToArray(), box));
        }

        return list;
    }
}
