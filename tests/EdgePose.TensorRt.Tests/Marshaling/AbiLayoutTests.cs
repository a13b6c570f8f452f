using System.Runtime.InteropServices;
using System.Text.RegularExpressions;
using EdgePose.Native.TensorRt;
using EdgePose.Tests;

namespace EdgePose.TensorRt.Tests.Marshaling;

/// <summary>
/// The managed mirrors of the wrapper's structs have the layout the C compiler pins in
/// native/trt_wrapper/src/abi_layout.c (compiled on every machine by CMake and by
/// scripts/check-trt-headers.sh): every size and offset asserted there is read from that file and
/// checked here, so the two sides cannot drift apart silently.
/// </summary>
public partial class AbiLayoutTests
{
    private static readonly Dictionary<string, Type> Mirrors = new(StringComparer.Ordinal)
    {
        ["ept_version_info"] = typeof(TrtVersionInfo),
        ["ept_gpu_info"] = typeof(TrtGpuInfo),
        ["ept_input_profile"] = typeof(TrtInputProfile),
        ["ept_tensor_desc"] = typeof(TrtCalibrationTensorNative),
        ["ept_calibrator"] = typeof(TrtCalibrator),
        ["ept_build_options"] = typeof(TrtBuildOptions),
        ["ept_tensor_info"] = typeof(TrtIoTensorNative),
    };

    public static TheoryData<string, int> Sizes() => Pinned(PinPattern());

    public static TheoryData<string, int> Offsets() => Pinned(AtPattern());

    [Theory]
    [MemberData(nameof(Sizes))]
    public void Managed_struct_has_the_size_of_the_C_struct(string type, int size) =>
        Assert.Equal(size, Marshal.SizeOf(Mirrors[type]));

    [Theory]
    [MemberData(nameof(Offsets))]
    public void Managed_field_sits_at_the_offset_of_the_C_field(string typeAndField, int offset)
    {
        var (type, field) = (typeAndField.Split('.')[0], typeAndField.Split('.')[1]);
        Assert.Equal(offset, (int)Marshal.OffsetOf(Mirrors[type], PascalCase(field)));
    }

    [Fact]
    public void Every_mirrored_struct_is_pinned_in_C() =>
        Assert.Equal(Mirrors.Keys.Order(), Sizes().Select(row => (string)row[0]).Order());

    [Fact]
    public void Abi_version_matches_the_header()
    {
        var header = File.ReadAllText(Path.Combine(TestPaths.RepoRoot, "native", "trt_wrapper", "include", "edgepose_trt.h"));

        Assert.Contains($"#define EPT_ABI_VERSION {TrtAbi.Version}\n", header, StringComparison.Ordinal);
        Assert.Contains($"#define EPT_MAX_DIMS {TrtAbi.MaxDims}\n", header, StringComparison.Ordinal);
        Assert.Contains($"#define EPT_NAME_CAPACITY {TrtAbi.NameCapacity}\n", header, StringComparison.Ordinal);
    }

    [Fact]
    public void Build_options_carry_their_own_size_and_neutral_defaults()
    {
        var o = TrtBuildOptions.Create();

        Assert.Equal((uint)Marshal.SizeOf<TrtBuildOptions>(), o.StructSize);
        Assert.Equal(-1, o.DlaCore);
        Assert.Equal(-1, o.OptimizationLevel);
        Assert.Equal(1, o.MaxBatch);
        Assert.Equal(0u, o.PrecisionFlags);
    }

    private static TheoryData<string, int> Pinned(Regex pattern)
    {
        var source = File.ReadAllText(Path.Combine(TestPaths.RepoRoot, "native", "trt_wrapper", "src", "abi_layout.c"));
        var data = new TheoryData<string, int>();
        foreach (Match m in pattern.Matches(source))
        {
            data.Add(m.Groups["name"].Value.Replace(", ", ".", StringComparison.Ordinal), int.Parse(m.Groups["n"].Value, System.Globalization.CultureInfo.InvariantCulture));
        }

        return data;
    }

    private static string PascalCase(string snake) =>
        string.Concat(snake.Split('_').Select(w => char.ToUpperInvariant(w[0]) + w[1..]));

    [GeneratedRegex(@"^EPT_PIN\((?<name>\w+), (?<n>\d+)\);", RegexOptions.Multiline)]
    private static partial Regex PinPattern();

    [GeneratedRegex(@"^EPT_AT\((?<name>\w+, \w+), (?<n>\d+)\);", RegexOptions.Multiline)]
    private static partial Regex AtPattern();
}
