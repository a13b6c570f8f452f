using EdgePose.Core.Engines;
using EdgePose.Core.Errors;
using EdgePose.Core.Models;
using Microsoft.ML.OnnxRuntime;
using ModelMetadata = EdgePose.Core.Models.ModelMetadata;
using OrtOptimization = Microsoft.ML.OnnxRuntime.GraphOptimizationLevel;

namespace EdgePose.Native.OnnxRuntime;

/// <summary>
/// Runs an ONNX model with ONNX Runtime (the Microsoft.ML.OnnxRuntime package): on the CPU by default, or on the
/// CUDA or TensorRT provider where the ONNX Runtime build has them.
/// </summary>
/// <remarks>
/// One session is made at construction and reused. Each buffer set (<see cref="CreateBufferSet"/>) holds pinned
/// host tensors and one IOBinding per batch size over them, made once, so a run hands ONNX Runtime our buffers
/// and allocates nothing. A run completes on the calling thread (the returned completion is already complete);
/// runs on different buffer sets may overlap on different threads (ONNX Runtime's Run is thread-safe).
/// </remarks>
public sealed class OnnxRuntimeEngine : IInferenceEngine
{
    private readonly InferenceSession _session;
    private readonly RunOptions _runOptions;
    private bool _disposed;

    /// <param name="modelPath">The .onnx file.</param>
    /// <param name="options">Threads, optimisation, provider, batch and input shape; null for the defaults.</param>
    /// <exception cref="InputException">The file is missing or not a usable model, an option contradicts the
    /// model, the provider is not in this ONNX Runtime build, or ONNX Runtime cannot start.</exception>
    public OnnxRuntimeEngine(string modelPath, OnnxRuntimeOptions? options = null)
    {
        Options = options ?? new OnnxRuntimeOptions();
        if (string.IsNullOrWhiteSpace(modelPath))
        {
            throw new InputException("model path is empty");
        }

        ModelPath = Path.GetFullPath(modelPath);
        if (!File.Exists(ModelPath))
        {
            throw new InputException($"model file not found: {ModelPath}");
        }

        OnnxRuntimeLibrary.EnsureLoaded();
        if (Options.Provider != ExecutionProvider.Cpu)
        {
            ExecutionProviders.RequireAvailable(Options.Provider);
        }

        _session = CreateSession(ModelPath, Options);
        _runOptions = new RunOptions();
        try
        {
            DeclaredInputs = [.. _session.InputMetadata.Select(m => ToTensorInfo(m.Key, m.Value))];
            var declaredOutputs = _session.OutputMetadata.Select(m => ToTensorInfo(m.Key, m.Value)).ToArray();
            var input = RequireOneFloatInput(DeclaredInputs, ModelPath);
            RequireFloatOutputs(declaredOutputs, ModelPath);
            var inputShape = InputShapeResolver.Resolve(input, Options.InputShape, Options.MaxBatch, ModelPath);
            HasDynamicBatch = input.Shape.Rank > 0 && input.Shape[0] < 0;
            MaxBatch = inputShape.Rank > 0 ? checked((int)inputShape[0]) : 1;
            Inputs = [input with { Shape = inputShape }];
            Outputs = ResolveOutputs(declaredOutputs, input, inputShape);
            Metadata = UltralyticsMetadataParser.Parse(_session.ModelMetadata.CustomMetadataMap, ModelPath);
            Description = Describe(OnnxRuntimeLibrary.Version, Options);
        }
        catch
        {
            Dispose();
            throw;
        }
    }

    /// <summary>The session, for the buffer sets' IOBindings.</summary>
    internal InferenceSession Session => _session;

    /// <summary>Version of the ONNX Runtime library this process loads (loading it if needed).</summary>
    public static string RuntimeVersion => OnnxRuntimeLibrary.Version;

    public string ModelPath { get; }

    public OnnxRuntimeOptions Options { get; }

