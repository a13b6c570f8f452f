using EdgePose.Native.OnnxRuntime;

namespace EdgePose.Train.Tests.Onnx;

/// <summary>
/// Runs an ONNX model through the project's ONNX Runtime engine: the reference the TorchSharp model is
/// compared with. The only place these tests touch the engine API.
/// </summary>
internal static class OnnxRuntimeReference
{
    /// <summary>Output 0 for one input of the model's input shape (NCHW floats).</summary>
    public static (float[] Output, long[] Shape) Run(string modelPath, float[] input)
    {
        using var engine = new OnnxRuntimeEngine(modelPath);
        using var buffers = engine.CreateBufferSet();
        input.AsSpan().CopyTo(buffers.InputSlot(0));
        engine.Enqueue(buffers, 1);
        var output = buffers.Output(0, out var shape);
        return (output.ToArray(), Enumerable.Range(0, shape.Rank).Select(i => (long)shape[i]).ToArray());
    }
}
