namespace EdgePose.TensorRt.Building;

/// <summary>Which kernels TensorRT may choose when building an engine.</summary>
public enum EnginePrecision
{
    /// <summary>FP32 (TF32 where the GPU has it).</summary>
    Fp32,

    /// <summary>FP16 allowed, FP32 where TensorRT finds FP16 worse.</summary>
    Fp16,

    /// <summary>
    /// INT8 where the model is quantised (QDQ) or calibrated, FP16 for the layers that are not: TensorRT's
    /// recommended mix, and what DLA needs.
    /// </summary>
    Int8,
}
