using EdgePose.Cli.Files;
using EdgePose.Core.Engines;
using EdgePose.Core.Errors;
using EdgePose.Core.Inference;
using EdgePose.Core.Onnx;
using EdgePose.Native.OnnxRuntime;
using EdgePose.TensorRt.Loading;

namespace EdgePose.Host.Engines;

/// <summary>
/// Opens a model file with the engine that runs it: ONNX Runtime (CPU, or the CUDA/TensorRT provider) for .onnx, TensorRT for engine
/// files (.engine, .plan, .trt: our plan + sidecar, a bare plan, or an Ultralytics .engine).
/// </summary>
public static class EngineFactory
{
    public static IInferenceEngine Open(string modelPath, EngineOptions options)
    {
        InputFile.Require(modelPath, "model file");

        var provider = ExecutionProviders.Parse(options.Provider);
        var ext = Path.GetExtension(modelPath).ToLowerInvariant();
        if (provider != ExecutionProvider.Cpu && ext != ".onnx")
        {
            throw new InputException($"--provider {options.Provider} applies to .onnx models; '{modelPath}' is a TensorRT engine, which runs on TensorRT anyway");
        }

        return ext switch
        {
            ".onnx" => OpenOnnx(modelPath, options),
            ".engine" or ".plan" or ".trt" => TensorRtEngineLoader.Load(modelPath, new EngineLoadOptions { RebuildAutomatically = options.RebuildEngine }, options.Warn),
            _ => throw new InputException($"model '{modelPath}': unknown model type '{ext}' (expected .onnx, .engine or .plan)"),
        };
    }

    private static OnnxRuntimeEngine OpenOnnx(string modelPath, EngineOptions options)
    {
        OnnxModelInfo info;
        using (var stream = File.OpenRead(modelPath))
        {
            info = OnnxModelReader.Read(stream, modelPath);
        }

        ModelInput.CheckImageSize(options.ImageSize, info.Metadata.Stride ?? 32);

        // Only models with dynamic height/width take a size from us; a fixed model keeps its own and
        // the predictor explains a mismatch.
        TensorShape? shape = null;
        if (info.Inputs.Count == 1 && info.Inputs[0].Shape is { Rank: 4 } declared && (declared[2] < 0 || declared[3] < 0))
        {
            int size = options.ImageSize ?? info.Metadata.ImageSize?.Height ?? 640;
            int width = options.ImageSize ?? info.Metadata.ImageSize?.Width ?? 640;
            shape = new TensorShape([declared[0] > 0 ? declared[0] : options.Batch ?? 1, 3, size, width]);
        }

        return new OnnxRuntimeEngine(modelPath, new OnnxRuntimeOptions
        {
            IntraOpThreads = options.Threads,
            InputShape = shape,
            MaxBatch = options.Batch ?? 1,
            Provider = ExecutionProviders.Parse(options.Provider),
        });
    }
}
