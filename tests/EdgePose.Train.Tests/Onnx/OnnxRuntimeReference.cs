using EdgePose.Native.OnnxRuntime;

namespace EdgePose.Train.Tests.Onnx;

/// <summary>
/// Runs an ONNX model through the project's ONNX Runtime engine: the reference the TorchSharp model is
/// compared with. The only place these tests touch the engine API (it is being reworked elsewhere).
/// </summary>
internal static class OnnxRuntimeReference
{
    /// <summary>Output 0 for one input of the model's input shape (NCHW floats).</summary>
    public static (float[] Output, long[] Shape) Run(string modelPath, float[] input)
    {
        using var engine = new OnnxRuntimeEngine(modelPath);
        input.AsSpan().CopyTo(engine.GetInput(0));
        engine.Run();
        var output = engine.GetOutput(0, out var shape);
        return (output.ToArray(), Enumerable.Range(0, shape.Rank).Select(i => (long)shape[i]).ToArray());
    }
}
