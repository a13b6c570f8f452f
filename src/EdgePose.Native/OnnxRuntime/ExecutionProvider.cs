namespace EdgePose.Native.OnnxRuntime;

/// <summary>Where ONNX Runtime runs the model. The CPU is in every build; CUDA and TensorRT only in GPU builds.</summary>
public enum ExecutionProvider
{
    /// <summary>ONNX Runtime's own CPU kernels (MLAS): every build.</summary>
    Cpu,

    /// <summary>NVIDIA CUDA (the Microsoft.ML.OnnxRuntime.Gpu packages, JetPack's ONNX Runtime).</summary>
    Cuda,

    /// <summary>NVIDIA TensorRT inside ONNX Runtime, with CUDA for what TensorRT does not take.</summary>
    TensorRt,
}
