using EdgePose.Core.Errors;
using EdgePose.Native.OnnxRuntime;
using EdgePose.Tests;

namespace EdgePose.Native.Tests.OnnxRuntime;

public sealed class OrtLibraryTests : IDisposable
{
    private readonly string _dir = TestPaths.NewTempDir();

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void Missing_library_is_reported_with_its_path_and_how_to_get_it()
    {
        var path = Path.Combine(_dir, "libonnxruntime.so");

        var e = Assert.Throws<InputException>(() => OrtLibrary.LoadFrom(path));

        Assert.Equal(
            $"ONNX Runtime library {path} does not exist; run scripts/setup.sh or set EDGEPOSE_ORT_LIBRARY to libonnxruntime.so 1.20+",
            e.Message);
    }

    [Fact]
    public void File_that_is_not_a_shared_library_is_reported_as_unloadable()
    {
        var path = Path.Combine(_dir, "libonnxruntime.so");
        File.WriteAllText(path, "not an ELF file");

        var e = Assert.Throws<InputException>(() => OrtLibrary.LoadFrom(path));

        Assert.StartsWith($"ONNX Runtime library {path} cannot be loaded; run scripts/setup.sh or set EDGEPOSE_ORT_LIBRARY", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Library_older_than_1_20_is_rejected_with_both_versions()
    {
        var e = Assert.Throws<InputException>(() => OrtLibrary.RequireSupportedVersion("1.19.2", "/opt/ort/libonnxruntime.so"));

        Assert.Equal(
            "ONNX Runtime 1.19.2 at /opt/ort/libonnxruntime.so is older than 1.20, which EdgePose needs; run scripts/setup.sh or set EDGEPOSE_ORT_LIBRARY to libonnxruntime.so 1.20+",
            e.Message);
    }

    [Theory]
    [InlineData("1.20.0")]
    [InlineData("1.20.1")]
    [InlineData("1.22.0-dev")]
    [InlineData("2.0")]
    public void Library_of_1_20_or_later_is_accepted(string version) =>
        OrtLibrary.RequireSupportedVersion(version, "lib");

    [Fact]
    public void Unreadable_version_string_is_rejected()
    {
        var e = Assert.Throws<InputException>(() => OrtLibrary.RequireSupportedVersion("banana", "lib"));

        Assert.StartsWith("ONNX Runtime at lib reports an unreadable version 'banana'", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Installed_library_is_onnx_runtime_1_20_1()
    {
        var path = Path.Combine(TestPaths.RepoRoot, "artifacts", "native", "libonnxruntime.so.1.20.1");
        Assert.True(File.Exists(path), $"{path} missing: run scripts/setup.sh");

        Assert.Equal("1.20.1", OrtLibrary.LoadFrom(path).Version);
        Assert.Equal("1.20.1", OrtLibrary.Default.Version);
    }
}
