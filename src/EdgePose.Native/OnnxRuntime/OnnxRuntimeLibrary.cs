using System.Reflection;
using System.Runtime.InteropServices;
using EdgePose.Core.Errors;
using Microsoft.ML.OnnxRuntime;

namespace EdgePose.Native.OnnxRuntime;

/// <summary>
/// Which libonnxruntime the process uses: the one of the Microsoft.ML.OnnxRuntime package (CPU, linux-x64 and
/// linux-arm64) by default, or exactly the file that <c>EDGEPOSE_ORT_LIBRARY</c> names, e.g. an ONNX Runtime built
/// with the CUDA and TensorRT providers on a Jetson. It must be at least the package's version.
/// </summary>
internal static class OnnxRuntimeLibrary
{
    /// <summary>Environment variable naming an explicit libonnxruntime.so.</summary>
    public const string PathVariable = "EDGEPOSE_ORT_LIBRARY";

    private static readonly Lazy<string> s_version = new(LoadOnce, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>The loaded library's version, e.g. "1.31.1" (loading it on first use).</summary>
    public static string Version => s_version.Value;

    /// <summary>Loads ONNX Runtime or throws <see cref="InputException"/> saying why it cannot.</summary>
    public static void EnsureLoaded() => _ = s_version.Value;

    /// <summary>Loads the file <paramref name="path"/> as a native library; <see cref="InputException"/> naming it when that fails.</summary>
    internal static nint LoadFrom(string path)
    {
        if (!NativeLibrary.TryLoad(path, out var handle))
        {
            var why = File.Exists(path) ? "cannot be loaded" : "does not exist";
            throw new InputException($"ONNX Runtime library {path} {why}; set {PathVariable} to a libonnxruntime.so, or unset it to use the bundled one");
        }

        if (!NativeLibrary.TryGetExport(handle, "OrtGetApiBase", out _))
        {
            throw new InputException($"{path} is not ONNX Runtime (it has no OrtGetApiBase); set {PathVariable} to a libonnxruntime.so, or unset it to use the bundled one");
        }

        return handle;
    }

    private static string LoadOnce()
    {
        if (Environment.GetEnvironmentVariable(PathVariable) is { Length: > 0 } path)
        {
            var handle = LoadFrom(path);

            // Before any ONNX Runtime type runs its static constructor, so the package's own resolver stays out.
            OrtEnv.DisableDllImportResolver = true;
            NativeLibrary.SetDllImportResolver(
                typeof(OrtEnv).Assembly,
                (name, _, _) => name.Contains("onnxruntime", StringComparison.Ordinal) ? handle : 0);
        }

        try
        {
            return OrtEnv.Instance().GetVersionString();
        }
        catch (Exception e) when (e is TypeInitializationException or DllNotFoundException or EntryPointNotFoundException or OnnxRuntimeException)
        {
            var where = Environment.GetEnvironmentVariable(PathVariable) is { Length: > 0 } p ? p : "the bundled libonnxruntime.so";
            var package = typeof(OrtEnv).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "the package's";
            throw new InputException($"ONNX Runtime at {where} cannot be started ({OneLine(e)}); EdgePose needs ONNX Runtime {package.Split('+')[0]} or later", e);
        }
    }

    private static string OneLine(Exception e)
    {
        while (e.InnerException is not null && e is TypeInitializationException)
        {
            e = e.InnerException;
        }

        var m = e.Message.AsSpan().Trim();
        var nl = m.IndexOfAny('\r', '\n');
        return (nl < 0 ? m : m[..nl]).TrimEnd().ToString();
    }
}
