namespace EdgePose.Native.OnnxRuntime;

/// <summary>
/// How much ONNX Runtime rewrites the graph when it loads a model (ORT's <c>GraphOptimizationLevel</c>).
/// </summary>
/// <remarks>
/// Use <see cref="Extended"/> or <see cref="All"/> for results that match the reference outputs (made with
/// ONNX Runtime's default, All): for INT8 QDQ models the Q/DQ pairs around Conv/MatMul are fused into
/// integer kernels (QLinearConv and friends) only from Extended on; with Basic or Disabled the model runs the
/// fake-quant nodes literally in float, which gives numerically different (and slower) results.
/// </remarks>
public enum GraphOptimizationLevel
{
    /// <summary>No rewriting: the graph runs node by node as written (ORT_DISABLE_ALL).</summary>
    Disabled,

    /// <summary>Constant folding and redundant-node removal only (ORT_ENABLE_BASIC).</summary>
    Basic,

    /// <summary>Basic plus node fusions, including the QDQ → integer-kernel fusions (ORT_ENABLE_EXTENDED).</summary>
    Extended,

    /// <summary>Extended plus memory-layout optimisations (ORT_ENABLE_ALL, ONNX Runtime's default).</summary>
    All,
}
