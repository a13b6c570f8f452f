using EdgePose.Cli.Files;
using EdgePose.Core.Errors;
using EdgePose.Tests;

namespace EdgePose.Host.Tests.Files;

public sealed class InputFileTests : IDisposable
{
    private readonly string _dir = TestPaths.NewTempDir("edgepose-inputfile");

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void Folder_given_as_a_file_says_it_is_a_folder()
    {
        var e = Assert.Throws<InputException>(() => InputFile.Require(_dir, "model file"));
        Assert.Equal($"model file '{_dir}' is a folder; give a file", e.Message);
    }

    [Theory]
    [InlineData("/dev/zero")]
    [InlineData("/dev/urandom")]
    [InlineData("/proc/self/status")]
    public void Device_or_system_file_is_refused_before_any_read(string path)
    {
        var e = Assert.Throws<InputException>(() => InputFile.Require(path, "source"));
        Assert.Contains("is not a regular file", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Link_to_a_device_is_refused()
    {
        var link = Path.Combine(_dir, "frame.jpg");
        File.CreateSymbolicLink(link, "/dev/zero");
        Assert.Throws<InputException>(() => InputFile.Require(link, "image"));
    }

    [Fact]
    public void Empty_file_and_file_over_the_limit_are_refused()
    {
        var empty = Path.Combine(_dir, "empty.jpg");
        File.WriteAllBytes(empty, []);
        Assert.Contains("is empty", Assert.Throws<InputException>(() => InputFile.Require(empty, "image")).Message, StringComparison.Ordinal);

        var big = Path.Combine(_dir, "big.json");
        File.WriteAllBytes(big, new byte[2048]);
        Assert.Contains("more than", Assert.Throws<InputException>(() => InputFile.Require(big, "data file", maxBytes: 1024)).Message, StringComparison.Ordinal);
    }
}
