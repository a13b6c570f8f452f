using EdgePose.Core.Errors;
using Microsoft.ML.OnnxRuntime;

namespace EdgePose.Native.OnnxRuntime;

/// <summary>Names of the execution providers on the command line and in ONNX Runtime, and which this build has.</summary>
public static class ExecutionProviders
{
    /// <summary>The command-line names, in <see cref="ExecutionProvider"/> order.</summary>
    public static IReadOnlyList<string> Names { get; } = ["cpu", "cuda", "tensorrt"];

    /// <summary>"cpu", "cuda" or "tensorrt" (any case) → the provider; <see cref="InputException"/> otherwise.</summary>
    public static ExecutionProvider Parse(string name) => name.Trim().ToLowerInvariant() switch
    {
        "cpu" => ExecutionProvider.Cpu,
        "cuda" => ExecutionProvider.Cuda,
        "tensorrt" or "trt" => ExecutionProvider.TensorRt,
        _ => throw new InputException($"execution provider '{name}' is not one of {string.Join(", ", Names)}"),
    };

    /// <summary>The command-line name of <paramref name="provider"/>.</summary>
    public static string NameOf(ExecutionProvider provider) => Names[(int)provider];

    /// <summary>ONNX Runtime's name for <paramref name="provider"/> (what GetAvailableProviders lists).</summary>
    public static string OrtNameOf(ExecutionProvider provider) => provider switch
    {
        ExecutionProvider.Cuda => "CUDAExecutionProvider",
        ExecutionProvider.TensorRt => "TensorrtExecutionProvider",
        _ => "CPUExecutionProvider",
    };

    /// <summary>The providers the loaded ONNX Runtime library has, by command-line name where EdgePose knows them.</summary>
    public static IReadOnlyList<string> Available()
    {
        OnnxRuntimeLibrary.EnsureLoaded();
        return [.. OrtEnv.Instance().GetAvailableProviders().Select(ToName)];
    }

    /// <summary>Throws unless the loaded ONNX Runtime has <paramref name="provider"/>, naming the ones it has.</summary>
    public static void RequireAvailable(ExecutionProvider provider)
    {
        var available = Available();
        if (!available.Contains(NameOf(provider)))
        {
            throw new InputException(
                $"execution provider '{NameOf(provider)}' is not in this ONNX Runtime build ({OnnxRuntimeLibrary.Version}); available: {string.Join(", ", available)}");
        }
    }

    private static string ToName(string ortName)
    {
        for (var i = 0; i < Names.Count; i++)
        {
            if (OrtNameOf((ExecutionProvider)i) == ortName)
            {
                return Names[i];
            }
        }

        return ortName;
    }
}
