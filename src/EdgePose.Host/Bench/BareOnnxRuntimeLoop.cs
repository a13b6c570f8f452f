using Microsoft.ML.OnnxRuntime;

namespace EdgePose.Host.Bench;

/// <summary>
/// ONNX Runtime's own API with no EdgePose code in between: one session on the same model, threads and graph
/// optimisation as our engine, run on a grey input. `bench engine --compare-bare` times it in alternation with
/// our engine, so that our wrapper's cost is visible and the two measurements check each other.
/// </summary>
internal sealed class BareOnnxRuntimeLoop : IDisposable
{
    private readonly InferenceSession _session;
    private readonly RunOptions _run = new();
    private readonly OrtValue _input;
    private readonly string[] _inputNames;
    private readonly string[] _outputNames;
    private readonly OrtValue[] _inputs;
    private readonly OrtValue[]? _outputs;

    /// <param name="outputShapes">The outputs' shapes when all are known: the outputs are then allocated once, as our engine's are.</param>
    public BareOnnxRuntimeLoop(string modelPath, int threads, long[] inputShape, IReadOnlyList<long[]>? outputShapes)
    {
        using var options = new SessionOptions
        {
            IntraOpNumThreads = threads,
            GraphOptimizationLevel = GraphOptimizationLevel.ORT_ENABLE_ALL,
            LogSeverityLevel = OrtLoggingLevel.ORT_LOGGING_LEVEL_ERROR,
        };
        _session = new InferenceSession(modelPath, options);
        var data = new float[inputShape.Aggregate(1L, (a, b) => a * b)];
        Array.Fill(data, 114f / 255f);
        _input = OrtValue.CreateTensorValueFromMemory(data, inputShape);
        _inputNames = [_session.InputNames[0]];
        _outputNames = [.. _session.OutputNames];
        _inputs = [_input];
        if (outputShapes is not null && outputShapes.Count == _outputNames.Length)
        {
            _outputs = [.. outputShapes.Select(s => OrtValue.CreateTensorValueFromMemory(new float[s.Aggregate(1L, (a, b) => a * b)], s))];
        }
    }

    /// <summary>One run, into the preallocated outputs where their shapes were known, else into outputs ONNX Runtime allocates (and that are disposed at once).</summary>
    public void Run()
    {
        if (_outputs is not null)
        {
            _session.Run(_run, _inputNames, _inputs, _outputNames, _outputs);
            return;
        }

        using var outputs = _session.Run(_run, _inputNames, _inputs, _outputNames);
    }

    public void Dispose()
    {
        foreach (var o in _outputs ?? [])
        {
            o.Dispose();
        }

        _input.Dispose();
        _run.Dispose();
        _session.Dispose();
    }
}
