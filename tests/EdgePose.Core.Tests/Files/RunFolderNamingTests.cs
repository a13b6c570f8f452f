using EdgePose.Core.Files;

namespace EdgePose.Core.Tests.Files;

public class RunFolderNamingTests
{
    [Fact]
    public void Free_folder_is_kept()
    {
        Assert.Equal("runs/predict", RunFolderNaming.FirstFree("runs/predict", _ => true));
    }

    [Fact]
    public void Busy_folders_get_the_first_free_number_from_two()
    {
        var busy = new HashSet<string>(StringComparer.Ordinal) { "runs/predict", "runs/predict2", "runs/predict3" };
        Assert.Equal("runs/predict4", RunFolderNaming.FirstFree("runs/predict", f => !busy.Contains(f)));
        Assert.Equal("runs/predict4", RunFolderNaming.FirstFree("runs/predict/", f => !busy.Contains(f)));
    }

    [Fact]
    public void No_free_name_gives_null_instead_of_looping_without_end()
    {
        int asked = 0;
        Assert.Null(RunFolderNaming.FirstFree("x", _ => ++asked < 0));
        Assert.Equal(RunFolderNaming.MaxSuffix, asked);
    }
}
