using System.Text;
using EdgePose.Core.Engines;
using EdgePose.Core.Errors;
using EdgePose.Core.Models;
using EdgePose.Native.OnnxRuntime.Handles;

namespace EdgePose.Native.OnnxRuntime;

/// <summary>
/// Runs an ONNX model on the CPU with ONNX Runtime, called through its C API.
/// </summary>
/// <remarks>
/// One session is made at construction and reused. The input is a pinned buffer with one <c>OrtValue</c> over
/// it, made once; outputs of fixed shape get the same treatment and are passed to every run, so ONNX Runtime
/// writes straight into our buffers and a run allocates nothing. Outputs of dynamic shape are allocated by
/// ONNX Runtime and copied into a reused host buffer. Not thread-safe (see <see cref="IInferenceEngine"/>).
/// </remarks>
public sealed unsafe class OnnxRuntimeEngine : IInferenceEngine
{
    private const int LogSeverityError = 3; // ORT_LOGGING_LEVEL_ERROR: warnings about the model are not ours to print
    private const int ExecutionModeParallel = 1; // ORT_PARALLEL
    private const int ArenaAllocator = 1; // OrtArenaAllocator
    private const int MemTypeDefault = 0; // OrtMemTypeDefault

    private readonly OrtApi _api;
    private readonly List<IDisposable> _owned = [];
    private readonly OrtSessionHandle _session;
    private readonly float[] _input;
    private readonly OrtOutputBuffer[] _outputs;
    private readonly Utf8NameTable _inputNames;
    private readonly Utf8NameTable _outputNames;
    private readonly nint[] _inputValues;
    private readonly nint[] _outputValues;
    private bool _disposed;

    /// <param name="modelPath">The .onnx file.</param>
    /// <param name="options">Threads, optimisation and input shape; null for the defaults.</param>
    /// <exception cref="InputException">The file is missing or not a usable model, an option contradicts the
    /// model, or ONNX Runtime is missing or too old.</exception>
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

