using EdgePose.Native.Cuda;
using EdgePose.TensorRt.Building;
using EdgePose.TensorRt.Files;
using EdgePose.TensorRt.Runtime;
using EdgePose.TensorRt.Tests.Support;

namespace EdgePose.TensorRt.Tests.Files;

public class EngineSidecarJsonTests
{
    private static readonly EngineSidecar Sample = EngineFixtures.Sidecar(EngineFixtures.PlanBytes()) with
    {
        Build = new EngineBuildFlags
        {
            Precision = EnginePrecision.Int8,
            Batch = 4,
            WorkspaceMiB = 2048,
            DlaCore = 1,
            CalibrationImages = "/data/calib",
            TimingCache = "/var/cache/edgepose/orin.cache",
        },
    };

    [Fact]
    public void Sidecar_round_trips_every_field()
    {
        var back = EngineSidecarJson.Read(EngineSidecarJson.Write(Sample), "s.json");

        Assert.Equal(Sample.PlanSha256, back.PlanSha256);
        Assert.Equal(Sample.PlanBytes, back.PlanBytes);
        Assert.Equal(Sample.OnnxPath, back.OnnxPath);
        Assert.Equal(Sample.OnnxSha256, back.OnnxSha256);
        Assert.Equal(new TensorRtVersion(10, 3, 0), back.TensorRt);
        Assert.Equal(Sample.Gpu, back.Gpu);
        Assert.Equal(Sample.Build, back.Build);
        Assert.Equal(Sample.CreatedUtc, back.CreatedUtc);
        Assert.Equal(Sample.ModelMetadata.OrderBy(kv => kv.Key), back.ModelMetadata.OrderBy(kv => kv.Key));
    }

    [Fact]
    public void Sidecar_names_tensorrt_version_gpu_and_flags_in_plain_json()
    {
        var json = EngineSidecarJson.Write(Sample);

        Assert.Contains("\"tensorRt\": \"10.3.0\"", json, StringComparison.Ordinal);
        Assert.Contains("\"computeCapability\": \"8.7\"", json, StringComparison.Ordinal);
        Assert.Contains("\"precision\": \"int8\"", json, StringComparison.Ordinal);
        Assert.Contains("\"kpt_shape\": \"[17, 3]\"", json, StringComparison.Ordinal);
    }

    [Fact]
    public void Sidecar_without_optional_flags_reads_them_as_null()
    {
        var plain = Sample with { Build = new EngineBuildFlags() };

        var back = EngineSidecarJson.Read(EngineSidecarJson.Write(plain), "s.json");

        Assert.Null(back.Build.WorkspaceMiB);
        Assert.Null(back.Build.DlaCore);
        Assert.Null(back.Build.CalibrationImages);
        Assert.Equal(EnginePrecision.Fp32, back.Build.Precision);
    }

    [Fact]
    public void Missing_field_is_named_with_its_path()
    {
        var json = EngineSidecarJson.Write(Sample).Replace("\"computeCapability\"", "\"cc\"", StringComparison.Ordinal);

        var e = Assert.Throws<FormatException>(() => EngineSidecarJson.Read(json, "m.engine.json"));

        Assert.Equal("m.engine.json: 'gpu.computeCapability' is missing", e.Message);
    }

    [Fact]
    public void Field_of_the_wrong_type_is_named()
    {
        var json = EngineSidecarJson.Write(Sample).Replace("\"batch\": 4", "\"batch\": \"4\"", StringComparison.Ordinal);

        var e = Assert.Throws<FormatException>(() => EngineSidecarJson.Read(json, "m.engine.json"));

        Assert.Equal("m.engine.json: 'build.batch' is String, expected Number", e.Message);
    }

    [Fact]
    public void Unreadable_tensorrt_version_is_named()
    {
        var json = EngineSidecarJson.Write(Sample).Replace("\"10.3.0\"", "\"ten\"", StringComparison.Ordinal);

        var e = Assert.Throws<FormatException>(() => EngineSidecarJson.Read(json, "m.engine.json"));

        Assert.Equal("m.engine.json: 'tensorRt' 'ten' is not a TensorRT version like 10.3.0", e.Message);
    }

    [Fact]
    public void Unknown_precision_is_named()
    {
        var json = EngineSidecarJson.Write(Sample).Replace("\"int8\"", "\"int4\"", StringComparison.Ordinal);

        var e = Assert.Throws<FormatException>(() => EngineSidecarJson.Read(json, "m.engine.json"));

        Assert.Contains("'build.precision' 'int4' is not a precision", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Newer_sidecar_format_is_refused()
    {
        var json = EngineSidecarJson.Write(Sample).Replace("\"formatVersion\": 1", "\"formatVersion\": 7", StringComparison.Ordinal);

        var e = Assert.Throws<FormatException>(() => EngineSidecarJson.Read(json, "m.engine.json"));

        Assert.Contains("sidecar format version 7 is not supported", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Other_json_is_not_taken_for_a_sidecar()
    {
        var e = Assert.Throws<FormatException>(() => EngineSidecarJson.Read("{\"format\": \"something-else\"}", "x.json"));

        Assert.Contains("not an EdgePose engine sidecar", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Broken_json_is_reported_on_one_line()
    {
        var e = Assert.Throws<FormatException>(() => EngineSidecarJson.Read("{\n\"format\": ", "x.json"));

        Assert.StartsWith("x.json: not valid JSON", e.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', e.Message);
    }

    [Fact]
    public void Sidecar_path_is_the_plan_path_plus_json()
    {
        Assert.Equal("/m/yolo.fp16.engine.json", EngineSidecar.PathFor("/m/yolo.fp16.engine"));
        Assert.Equal(new ComputeCapability(8, 7), EngineFixtures.Orin.Gpu.ComputeCapability);
    }
}