    /// <inheritdoc/>
    public string Description { get; } = "";

    /// <inheritdoc/>
    public ModelMetadata Metadata { get; } = ModelMetadata.Empty;

    /// <summary>The input as the engine feeds a full batch: the model's input with its concrete shape.</summary>
    public IReadOnlyList<TensorInfo> Inputs { get; } = [];

    /// <summary>The inputs as the model declares them; dynamic dimensions are -1.</summary>
    public IReadOnlyList<TensorInfo> DeclaredInputs { get; } = [];

    /// <summary>The outputs of a full batch, with every dimension known.</summary>
    public IReadOnlyList<TensorInfo> Outputs { get; } = [];

    /// <inheritdoc/>
    public int MaxBatch { get; }

    /// <inheritdoc/>
    public bool HasDynamicBatch { get; }

    /// <inheritdoc/>
    public IReadOnlyList<MemoryLocation> SupportedLocations { get; } = [MemoryLocation.Host];

    /// <inheritdoc/>
    public EngineBufferSet CreateBufferSet(MemoryLocation input = MemoryLocation.Host, MemoryLocation output = MemoryLocation.Host)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (input != MemoryLocation.Host || output != MemoryLocation.Host)
        {
            throw new NotSupportedException("the ONNX Runtime engine keeps its tensors in host memory; ask for host buffers");
        }

