using System.Reflection;
using System.Runtime.InteropServices;
using System.Text.RegularExpressions;
using EdgePose.Native;
using EdgePose.Native.TensorRt;
using EdgePose.Tests;

namespace EdgePose.TensorRt.Tests.Marshaling;

/// <summary>The managed P/Invokes name exactly the functions edgepose_trt.h exports, from the wrapper library.</summary>
public partial class EntryPointTests
{
    [Fact]
    public void Every_exported_function_has_one_pinvoke_and_every_pinvoke_an_export()
    {
        var header = File.ReadAllText(Path.Combine(TestPaths.RepoRoot, "native", "trt_wrapper", "include", "edgepose_trt.h"));
        var exported = ExportPattern().Matches(header).Select(m => m.Groups["name"].Value).Order(StringComparer.Ordinal).ToList();

        var imported = PInvokes().Select(m => m.Name).Order(StringComparer.Ordinal).ToList();

        Assert.Equal(22, exported.Count);
        Assert.Equal(exported, imported);
    }

    [Fact]
    public void Every_pinvoke_binds_to_the_wrapper_library()
    {
        Assert.All(PInvokes(), m => Assert.Equal(NativeLibraries.TensorRtWrapper, m.GetCustomAttribute<LibraryImportAttribute>()!.LibraryName));
    }

    private static IEnumerable<MethodInfo> PInvokes() =>
        typeof(TrtStatus).Assembly.GetType("EdgePose.Native.TensorRt.TrtApi", throwOnError: true)!
            .GetMethods(BindingFlags.Public | BindingFlags.Static)
            .Where(m => m.GetCustomAttribute<LibraryImportAttribute>() is not null);

    [GeneratedRegex(@"^EPT_API [\w\s\*]+?\b(?<name>ept_\w+)\(", RegexOptions.Multiline)]
    private static partial Regex ExportPattern();
}
