using EdgePose.Cli.Files;
using EdgePose.Core.Errors;
using EdgePose.Tests;

namespace EdgePose.Host.Tests.Files;

public sealed class RunFolderTests : IDisposable
{
    private readonly string _dir = TestPaths.NewTempDir("edgepose-runfolder");

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string At(string name) => Path.Combine(_dir, name);

    [Fact]
    public void Missing_or_empty_folder_is_used_as_asked()
    {
        Assert.Equal(At("predict"), RunFolder.Choose(At("predict"), existOk: false, []));
        Directory.CreateDirectory(At("empty"));
        Assert.Equal(At("empty"), RunFolder.Choose(At("empty"), existOk: false, []));
    }

    [Fact]
    public void Folder_holding_files_gives_the_next_numbered_folder()
    {
        Directory.CreateDirectory(At("predict"));
        File.WriteAllText(Path.Combine(At("predict"), "mine.json"), "{}");
        Directory.CreateDirectory(At("predict2"));
        File.WriteAllText(Path.Combine(At("predict2"), "a"), "");

        Assert.Equal(At("predict3"), RunFolder.Choose(At("predict"), existOk: false, []));
    }

    [Fact]
    public void Exist_ok_reuses_a_folder_holding_files()
    {
        Directory.CreateDirectory(At("predict"));
        File.WriteAllText(Path.Combine(At("predict"), "mine.json"), "{}");
        Assert.Equal(At("predict"), RunFolder.Choose(At("predict"), existOk: true, []));
    }

    [Fact]
    public void Folder_that_is_a_link_to_the_source_folder_is_refused_with_exist_ok()
    {
        Directory.CreateDirectory(At("photos"));
        File.WriteAllText(Path.Combine(At("photos"), "a.jpg"), "x");
        File.CreateSymbolicLink(At("link"), At("photos"));

        var e = Assert.Throws<InputException>(() => RunFolder.Choose(At("link"), existOk: true, [At("photos")]));
        Assert.Contains("is the folder of the input", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Folder_holding_a_source_file_is_refused()
    {
        Directory.CreateDirectory(At("photos"));
        var photo = Path.Combine(At("photos"), "a.jpg");
        File.WriteAllText(photo, "x");
        File.CreateSymbolicLink(At("link.jpg"), photo);

        // The image is given through a link; its real folder is photos.
        Assert.Throws<InputException>(() => RunFolder.Choose(At("photos"), existOk: true, [At("link.jpg")]));
    }

    [Fact]
    public void File_given_as_the_folder_is_refused()
    {
        File.WriteAllText(At("f"), "");
        var e = Assert.Throws<InputException>(() => RunFolder.Choose(At("f"), existOk: true, []));
        Assert.Contains("is a file, not a folder", e.Message, StringComparison.Ordinal);
    }
}