        return new OrtBufferSet(this, Inputs[0], Outputs, HasDynamicBatch);
    }

    /// <inheritdoc/>
    /// <exception cref="OnnxRuntimeException">ONNX Runtime failed during the run.</exception>
    public IInferenceCompletion Enqueue(EngineBufferSet buffers, int batch)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (buffers is not OrtBufferSet set || !ReferenceEquals(set.Engine, this))
        {
            throw new ArgumentException("the buffer set was made by another engine", nameof(buffers));
        }

        set.Run(_session, _runOptions, batch);
        return CompletedInference.Instance;
    }

    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        _runOptions?.Dispose();
        _session?.Dispose();
    }

    private static InferenceSession CreateSession(string modelPath, OnnxRuntimeOptions options)
    {
        using var sessionOptions = new SessionOptions
        {
            LogSeverityLevel = OrtLoggingLevel.ORT_LOGGING_LEVEL_ERROR, // warnings about the model are not ours to print
            IntraOpNumThreads = options.IntraOpThreads,
            GraphOptimizationLevel = ToOrt(options.Optimization),
        };
        if (options.ParallelExecution)
        {
            sessionOptions.ExecutionMode = ExecutionMode.ORT_PARALLEL;
            sessionOptions.InterOpNumThreads = options.InterOpThreads;
        }

        switch (options.Provider)
        {
            case ExecutionProvider.TensorRt:
                sessionOptions.AppendExecutionProvider_Tensorrt(options.DeviceId);
                sessionOptions.AppendExecutionProvider_CUDA(options.DeviceId);
                break;
            case ExecutionProvider.Cuda:
                sessionOptions.AppendExecutionProvider_CUDA(options.DeviceId);
                break;
        }

        try
        {
            return new InferenceSession(modelPath, sessionOptions);
        }
        catch (OnnxRuntimeException e)
        {
            throw new InputException($"model {modelPath} could not be loaded by ONNX Runtime: {FirstLine(e.Message)}", e);
        }
    }

    /// <summary>
    /// The full-batch output shapes. Dimensions the declarations leave open are taken from the input where they
    /// follow it (batch, named sizes), else from one run on a zero input at construction.
    /// </summary>
    private TensorInfo[] ResolveOutputs(TensorInfo[] declared, TensorInfo declaredInput, TensorShape inputShape)
    {
        var resolved = declared.Select(o => o with { Shape = InputShapeResolver.ResolveOutput(o, declaredInput, inputShape) }).ToArray();
        if (Array.TrueForAll(resolved, o => o.Shape.IsFixed))
        {
            return resolved;
        }

        var zeros = new float[inputShape.ElementCount];
        using var value = OrtValue.CreateTensorValueFromMemory(zeros, inputShape.Dims);
        using var results = _session.Run(_runOptions, [declaredInput.Name], [value], [.. declared.Select(o => o.Name)]);
        var i = 0;
        foreach (var result in results)
        {
            resolved[i] = resolved[i] with { Shape = new TensorShape(result.GetTensorTypeAndShape().Shape) { DimNames = resolved[i].Shape.DimNames } };
            i++;
        }

        return resolved;
    }

    private static TensorInfo ToTensorInfo(string name, NodeMetadata metadata)
    {
        if (!metadata.IsTensor)
        {
            return new TensorInfo(name, TensorElementType.Undefined, new TensorShape([]));
        }

        var dims = metadata.Dimensions.Select(d => d < 0 ? -1L : d).ToArray();
        var names = metadata.SymbolicDimensions.Select(s => string.IsNullOrEmpty(s) ? null : s).ToArray();
        return new TensorInfo(name, (TensorElementType)(int)metadata.ElementDataType, new TensorShape(dims) { DimNames = names });
    }

    private static TensorInfo RequireOneFloatInput(IReadOnlyList<TensorInfo> inputs, string modelPath)
    {
        if (inputs.Count != 1)
        {
            var listed = inputs.Count == 0 ? "no input" : $"{inputs.Count} inputs ({string.Join(", ", inputs)})";
            throw new InputException($"model {modelPath} has {listed}; EdgePose needs exactly one Float32 image input");
        }

        var input = inputs[0];
        return input.ElementType == TensorElementType.Float32
            ? input
            : throw new InputException($"model {modelPath} input '{input.Name}' is {input.ElementType}; EdgePose needs a Float32 image input");
    }

    private static void RequireFloatOutputs(IReadOnlyList<TensorInfo> outputs, string modelPath)
    {
        foreach (var output in outputs)
        {
            if (output.ElementType != TensorElementType.Float32)
            {
                throw new InputException($"model {modelPath} output '{output.Name}' is {output.ElementType}; EdgePose reads Float32 outputs");
            }
        }
    }

    private static OrtOptimization ToOrt(GraphOptimizationLevel level) => level switch
    {
        GraphOptimizationLevel.Disabled => OrtOptimization.ORT_DISABLE_ALL,
        GraphOptimizationLevel.Basic => OrtOptimization.ORT_ENABLE_BASIC,
        GraphOptimizationLevel.Extended => OrtOptimization.ORT_ENABLE_EXTENDED,
        _ => OrtOptimization.ORT_ENABLE_ALL,
    };

    /// <summary>ONNX Runtime's message without its "[ErrorCode:...]" prefix, first line only (parse errors run over several).</summary>
    private static string FirstLine(string message)
    {
        var m = message.AsSpan().Trim();
        if (m.StartsWith("[ErrorCode:") && m.IndexOf(']') is var close and > 0)
        {
            m = m[(close + 1)..].TrimStart();
        }

        var nl = m.IndexOfAny('\r', '\n');
        return (nl < 0 ? m : m[..nl]).TrimEnd().ToString();
    }

    private static string Describe(string version, OnnxRuntimeOptions options)
    {
        var intra = options.IntraOpThreads switch
        {
            0 => "default intra-op threads",
            1 => "1 intra-op thread",
            var n => $"{n} intra-op threads",
        };
        var inter = options.ParallelExecution ? $", parallel executor with {options.InterOpThreads} inter-op threads" : "";
        var provider = options.Provider switch
        {
            ExecutionProvider.Cuda => "CUDA",
            ExecutionProvider.TensorRt => "TensorRT",
            _ => "CPU",
        };
        return $"ONNX Runtime {version} {provider}, {intra}{inter}, optimisation {options.Optimization}";
    }
}
