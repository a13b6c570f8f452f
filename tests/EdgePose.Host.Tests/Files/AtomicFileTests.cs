using EdgePose.Cli.Files;
using EdgePose.Tests;

namespace EdgePose.Host.Tests.Files;

public sealed class AtomicFileTests : IDisposable
{
    private readonly string _dir = TestPaths.NewTempDir("edgepose-atomic");

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void Writer_that_fails_half_way_leaves_the_old_file_whole_and_no_temporary_file()
    {
        var target = Path.Combine(_dir, "result.json");
        File.WriteAllText(target, "old");

        Assert.Throws<IOException>(() => AtomicFile.WriteStream(target, s =>
        {
            s.Write("new and half"u8);
            throw new IOException("No space left on device");
        }));

        Assert.Equal("old", File.ReadAllText(target));
        Assert.Equal([target], Directory.GetFiles(_dir));
    }

    [Fact]
    public void Writing_onto_a_link_replaces_the_link_and_never_its_target()
    {
        var input = Path.Combine(_dir, "photo.jpg");
        File.WriteAllText(input, "the user's photo");
        var link = Path.Combine(_dir, "out.jpg");
        File.CreateSymbolicLink(link, input);

        AtomicFile.WriteAllText(link, "annotated");

        Assert.Equal("the user's photo", File.ReadAllText(input));
        Assert.Null(new FileInfo(link).LinkTarget);
        Assert.Equal("annotated", File.ReadAllText(link));
    }

    [Fact]
    public void Encoder_writing_by_path_gets_a_temporary_name_with_the_same_extension()
    {
        var target = Path.Combine(_dir, "a.png");
        string? seen = null;
        AtomicFile.Write(target, temp =>
        {
            seen = temp;
            File.WriteAllText(temp, "png");
        });

        Assert.Equal(".png", Path.GetExtension(seen));
        Assert.NotEqual(target, seen);
        Assert.False(File.Exists(seen));
        Assert.Equal("png", File.ReadAllText(target));
    }
}
