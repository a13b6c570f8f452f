using EdgePose.Cli.Files;
using EdgePose.Tests;

namespace EdgePose.Host.Tests.Files;

public sealed class RealPathTests : IDisposable
{
    private readonly string _dir = TestPaths.NewTempDir("edgepose-realpath");

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void Link_to_a_folder_resolves_to_the_folder()
    {
        var target = Directory.CreateDirectory(Path.Combine(_dir, "data")).FullName;
        File.CreateSymbolicLink(Path.Combine(_dir, "link"), target);
        Assert.Equal(RealPath.Of(target), RealPath.Of(Path.Combine(_dir, "link")));
    }

    [Fact]
    public void Link_in_the_middle_of_a_path_and_a_missing_tail_resolve()
    {
        var target = Directory.CreateDirectory(Path.Combine(_dir, "data")).FullName;
        File.CreateSymbolicLink(Path.Combine(_dir, "link"), "data");
        Assert.Equal(Path.Combine(RealPath.Of(target), "new", "file.json"), RealPath.Of(Path.Combine(_dir, "link", "new", "file.json")));
    }

    [Fact]
    public void Chain_of_links_to_a_file_resolves_to_the_file()
    {
        var file = Path.Combine(_dir, "a.jpg");
        File.WriteAllText(file, "x");
        File.CreateSymbolicLink(Path.Combine(_dir, "b.jpg"), file);
        File.CreateSymbolicLink(Path.Combine(_dir, "c.jpg"), Path.Combine(_dir, "b.jpg"));
        Assert.Equal(RealPath.Of(file), RealPath.Of(Path.Combine(_dir, "c.jpg")));
    }

    [Fact]
    public void Link_loop_is_a_one_line_error()
    {
        File.CreateSymbolicLink(Path.Combine(_dir, "x"), Path.Combine(_dir, "y"));
        File.CreateSymbolicLink(Path.Combine(_dir, "y"), Path.Combine(_dir, "x"));
        var e = Assert.Throws<Core.Errors.InputException>(() => RealPath.Of(Path.Combine(_dir, "x")));
        Assert.Contains("too many levels of symbolic links", e.Message, StringComparison.Ordinal);
    }
}
