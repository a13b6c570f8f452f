using EdgePose.Core.Errors;
using EdgePose.Native.OnnxRuntime;
using EdgePose.Tests;

namespace EdgePose.Native.Tests.OnnxRuntime;

/// <summary>
/// ONNX Runtime comes with the Microsoft.ML.OnnxRuntime package; EDGEPOSE_ORT_LIBRARY names another build (e.g. one
/// with the CUDA and TensorRT providers). A file it names that is missing or not ONNX Runtime is refused on one line.
/// </summary>
public sealed class OnnxRuntimeLibraryTests : IDisposable
{
    private readonly string _dir = TestPaths.NewTempDir();

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void Missing_library_is_reported_with_its_path_and_how_to_get_it()
    {
        var path = Path.Combine(_dir, "libonnxruntime.so");

        var e = Assert.Throws<InputException>(() => OnnxRuntimeLibrary.LoadFrom(path));

        Assert.Equal(
            $"ONNX Runtime library {path} does not exist; set EDGEPOSE_ORT_LIBRARY to a libonnxruntime.so, or unset it to use the bundled one",
            e.Message);
    }

    [Fact]
    public void File_that_is_not_a_shared_library_is_reported_as_unloadable()
    {
        var path = Path.Combine(_dir, "libonnxruntime.so");
        File.WriteAllText(path, "not an ELF file");

        var e = Assert.Throws<InputException>(() => OnnxRuntimeLibrary.LoadFrom(path));

        Assert.StartsWith($"ONNX Runtime library {path} cannot be loaded; set EDGEPOSE_ORT_LIBRARY", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Shared_library_that_is_not_onnx_runtime_is_refused()
    {
        var libc = new[] { "/lib/x86_64-linux-gnu/libc.so.6", "/lib/aarch64-linux-gnu/libc.so.6" }.First(File.Exists);

        var e = Assert.Throws<InputException>(() => OnnxRuntimeLibrary.LoadFrom(libc));

        Assert.StartsWith($"{libc} is not ONNX Runtime (it has no OrtGetApiBase)", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Bundled_library_is_the_package_s_1_31_1_with_the_cpu_provider()
    {
        Assert.Equal("1.31.1", OnnxRuntimeEngine.RuntimeVersion);
        Assert.Contains("cpu", ExecutionProviders.Available());
    }
}
