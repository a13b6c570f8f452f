using System.Reflection;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace EdgePose.Native;

/// <summary>
/// Finds the native libraries of EdgePose: our own (built by CMake into artifacts/native) and the CUDA
/// driver (ONNX Runtime comes with its NuGet package; see OnnxRuntimeLibrary). Search order for a library name:
/// an explicit path from its environment variable, $EDGEPOSE_NATIVE_DIR, the application folder,
/// the artifacts/native folder of the checkout the application runs from, then the system loader.
/// </summary>
public static class NativeLibraries
{
    /// <summary>Our TensorRT wrapper (native/trt_wrapper), built only where TensorRT is installed.</summary>
    public const string TensorRtWrapper = "edgepose_trt";

    /// <summary>The CUDA driver API (libcuda.so.1, installed with the NVIDIA driver or JetPack).</summary>
    public const string CudaDriver = "cuda";

    /// <summary>
    /// The CUDA kernels of native/kernels compiled for the host on an emulated grid (tests and references;
    /// built by CMake on every machine).
    /// </summary>
    public const string KernelsCpu = "edgepose_kernels_cpu";

    /// <summary>Environment variable naming a folder to search first.</summary>
    public const string NativeDirVariable = "EDGEPOSE_NATIVE_DIR";

    private static readonly Dictionary<string, string> s_pathVariables = new(StringComparer.Ordinal)
    {
        [TensorRtWrapper] = "EDGEPOSE_TRT_LIBRARY",
    };

    private static readonly Dictionary<string, string[]> s_fileNames = new(StringComparer.Ordinal)
    {
        [TensorRtWrapper] = ["libedgepose_trt.so"],
        [CudaDriver] = ["libcuda.so.1", "libcuda.so"],
        [KernelsCpu] = ["libedgepose_kernels_cpu.so"],
    };

#pragma warning disable CA2255 // The resolver must be in place before the first P/Invoke of this assembly.
    [ModuleInitializer]
#pragma warning restore CA2255
    internal static void Register() => NativeLibrary.SetDllImportResolver(typeof(NativeLibraries).Assembly, Resolve);

    /// <summary>Environment variable that names an explicit file for <paramref name="library"/>, if it has one.</summary>
    public static string? PathVariable(string library) => s_pathVariables.GetValueOrDefault(library);

    /// <summary>The folders searched, in order.</summary>
    public static IReadOnlyList<string> SearchDirectories()
    {
        var dirs = new List<string>();
        if (Environment.GetEnvironmentVariable(NativeDirVariable) is { Length: > 0 } env)
        {
            dirs.Add(env);
        }

        dirs.Add(AppContext.BaseDirectory);
        for (var d = new DirectoryInfo(AppContext.BaseDirectory); d is not null; d = d.Parent)
        {
            var candidate = Path.Combine(d.FullName, "artifacts", "native");
            if (Directory.Exists(candidate))
            {
                dirs.Add(candidate);
                break;
            }
        }

        return dirs;
    }

    /// <summary>
    /// Loads <paramref name="library"/> or throws <see cref="DllNotFoundException"/> with one line that says
    /// where it looked and how to get it.
    /// </summary>
    public static IntPtr Load(string library)
    {
        if (TryLoad(library, out var handle, out var tried))
        {
            return handle;
        }

        var hint = PathVariable(library) is { } v ? $"; run scripts/setup.sh or set {v}" : "; run scripts/setup.sh";
        throw new DllNotFoundException($"native library '{library}' not found (tried {string.Join(", ", tried)}){hint}");
    }

    private static bool TryLoad(string library, out IntPtr handle, out List<string> tried)
    {
        tried = [];
        if (PathVariable(library) is { } variable && Environment.GetEnvironmentVariable(variable) is { Length: > 0 } explicitPath)
        {
            // An explicit path is a promise: do not fall back to another copy behind the user's back.
            tried.Add(explicitPath);
            return NativeLibrary.TryLoad(explicitPath, out handle);
        }

        var names = s_fileNames.GetValueOrDefault(library) ?? [$"lib{library}.so"];
        foreach (var dir in SearchDirectories())
        {
            foreach (var name in names)
            {
                var path = Path.Combine(dir, name);
                if (File.Exists(path))
                {
                    tried.Add(path);
                    if (NativeLibrary.TryLoad(path, out handle))
                    {
                        return true;
                    }
                }
            }
        }

        foreach (var name in names)
        {
            tried.Add(name);
            if (NativeLibrary.TryLoad(name, out handle))
            {
                return true;
            }
        }

        handle = IntPtr.Zero;
        return false;
    }

    private static IntPtr Resolve(string libraryName, Assembly assembly, DllImportSearchPath? searchPath) =>
        s_fileNames.ContainsKey(libraryName) || s_pathVariables.ContainsKey(libraryName)
            ? Load(libraryName)
            : IntPtr.Zero;
}
