using EdgePose.Tests;

namespace EdgePose.Train.Tests.Torch;

/// <summary>
/// scripts/patch-torchsharp.sh --check decides whether TorchSharp's libLibTorchSharp.so must be patched:
/// only when the libstdc++ lacks the GLIBCXX_3.4.32 version definition. Checked both ways on stub
/// libraries built here with a version script (one with that version node, one stopping at 3.4.30),
/// and a file that merely contains the string is not mistaken for a definition.
/// </summary>
public sealed class LibstdcxxCheckTests : TempFolder
{
    private static string Script => Path.Combine(TestPaths.RepoRoot, "scripts", "patch-torchsharp.sh");

    private string Stub(string name, params string[] versions)
    {
        var src = At(name + ".c");
        File.WriteAllText(src, "void edgepose_stub(void) {}\n");
        var map = At(name + ".map");
        File.WriteAllText(map, string.Concat(versions.Select(v => v + " { global: edgepose_stub; };\n")));
        var so = At(name + ".so");
        var (rc, output) = ProcessRun.Run("gcc", "-shared", "-fPIC", "-o", so, src, "-Wl,--version-script=" + map);
        Assert.True(rc == 0, output);
        return so;
    }

    [Fact]
    public void A_libstdcxx_that_defines_GLIBCXX_3_4_32_needs_no_patch()
    {
        var so = Stub("gcc13", "GLIBCXX_3.4.30", "GLIBCXX_3.4.31", "GLIBCXX_3.4.32");
        var (rc, output) = ProcessRun.Run("bash", Script, "--check", so);
        Assert.Equal(0, rc);
        Assert.StartsWith("ok:", output);
    }

    [Fact]
    public void A_libstdcxx_that_stops_at_GLIBCXX_3_4_30_needs_the_patch()
    {
        var so = Stub("gcc12", "GLIBCXX_3.4.29", "GLIBCXX_3.4.30");
        var (rc, output) = ProcessRun.Run("bash", Script, "--check", so);
        Assert.Equal(3, rc);
        Assert.StartsWith("patch needed:", output);
    }

    [Fact]
    public void The_version_name_as_a_mere_string_is_not_a_definition()
    {
        var src = At("str.c");
        File.WriteAllText(src, "const char *edgepose_text = \"GLIBCXX_3.4.32\";\n");
        var so = At("str.so");
        Assert.Equal(0, ProcessRun.Run("gcc", "-shared", "-fPIC", "-o", so, src).ExitCode);
        Assert.Equal(3, ProcessRun.Run("bash", Script, "--check", so).ExitCode);
    }

    [Fact]
    public void A_file_that_is_not_a_library_is_a_one_line_error()
    {
        var notElf = At("notes.txt");
        File.WriteAllText(notElf, "GLIBCXX_3.4.32\n");
        var (rc, output) = ProcessRun.Run("bash", Script, "--check", notElf);
        Assert.Equal(2, rc);
        Assert.Equal($"error: not an ELF shared library: {notElf}", output.Trim());
    }

    [Fact]
    public void The_built_copy_is_patched_exactly_when_the_system_libstdcxx_lacks_the_version()
    {
        var (checkRc, _) = ProcessRun.Run("bash", Script, "--check");
        var copy = Path.Combine(AppContext.BaseDirectory, "runtimes", "linux-x64", "native", "libLibTorchSharp.so");
        Assert.True(File.Exists(copy), copy);
        var (_, symbols) = ProcessRun.Run("objdump", "-T", copy);
        var versioned = symbols.Split('\n').Any(l => l.Contains("(GLIBCXX_3.4.32)", StringComparison.Ordinal) && l.Contains("_ZSt21ios_base_library_initv", StringComparison.Ordinal));
        if (checkRc == 3)
        {
            Assert.False(versioned, "the build output's libLibTorchSharp.so still asks for GLIBCXX_3.4.32");
            Assert.Contains("libedgepose_ios_init.so", ProcessRun.Run("patchelf", "--print-needed", copy).Output);
        }
        else
        {
            Assert.Equal(0, checkRc);
            Assert.True(versioned, "patched although the system libstdc++ has GLIBCXX_3.4.32");
        }
    }
}