        _api = OrtLibrary.Default;
        try
        {
            var env = Own(CreateEnv(_api));
            _session = Own(CreateSession(_api, env, ModelPath, Options));

            nint allocator;
            _api.Check(_api.GetAllocatorWithDefaultOptions(&allocator)); // process-wide, not ours to release
            DeclaredInputs = OrtTensorInfoReader.ReadInputs(_api, _session, allocator);
            Outputs = OrtTensorInfoReader.ReadOutputs(_api, _session, allocator);
            var input = RequireOneFloatInput(DeclaredInputs, ModelPath);
            RequireFloatOutputs(Outputs, ModelPath);
            var inputShape = InputShapeResolver.Resolve(input, Options.InputShape, ModelPath);
            Inputs = [input with { Shape = inputShape }];

            var cpu = Own(CreateCpuMemoryInfo(_api));
            _input = PinnedArray.Allocate<float>(inputShape.ElementCount);
            _inputValues = PinnedArray.Allocate<nint>(1);
            _inputValues[0] = Own(OrtTensorFactory.OverBuffer(_api, cpu, _input, inputShape)).Pointer;
            _outputs = [.. Outputs.Select(o => Own<OrtOutputBuffer>(
                o.Shape.IsFixed ? new OrtFixedOutput(_api, cpu, o.Shape) : new OrtDynamicOutput(_api, o)))];
            _outputValues = PinnedArray.Allocate<nint>(_outputs.Length);
            _inputNames = new Utf8NameTable(Inputs.Select(i => i.Name));
            _outputNames = new Utf8NameTable(Outputs.Select(o => o.Name));

            Metadata = UltralyticsMetadataParser.Parse(OrtModelMetadataReader.ReadCustomMap(_api, _session, allocator), ModelPath);
            Description = Describe(_api.Version, Options);
        }
        catch
        {
            Dispose();
            throw;
        }
    }

    /// <summary>Version of the ONNX Runtime library this process loads (loading it if needed).</summary>
    public static string RuntimeVersion => OrtLibrary.Default.Version;

    public string ModelPath { get; }

    public OnnxRuntimeOptions Options { get; }

    /// <inheritdoc/>
    public string Description { get; }

    /// <inheritdoc/>
    public ModelMetadata Metadata { get; }

    /// <summary>The input as the engine feeds it: the model's input with the concrete shape it runs at.</summary>
    public IReadOnlyList<TensorInfo> Inputs { get; }

    /// <summary>The inputs as the model declares them; dynamic dimensions are -1.</summary>
    public IReadOnlyList<TensorInfo> DeclaredInputs { get; }

    /// <summary>The outputs as the model declares them; dynamic dimensions are -1 (see <see cref="GetOutput"/> for the concrete shape).</summary>
    public IReadOnlyList<TensorInfo> Outputs { get; }

    /// <inheritdoc/>
    public Span<float> GetInput(int index = 0)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        ArgumentOutOfRangeException.ThrowIfNotEqual(index, 0);
        return _input;
    }

    /// <inheritdoc/>
    /// <exception cref="OrtException">ONNX Runtime failed during the run.</exception>
    public void Run()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        var outputs = _outputs;
        for (var i = 0; i < outputs.Length; i++)
        {
            _outputValues[i] = outputs[i].ValueForRun;
        }

        fixed (nint* inputValues = _inputValues)
        fixed (nint* outputValues = _outputValues)
        {
            var status = _api.Run(
                _session.Pointer,
                0,
                _inputNames.Pointers,
                inputValues,
                (nuint)_inputNames.Count,
                _outputNames.Pointers,
                (nuint)_outputNames.Count,
                outputValues);
            if (status != 0)
            {
                for (var i = 0; i < outputs.Length; i++)
                {
                    if (outputValues[i] != outputs[i].ValueForRun)
                    {
                        outputs[i].Discard(outputValues[i]);
                    }
                }

                throw _api.TakeError(status);
            }

            for (var i = 0; i < outputs.Length; i++)
            {
                outputs[i].Collect(outputValues[i]);
            }
        }
    }

    /// <inheritdoc/>
    public ReadOnlySpan<float> GetOutput(int index, out TensorShape shape)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, _outputs.Length);
        return _outputs[index].Read(out shape);
    }

    /// <summary>The pinned buffer that output <paramref name="index"/> of fixed shape is written into (tests, diagnostics).</summary>
    internal float[]? FixedOutputBuffer(int index) => (_outputs[index] as OrtFixedOutput)?.Buffer;

    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;

        // Values first, then memory info, session and environment: the reverse of creation.
        for (var i = _owned.Count - 1; i >= 0; i--)
        {
            _owned[i].Dispose();
        }
    }

    private static OrtEnvHandle CreateEnv(OrtApi api)
    {
        nint env;
        fixed (byte* logId = "edgepose\0"u8)
        {
            api.Check(api.CreateEnv(LogSeverityError, logId, &env));
        }

        return new OrtEnvHandle(api, env);
    }

    private static OrtSessionHandle CreateSession(OrtApi api, OrtEnvHandle env, string modelPath, OnnxRuntimeOptions options)
    {
        nint sessionOptions;
        api.Check(api.CreateSessionOptions(&sessionOptions));
        using var optionsHandle = new OrtSessionOptionsHandle(api, sessionOptions);
        api.Check(api.SetSessionLogSeverityLevel(sessionOptions, LogSeverityError));
        api.Check(api.SetIntraOpNumThreads(sessionOptions, options.IntraOpThreads));
        if (options.ParallelExecution)
        {
            api.Check(api.SetSessionExecutionMode(sessionOptions, ExecutionModeParallel));
            api.Check(api.SetInterOpNumThreads(sessionOptions, options.InterOpThreads));
        }

        api.Check(api.SetSessionGraphOptimizationLevel(sessionOptions, ToOrt(options.Optimization)));

        var path = Encoding.UTF8.GetBytes(modelPath + "\0");
        nint session;
        fixed (byte* p = path)
        {
            var status = api.CreateSession(env.Pointer, p, sessionOptions, &session);
            if (status != 0)
            {
                var error = api.TakeError(status);
                throw new InputException($"model {modelPath} could not be loaded by ONNX Runtime: {error.FirstLine}", error);
            }
        }

        return new OrtSessionHandle(api, session);
    }

    private static OrtMemoryInfoHandle CreateCpuMemoryInfo(OrtApi api)
    {
        nint info;
        api.Check(api.CreateCpuMemoryInfo(ArenaAllocator, MemTypeDefault, &info));
        return new OrtMemoryInfoHandle(api, info);
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

    private static int ToOrt(GraphOptimizationLevel level) => level switch
    {
        GraphOptimizationLevel.Disabled => 0,
        GraphOptimizationLevel.Basic => 1,
        GraphOptimizationLevel.Extended => 2,
        _ => 99,
    };

    private static string Describe(string version, OnnxRuntimeOptions options)
    {
        var intra = options.IntraOpThreads switch
        {
            0 => "default intra-op threads",
            1 => "1 intra-op thread",
            var n => $"{n} intra-op threads",
        };
        var inter = options.ParallelExecution ? $", parallel executor with {options.InterOpThreads} inter-op threads" : "";
        return $"ONNX Runtime {version} CPU, {intra}{inter}, optimisation {options.Optimization}";
    }

    private T Own<T>(T resource)
        where T : IDisposable
    {
        _owned.Add(resource);
        return resource;
    }
}
